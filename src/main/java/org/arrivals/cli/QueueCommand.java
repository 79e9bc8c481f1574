package org.arrivals.cli;

import java.util.concurrent.Callable;
import org.arrivals.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "queue",
        mixinStandardHelpOptions = true,
        description = "The station's print queue: every badge job with its state, attempts and last error.",
        subcommands = {QueueCommand.Retry.class, QueueCommand.Cancel.class})
final class QueueCommand extends StationCommand {
    @Option(names = "--json", description = "Print [{\"id\",\"code\",\"printer\",\"state\",\"attempts\",\"error\"}].")
    boolean json;

    @Override
    boolean audited() {
        return false;
    }

    @Override
    int run(Station station) {
        PrintOutput.queue(station.printing().queue().all(), json, out());
        return 0;
    }

    @Command(
            name = "retry",
            mixinStandardHelpOptions = true,
            description =
                    "Hand a waiting or failed job to its printer again. Exit 0: handed over; 6: still not printed.")
    static final class Retry implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        QueueCommand queue;

        @Parameters(paramLabel = "JOB")
        long id;

        @Override
        public Integer call() {
            try (Station station = queue.root.openStation()) {
                int exit = PrintOutput.print(station.printing().retry(id), false, queue.out());
                station.audit()
                        .record(org.arrivals.audit.AuditLog.CLI, "queue retry", Long.toString(id), "exit " + exit);
                return exit;
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job that has not printed.")
    static final class Cancel implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        QueueCommand queue;

        @Parameters(paramLabel = "JOB")
        long id;

        @Override
        public Integer call() {
            try (Station station = queue.root.openStation()) {
                var job = station.printing().cancel(id);
                station.audit().record(org.arrivals.audit.AuditLog.CLI, "queue cancel", Long.toString(id), "exit 0");
                queue.out()
                        .println("Job " + job.id() + " is " + job.state().name().toLowerCase(java.util.Locale.ROOT)
                                + ".");
                return 0;
            }
        }
    }
}
