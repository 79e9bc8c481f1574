package org.arrivals.station;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrivals.audit.Actor;
import org.arrivals.audit.AuditLog;
import org.arrivals.audit.Role;
import org.arrivals.badge.BadgeTemplate;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.print.PrintService;
import org.arrivals.print.PrinterState;
import org.arrivals.print.Printers;
import org.arrivals.print.ZebraRawPrinter;
import org.arrivals.store.StoreKey;

/**
 * The rules of a station's first-run set-up (the kiosk's wizard; {@code arrivals check} is its
 * command-line counterpart): whether a station has an event yet, where a station key file on a USB
 * stick is found, the two staff PINs, a Zebra's address, the badge templates with their label
 * sizes, and the kiosk's mode. Every answer is a typed outcome; the wizard only words it.
 */
public final class StationSetup {
    /** The name of a station key file on a USB stick, looked for at the top of each mounted drive. */
    public static final String KEY_FILE = "arrivals-station.key";

    /** A system property: the folders (separated by the path separator) where USB drives are mounted. */
    public static final String ROOTS_PROPERTY = "arrivals.usb.roots";

    /** Who sets PINs and the mode: the admin (on the first run, whoever opened the station with its key). */
    static final Role CHANGE = Role.ADMIN;

    /** The wizard's steps, in order. */
    public enum Step {
        KEY,
        HUB,
        ROSTER,
        PRINTER,
        PINS,
        MODE
    }

    /** A new station key typed twice. */
    public enum NewKey {
        OK,
        TOO_SHORT,
        MISMATCH
    }

    public enum PinOutcome {
        SAVED,
        NOT_ALLOWED,
        /** The supervisor's PIN is not 6 to 12 digits. */
        SUPERVISOR_INVALID,
        SUPERVISOR_MISMATCH,
        /** The admin's PIN is not 6 to 12 digits. */
        ADMIN_INVALID,
        ADMIN_MISMATCH,
        /** The two roles need two PINs: the same one would make every supervisor an admin. */
        SAME_PINS,
        /** The station's PINs are not unlocked with its key. */
        LOCKED
    }

    public enum ModeOutcome {
        SAVED,
        NOT_ALLOWED,
        /** Staff mode is where a wizard leads back to, not a mode a station starts in. */
        NOT_A_STATION_MODE,
        BAD_LANGUAGE
    }

    /** A Zebra's address as typed: the printer setting it makes, or why it makes none. */
    public record Zebra(boolean valid, String setting) {}

