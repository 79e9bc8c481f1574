package org.arrivals.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.arrivals.station.DataHome;
import org.arrivals.station.EventId;
import org.arrivals.station.LogSetup;
import org.arrivals.station.Station;
import org.arrivals.station.StationKey;
import org.arrivals.station.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code arrivals}: the station's command line, over the same services as the kiosk screens. */
@Command(
        name = "arrivals",
        mixinStandardHelpOptions = true,
        versionProvider = ArrivalsCommand.VersionProvider.class,
        description = "Arrivals: offline-first conference check-in and badge printing.")
public final class ArrivalsCommand implements Runnable {
    /**
     * The commands, in the order of {@code --help}. Registered when the command line is built (not in
     * the annotation) so that the kiosk's own start builds only its command: picocli reading all of them
     * costs about 0.3 s of every start.
     */
    private static final List<Class<?>> COMMANDS = List.of(
            ImportCommand.class,
            SearchCommand.class,
            CheckInCommand.class,
            PickupCommand.class,
            UndoCommand.class,
            WalkInCommand.class,
            EditCommand.class,
            HistoryCommand.class,
            StatsCommand.class,
            BadgeCommand.class,
            BadgesCommand.class,
            PrintCommand.class,
            ReprintCommand.class,
            QueueCommand.class,
            PrintersCommand.class,
            ExportCommand.class,
            DemoCommand.class,
            KioskCommand.class,
            PinCommand.class,
            SyncCommand.class,
            HubCommand.class,
            JoinCommand.class,
            CheckCommand.class,
            EncryptCommand.class,
            AuditCommand.class,
            WipeCommand.class,
            CompactCommand.class,
            ScheduleCommand.class,
            SessionsCommand.class,
            SessionCommand.class,
            DelegationCommand.class,
            CertificateCommand.class,
            CertificatesCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code when the input could not be used at all (nothing was changed). */
    public static final int NOTHING_DONE = 2;

    @Option(
            names = "--home",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Data folder (default: $ARRIVALS_HOME, else the user's data folder).")
    Path home;

    @Option(
            names = "--event",
            scope = ScopeType.INHERIT,
            paramLabel = "ID",
            description = "Event id; each event has its own database (default: $ARRIVALS_EVENT, else 'default').")
    String event;

    @Option(
            names = "--station",
            scope = ScopeType.INHERIT,
            paramLabel = "S",
            description = "Record as this station id for this run (default: station.id in HOME/station.properties).")
    String station;

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "The kiosk-config folder (default: $ARRIVALS_CONFIG).")
    Path config;

    @Option(
            names = "--key-file",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "The station key that unlocks the encrypted data (default: $ARRIVALS_KEY, else asked "
                    + "on the terminal).")
    Path keyFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Path resolvedHome() {
        return DataHome.resolve(home);
    }

    String resolvedEvent() {
        String e = event != null ? event : System.getenv("ARRIVALS_EVENT");
        return EventId.check(e == null || e.isBlank() ? EventId.DEFAULT : e);
    }

    Path resolvedConfig() {
        if (config != null) {
            return config;
        }
        String env = System.getenv("ARRIVALS_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        // the installed app passes the kiosk-config samples it ships with (see scripts/package)
        String shipped = System.getProperty("arrivals.config");
        return shipped == null || shipped.isBlank() ? null : Path.of(shipped);
    }

    /** Opens the station's services, with logging pointed at its data folder. */
    Station openStation() {
        return openStation(null);
    }

    /** As above; {@code fallbackKey}, when given, is used where no key was given (the demo's key). */
    Station openStation(String fallbackKey) {
        Path h = resolvedHome();
        LogSetup.configure(h, resolvedConfig());
        return openStationWith(stationKey(fallbackKey));
    }

    /** Opens the station's services with this key (logging already set up). */
    Station openStationWith(StationKey key) {
        return Station.open(resolvedHome(), resolvedEvent(), station, Clock.systemUTC(), resolvedConfig(), key);
    }

    /** True when a key was given (--key-file, $ARRIVALS_KEY) or {@code fallback} stands in for one. */
    boolean keyGiven(String fallback) {
        String env = System.getenv(StationKey.ENV);
        return keyFile != null || fallback != null || (env != null && !env.isBlank());
    }

    /** The station key: --key-file, else $ARRIVALS_KEY, else {@code fallback}, else asked on the terminal. */
    StationKey stationKey(String fallback) {
        Map<String, String> env = System.getenv();
        if (keyFile == null
                && fallback != null
                && (env.get(StationKey.ENV) == null || env.get(StationKey.ENV).isBlank())) {
            return StationKey.passphrase(fallback);
        }
        return StationKey.resolve(keyFile, env, () -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("Station key: ");
        });
    }

    public static int run(String... args) {
        return run(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        CommandLine cli = new CommandLine(new ArrivalsCommand());
        if (args.length > 0 && args[0].equals("kiosk")) {
            // the kiosk's start (what the installed app runs with no command): only its own command
            cli.addSubcommand(KioskCommand.class);
        } else {
            COMMANDS.forEach(cli::addSubcommand);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("arrivals: " + PlainError.describe(e));
            if (e instanceof IllegalArgumentException) {
                // a usage problem, already explained in the sentence above
                return NOTHING_DONE;
            }
            org.slf4j.LoggerFactory.getLogger(ArrivalsCommand.class).error("Command failed", e);
            return 1;
        });
        return cli.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "arrivals " + Version.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") at "
                        + System.getProperty("java.home")
            };
        }
    }
}
