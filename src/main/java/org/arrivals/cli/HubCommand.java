package org.arrivals.cli;

import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.arrivals.station.HubHost;
import org.arrivals.station.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "hub",
        mixinStandardHelpOptions = true,
        description = {
            "Run the hub that stations sync with: HTTP/JSON under /api/v1 (docs/hub-api.yaml).",
            "Data lives in H2 under HOME/hub/ unless --db names a database (jdbc:postgresql://HOST/DB?user=U&password=P).",
            "Runs until stopped (Ctrl+C)."
        },
        subcommands = {HubCommand.AddStation.class, HubCommand.Import.class, HubCommand.ImportSchedule.class})
final class HubCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    ArrivalsCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "P",
            description = "Port to listen on (default: ${DEFAULT-VALUE}).",
            defaultValue = "8480")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: all).",
            defaultValue = "0.0.0.0")
    String bind;

    @Option(
            names = "--db",
            paramLabel = "URL",
            scope = CommandLine.ScopeType.INHERIT,
            description = "JDBC URL of the hub's database (default: H2 in HOME/hub/).")
    String db;

    @Option(
            names = "--tls-keystore",
            paramLabel = "FILE",
            description = "Serve HTTPS with the key and certificate in this PKCS#12 keystore (stations then use an "
                    + "https:// hub.url and must trust the certificate). Its password: $ARRIVALS_HUB_TLS_PASSWORD, "
                    + "else asked on the terminal.")
    Path tlsKeystore;

    HubHost open() {
        Path home = root.resolvedHome();
        LogSetup.configure(home, root.resolvedConfig());
        return HubHost.open(home, db, Clock.systemUTC());
    }

    @Override
    public Integer call() throws Exception {
        HubHost host = open();
        char[] password = null;
        if (tlsKeystore != null) {
            String env = System.getenv("ARRIVALS_HUB_TLS_PASSWORD");
            Console console = System.console();
            password = env != null
                    ? env.toCharArray()
                    : console != null ? console.readPassword("Keystore password: ") : new char[0];
        }
        int actual = host.serve(
                bind, port, Math.max(4, Runtime.getRuntime().availableProcessors() * 2), tlsKeystore, password);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stop.countDown();
        }));
        spec.commandLine()
                .getOut()
                .println("Hub listening on port " + actual + (tlsKeystore == null ? "." : " (HTTPS)."));
        spec.commandLine().getOut().flush();
        stop.await();
        return 0;
    }

    @Command(
            name = "add-station",
            mixinStandardHelpOptions = true,
            description = {
                "Register a station and print its new token (only the token, on standard output).",
                "Works whether or not the hub is running. Put the token in the station's station.properties as "
                        + "hub.token."
            })
    static final class AddStation implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubCommand hub;

        @Parameters(paramLabel = "NAME", description = "The station's name: letters, digits, '.', '_' or '-'.")
        String name;

        @Option(names = "--admin", description = "This token may also register stations through the API.")
        boolean admin;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (HubHost host = hub.open()) {
                spec.commandLine().getOut().println(host.addStation(name, admin));
            }
            return 0;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Load a registration export (.csv or .xlsx) into the hub's roster; every station pulls it.",
                "Rows are matched by code: new ones added, changed ones updated."
            })
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubCommand hub;

        @Parameters(paramLabel = "FILE")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (HubHost host = hub.open()) {
                HubHost.RosterLoad r = host.importRoster(file);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Read %d rows: %d added or changed at the hub, %d problems "
                                        + "(run 'arrivals import --dry-run' on the file to see them).%n",
                                r.rows(), r.changed(), r.problems());
            }
            return 0;
        }
    }

    @Command(
            name = "import-schedule",
            mixinStandardHelpOptions = true,
            description = {
                "Load the event's schedule (.csv or .xlsx, as 'arrivals schedule import' reads it) into the hub; every "
                        + "station pulls it and it replaces theirs.",
                "All or nothing: a file with any problem loads nothing and lists each problem by line. Exit 0 "
                        + "loaded, 2 not."
            })
    static final class ImportSchedule implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubCommand hub;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(
                names = "--first-day",
                paramLabel = "DATE",
                description = "The date of day 1, for a file with a Day column (1, 2, 3) instead of Date.")
        String firstDay;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (HubHost host = hub.open()) {
                HubHost.ScheduleLoad r = host.importSchedule(file, firstDay == null ? null : Times.day(firstDay));
                if (!r.problems().isEmpty()) {
                    r.problems()
                            .forEach(p -> spec.commandLine().getErr().printf("line %d: %s%n", p.line(), p.reason()));
                    spec.commandLine()
                            .getErr()
                            .printf(
                                    "Nothing was loaded: %d problems.%n",
                                    r.problems().size());
                    return ArrivalsCommand.NOTHING_DONE;
                }
                spec.commandLine()
                        .getOut()
                        .printf("Loaded %d sessions at the hub (schedule version %d).%n", r.sessions(), r.version());
            }
            return 0;
        }
    }
}