    /** A badge template and the label it is drawn for, so the template is matched to the labels loaded. */
    public record Template(String name, double widthMm, double heightMm) {}

    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:]+\\])(?::(\\d{1,5}))?");

    private final Path home;
    private final Path configDir;
    private final PrintService printing;
    private final AuditLog audit;

    StationSetup(Path home, Path configDir, PrintService printing, AuditLog audit) {
        this.home = home;
        this.configDir = configDir;
        this.printing = printing;
        this.audit = audit;
    }

    // ---- before the station is open (no key yet)

    /** True when the event has no database yet: the kiosk's first run opens the wizard, not the unlock screen. */
    public static boolean freshEvent(Path home, String eventId) {
        Path dir;
        try {
            dir = DataHome.eventDirectory(home, EventId.check(eventId));
        } catch (IllegalArgumentException e) {
            return false; // not an event id: opening the station says so
        }
        if (StoreKey.isEncrypted(dir)) {
            return false;
        }
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Where USB drives are mounted: the folders of {@link #ROOTS_PROPERTY} when set, else
     * {@code /media/USER}, {@code /run/media/USER}, {@code /media} and {@code /mnt}.
     */
    public static List<Path> usbRoots() {
        String configured = System.getProperty(ROOTS_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Arrays.stream(configured.split(java.io.File.pathSeparator))
                    .filter(s -> !s.isBlank())
                    .map(Path::of)
                    .toList();
        }
        String user = System.getProperty("user.name");
        return List.of(Path.of("/media", user), Path.of("/run/media", user), Path.of("/media"), Path.of("/mnt"));
    }

    /**
     * The first station key file ({@link #KEY_FILE}) at the top of a drive mounted under one of
     * {@code roots} (or in a root itself), first to last by name.
     */
    public static Optional<Path> findKeyFile(List<Path> roots) {
        for (Path root : roots) {
            Path direct = root.resolve(KEY_FILE);
            if (Files.isRegularFile(direct) && Files.isReadable(direct)) {
                return Optional.of(direct);
            }
            List<Path> drives = new ArrayList<>();
            try (var dirs = Files.list(root)) {
                dirs.filter(Files::isDirectory).sorted().forEach(drives::add);
            } catch (IOException | SecurityException e) {
                continue; // nothing mounted here
            }
            for (Path d : drives) {
                Path f = d.resolve(KEY_FILE);
                if (Files.isRegularFile(f) && Files.isReadable(f)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** A new station's key, typed twice: long enough (in UTF-8 bytes, as the key is counted), and the same. */
    public static NewKey newKey(char[] typed, char[] again) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(typed));
        int length = bytes.remaining();
        Arrays.fill(bytes.array(), (byte) 0);
        if (length < StationKey.MIN_LENGTH) {
            return NewKey.TOO_SHORT;
        }
        return Arrays.equals(typed, again) ? NewKey.OK : NewKey.MISMATCH;
    }

    // ---- on the open station

    /** Sets the supervisor's and the admin's PINs, each typed twice, on the kiosk's own PINs. */
    public PinOutcome setPins(
            Actor actor, StaffPin pins, String supervisor, String supervisorAgain, String admin, String adminAgain) {
        if (!actor.may(CHANGE)) {
            return PinOutcome.NOT_ALLOWED;
        }
        if (!validPin(supervisor)) {
            return PinOutcome.SUPERVISOR_INVALID;
        }
        if (!supervisor.equals(supervisorAgain)) {
            return PinOutcome.SUPERVISOR_MISMATCH;
        }
        if (!validPin(admin)) {
            return PinOutcome.ADMIN_INVALID;
        }
        if (!admin.equals(adminAgain)) {
            return PinOutcome.ADMIN_MISMATCH;
        }
        if (admin.equals(supervisor)) {
            return PinOutcome.SAME_PINS;
        }
        if (!pins.unlocked()) {
            return PinOutcome.LOCKED;
        }
        pins.change(Role.SUPERVISOR, supervisor);
        pins.change(Role.ADMIN, admin);
        audit.record(actor.auditName(), "staff pins", null, "supervisor and admin");
        return PinOutcome.SAVED;
    }

    private static boolean validPin(String pin) {
        return pin != null && pin.matches("\\d{" + StaffPin.MIN_DIGITS + ",12}");
    }

    /**
     * The wizard's last step: the mode the kiosk starts in from now on (desk, self-service or door) and
     * its language, saved; then the set-up is recorded as finished (how it left the station: its mode,
     * whether a printer is chosen).
     */
    public ModeOutcome finish(Actor actor, KioskSettings.Mode mode, String language) {
        if (!actor.may(CHANGE)) {
            return ModeOutcome.NOT_ALLOWED;
        }
        if (mode == null || mode == KioskSettings.Mode.STAFF) {
            return ModeOutcome.NOT_A_STATION_MODE;
        }
        if (language == null || !KioskSettings.LANGUAGES.contains(language)) {
            return ModeOutcome.BAD_LANGUAGE;
        }
        String value = mode.name().toLowerCase(Locale.ROOT);
        StationFile.set(home, Map.of("kiosk.mode", value, "kiosk.language", language));
        audit.record(
                actor.auditName(),
                "configuration",
                null,
                "{kiosk.language=" + language + ", kiosk.mode=" + value + "}");
        audit.record(
                actor.auditName(),
                "set-up",
                null,
                "mode " + value + "; printer " + (printing.target().hasPrinter() ? "chosen" : "none"));
        return ModeOutcome.SAVED;
    }

    /** The printer setting for a Zebra at {@code address} ({@code HOST} or {@code HOST:PORT}; port 9100 by default). */
    public static Zebra zebra(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("zebra://")) {
            a = a.substring("zebra://".length());
        }
        Matcher m = HOST_PORT.matcher(a);
        if (a.isEmpty() || !m.matches()) {
            return new Zebra(false, null);
        }
        int port = m.group(2) == null ? ZebraRawPrinter.PORT : Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            return new Zebra(false, null);
        }
        return new Zebra(true, "zebra://" + m.group(1) + ":" + port);
    }

    /** The spooler's queues, each with its state as the print worker finds it now (a few seconds at most each). */
    public List<Printers.Found> printers() {
        List<Printers.Found> out = new ArrayList<>();
        for (String queue : Printers.spoolerQueues()) {
            out.add(new Printers.Found(queue, state(queue)));
        }
        return out;
    }

    /** How a printer (a queue or a network printer's setting) is now. */
    public PrinterState state(String printer) {
        try {
            return printing.probe(printer).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return new PrinterState(PrinterState.Condition.UNREACHABLE, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PrinterState(PrinterState.Condition.UNREACHABLE, "interrupted");
        }
    }

    /** The badge templates this station can print (its own in kiosk-config/badges, then the built-in ones), with their label sizes. */
    public List<Template> templates() {
        List<String> names = new ArrayList<>();
        if (configDir != null) {
            try (var files = Files.list(configDir.resolve("badges"))) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".json"))
                        .map(n -> n.substring(0, n.length() - ".json".length()))
                        .sorted()
                        .forEach(names::add);
            } catch (IOException | SecurityException e) {
                // no templates of the station's own
            }
        }
        TemplateLoader.BUILT_IN.stream().filter(n -> !names.contains(n)).forEach(names::add);
        List<Template> out = new ArrayList<>();
        for (String n : names) {
            try {
                BadgeTemplate t = TemplateLoader.named(n, configDir);
                out.add(new Template(n, t.width(), t.height()));
            } catch (IllegalArgumentException broken) {
                // arrivals check names a broken template; the wizard offers the others
            }
        }
        return out;
    }
}
