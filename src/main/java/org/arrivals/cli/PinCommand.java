package org.arrivals.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.arrivals.audit.PendingAudit;
import org.arrivals.audit.Role;
import org.arrivals.station.EventFolder;
import org.arrivals.station.StaffPin;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "pin",
        mixinStandardHelpOptions = true,
        subcommands = PinCommand.Set.class,
        description = "The staff PIN that unlocks staff mode and lets a person leave self-service.")
final class PinCommand implements Runnable {
    @CommandLine.ParentCommand
    ArrivalsCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: arrivals pin set");
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Set a staff PIN (6 to 12 digits), read from the terminal or, with no terminal, as one line"
                    + " of standard input. Only a salted verifier is kept, encrypted under a key derived from the station"
                    + " key (HOME/staff-pins.sealed). Always needs the station key (this also lifts a PIN lockout); the"
                    + " audit log records it.")
    static final class Set implements Callable<Integer> {
        @CommandLine.ParentCommand
        PinCommand pin;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(
                names = "--role",
                paramLabel = "R",
                defaultValue = "supervisor",
                description = "Whose PIN: supervisor (staff mode: reprints, queue, import, printers, export) or admin "
                        + "(also configuration and wipe). Default: supervisor.")
        String role;

        /**
         * Setting a PIN (and so lifting a lockout) is an admin's act: it needs the station key, like
         * every command, and the audit log records it as the command line.
         */
        @Override
        public Integer call() throws Exception {
            Role r = Role.parse(role);
            Path home = pin.root.resolvedHome();
            String event = pin.root.resolvedEvent();
            // the key is checked against the PINs' file (or an event's key-check file) without opening the
            // database: a kiosk may have it open (a PIN is often set, or a lockout lifted, while it runs)
            var key = pin.root.stationKey(null);
            var folder = new EventFolder(home, event);
            if (folder.exists()) {
                folder.verifyKey(key);
            }
            StaffPin.set(home, key, r, readPin(r));
            PendingAudit.note(home, "pin set", "role " + r.id()); // into the log at the next open
            spec.commandLine().getOut().println("The " + r.id() + " PIN is set.");
            return 0;
        }

        private static String readPin(Role r) throws IOException {
            Console console = System.console();
            String entered;
            if (console != null) {
                char[] a = console.readPassword("New " + r.id() + " PIN: ");
                char[] b = console.readPassword("Again: ");
                if (a == null || b == null || !new String(a).equals(new String(b))) {
                    throw new IllegalArgumentException("The two PINs differ; nothing was changed.");
                }
                entered = new String(a);
            } else {
                entered = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            return entered == null ? "" : entered.strip();
        }
    }
}
