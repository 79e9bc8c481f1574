package org.arrivals.cli;

import java.io.Console;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            "Run the hub that stations sync with: HTTPS/JSON under /api/v1 (docs/hub-api.yaml).",
            "It makes its own certificate on first start (HOME/hub/tls.p12); stations pin its fingerprint"
                    + " (arrivals hub fingerprint) through their set-up codes (arrivals hub add-station NAME --setup-code).",
            "It also serves the organizers' console at https://HOST:PORT/ (arrivals hub console-link signs in).",
            "Data lives in H2 under HOME/hub/ unless --db names a database (jdbc:postgresql://HOST/DB?user=U&password=P).",
            "Runs until stopped (Ctrl+C)."
        },
        subcommands = {
            HubCommand.AddStation.class,
            HubCommand.Import.class,
            HubCommand.ImportSchedule.class,
            HubCommand.Fingerprint.class,
            HubCommand.Revoke.class,
            HubCommand.Stations.class,
            HubCommand.AddOrganizer.class,
            HubCommand.ConsoleLink.class
        })
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
            description = "Address to listen on (default: all; 127.0.0.1 with --insecure-http).")
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
            scope = CommandLine.ScopeType.INHERIT,
            description = "Serve HTTPS with the key and certificate in this PKCS#12 keystore instead of the hub's own."
                    + " Its password: $ARRIVALS_HUB_TLS_PASSWORD, else asked on the terminal.")
    Path tlsKeystore;

    @Option(
            names = "--insecure-http",
            description = "Serve plain HTTP instead of HTTPS, on a loopback address only (tests, or behind a TLS proxy"
                    + " on the same machine).")
    boolean insecureHttp;

    HubHost open() {
        Path home = root.resolvedHome();
        LogSetup.configure(home, root.resolvedConfig());
        return HubHost.open(home, db, Clock.systemUTC());
    }

    char[] keystorePassword() {
        if (tlsKeystore == null) {
            return null;
        }
        String env = System.getenv("ARRIVALS_HUB_TLS_PASSWORD");
        Console console = System.console();
        return env != null
                ? env.toCharArray()
                : console != null ? console.readPassword("Keystore password: ") : new char[0];
    }

    @Override
    public Integer call() throws Exception {
        String address = bind;
        if (insecureHttp) {
            if (tlsKeystore != null) {
                throw new IllegalArgumentException("Give --tls-keystore or --insecure-http, not both.");
            }
            if (address == null) {
                address = "127.0.0.1";
            } else if (!InetAddress.getByName(address).isLoopbackAddress()) {
                throw new IllegalArgumentException(
                        "--insecure-http serves plain HTTP on a loopback address only (127.0.0.1"
                                + " or ::1), not " + address
                                + ": on a network, a sniffer would read the roster and every"
                                + " token. Leave out --insecure-http to serve HTTPS.");
            }
        } else if (address == null) {
            address = "0.0.0.0";
        }
        HubHost host = open();
        int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        int actual;
        String fingerprint = null;
        if (insecureHttp) {
            actual = host.serve(address, port, threads);
        } else {
            char[] password = keystorePassword();
            fingerprint = host.fingerprint(tlsKeystore, password);
            actual = host.serveTls(address, port, threads, tlsKeystore, password);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stop.countDown();
        }));
        spec.commandLine()
                .getOut()
                .println("Hub listening on port " + actual
                        + (insecureHttp ? " (plain HTTP, this machine only)." : " (HTTPS)."));
        if (fingerprint != null) {
            spec.commandLine().getOut().println("Certificate SHA-256: " + fingerprint);
        }
        spec.commandLine().getOut().flush();
        stop.await();
        return 0;
    }

    @Command(
            name = "add-station",
            mixinStandardHelpOptions = true,
            description = {
                "Register a station and print its new token (only the token, on standard output).",
                "With --setup-code, print instead the station's set-up code (one line starting ARRIVALS-SETUP:): the"
                        + " hub's address, its certificate's fingerprint, the station's name, role and token, for"
                        + " 'arrivals join CODE' or the kiosk's first screen. Keep it as secret as a token.",
                "Works whether or not the hub is running."
            })
    static final class AddStation implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubCommand hub;

        @Parameters(paramLabel = "NAME", description = "The station's name: letters, digits, '.', '_' or '-'.")
        String name;

        @Option(names = "--admin", description = "Same as --role admin.")
        boolean admin;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                description = "What its token may do: desk (default: everything a desk does), self-service (check-ins,"
                        + " first badges and pickups only), door (the check-ins a door records), admin (also the"
                        + " roster and stations).")
        String role;

        @Option(names = "--setup-code", description = "Print the station's set-up code instead of its token.")
        boolean setupCode;

        @Option(
                names = "--url",
                paramLabel = "https://HOST:PORT",
                description = "The hub's address in the set-up code (default: https on this machine's network address,"
                        + " port 8480).")
        String url;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var r = admin ? HubHost.role("admin") : HubHost.role(role == null ? "desk" : role);
            if (url != null && !setupCode) {
                throw new IllegalArgumentException("--url goes with --setup-code.");
            }
            try (HubHost host = hub.open()) {
                spec.commandLine()
                        .getOut()
                        .println(
                                setupCode
                                        ? host.addStationWithSetupCode(
                                                name, r, url, hub.tlsKeystore, hub.keystorePassword())
                                        : host.addStation(name, r));
            }
            return 0;
        }
    }

    @Command(
            name = "fingerprint",
            mixinStandardHelpOptions = true,
            description = {
                "Print the SHA-256 of the hub's certificate (DER) as 32 colon-separated hex pairs, as"
                        + " 'openssl x509 -fingerprint -sha256' shows it. Makes the hub's own certificate if it has none yet."
            })
    static final class Fingerprint implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubCommand hub;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (HubHost host = hub.open()) {
                spec.commandLine().getOut().println(host.fingerprint(hub.tlsKeystore, hub.keystorePassword()));
            }
            return 0;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = {
                "Refuse a station's token from now on (HTTP 401), also while the hub runs. A lost laptop's"
                        + " station: revoke it, then 'add-station' the same name gives its replacement a new token."
            })
    static final class Revoke implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubCommand hub;

        @Parameters(paramLabel = "NAME")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (HubHost host = hub.open()) {
                if (!host.revoke(name)) {
                    spec.commandLine().getErr().println("The hub has no station named " + name + ".");
                    return ArrivalsCommand.NOTHING_DONE;
                }
            }
            spec.commandLine().getOut().println("Station " + name + " is revoked: its token is refused from now on.");
            return 0;
        }
    }

    @Command(
            name = "stations",
            mixinStandardHelpOptions = true,
            description = {"The stations the hub knows: role, when added, last seen, revoked or not."})
    static final class Stations implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubCommand hub;

        @Option(names = "--json", description = "Print the list as JSON.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<HubHost.Listed> all;
            try (HubHost host = hub.open()) {
                all = host.stations();
            }
            var out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> doc = new ArrayList<>();
                for (HubHost.Listed s : all) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", s.name());
                    m.put("role", s.role());
                    m.put("added", s.added());
                    m.put("lastSeen", s.lastSeen());
                    m.put("revoked", s.revoked() != null);
                    m.put("revokedAt", s.revoked());
                    doc.add(m);
                }
                out.println(Json.write(Map.of("stations", doc)));
                return 0;
            }
            if (all.isEmpty()) {
                out.println("The hub has no stations yet: arrivals hub add-station NAME --setup-code");
                return 0;
            }
            out.printf("%-24s %-13s %-26s %s%n", "station", "role", "last seen", "state");
            for (HubHost.Listed s : all) {
                out.printf(
                        "%-24s %-13s %-26s %s%n",
                        s.name(),
                        s.role(),
                        s.lastSeen() == null
                                ? "never"
                                : s.lastSeen().withNano(0).toString(),
                        s.revoked() == null
                                ? "active"
                                : "revoked " + s.revoked().withNano(0));
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

    @Command(
            name = "add-organizer",
            mixinStandardHelpOptions = true,
            description = {
                "Add an organizer of the web console and print their new password, once (the hub keeps only a"
                        + " salted hash). An organizer already there gets a new password and is signed out.",
                "Works whether or not the hub is running."
            })
    static final class AddOrganizer implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubCommand hub;

        @Parameters(paramLabel = "NAME", description = "The organizer's name: letters, digits, '.', '_', '@' or '-'.")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (HubHost host = hub.open()) {
                var added = host.addOrganizer(name);
                var out = spec.commandLine().getOut();
                out.println((added.created() ? "Organizer " : "New password for organizer ") + added.name()
                        + " (shown only now; sign in at https://HOST:PORT/signin):");
                out.println(added.password());
            }
            return 0;
        }
    }

    @Command(
            name = "console-link",
            mixinStandardHelpOptions = true,
            description = {
                "Print a one-time sign-in link to the web console, on its own line. Opened within 10 minutes, once,"
                        + " it signs in as the first organizer (made if there is none) and opens the live page.",
                "Works whether or not the hub is running."
            })
    static final class ConsoleLink implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubCommand hub;

        @Option(
                names = "--url",
                paramLabel = "https://HOST:PORT",
                description = "The hub's address in the link (default: https on this machine's network address,"
                        + " port 8480).")
        String url;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (HubHost host = hub.open()) {
                spec.commandLine().getOut().println(host.consoleLink(url));
            }
            return 0;
        }
    }
}
