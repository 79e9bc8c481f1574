package org.arrivals.cli;

import java.util.concurrent.Callable;
import org.arrivals.print.PrintOutcome;
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
    int run(Station station) {
        PrintOutput.queue(station.printing().jobs(), json, out());
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
                var printing = station.printing();
                return PrintOutput.print(
                        printing.awaitAttempt(printing.retry(StationCommand.CLI, id), PrintOutput.WAIT),
                        false,
                        queue.out());
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
                var o = station.printing().cancel(StationCommand.CLI, id);
                queue.out().println(PrintOutput.message(o));
                return o.result() == PrintOutcome.Result.CANCELLED ? 0 : PrintOutput.NOT_PRINTED;
            }
        }
    }
}
