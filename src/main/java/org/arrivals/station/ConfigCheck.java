package org.arrivals.station;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.print.Printers;
import org.xml.sax.SAXParseException;

/**
 * Reads everything an organizer configures before doors open (the station's settings, the badge
 * templates, the logging configuration) and names each problem with its file, its setting and
 * the fix. Nothing is changed.
 */
public final class ConfigCheck {
    public enum Severity {
        OK,
        WARNING,
        ERROR
    }

    public record Finding(Severity severity, String file, String message) {
        @Override
        public String toString() {
            return severity + "  " + file + ": " + message;
        }
    }

    static final Set<String> KEYS = Set.of(
            "station.id",
            "scanner.prefix",
            "scanner.suffix",
            "printer",
            "checkin.on.print",
            "print.on.checkin",
            "hub.url",
            "hub.token",
            "kiosk.mode",
            "kiosk.idle.seconds",
            "kiosk.language",
            "kiosk.large.text",
            "event.name",
            "event.timezone",
            "event.first.day",
            "badge.template",
            "staff.pin",
            "staff.pin.admin",
            "hub.token.sealed");

    private ConfigCheck() {}

    public static List<Finding> run(Path home, Path configDir) {
        List<Finding> out = new ArrayList<>();
        station(home, configDir, out);
        if (configDir != null) {
            templates(configDir, out);
            logging(configDir.resolve("logback.xml"), out);
        }
        return out;
    }

    private static void station(Path home, Path configDir, List<Finding> out) {
        Path file = home.resolve(StationSettings.FILE);
        String name = file.toString();
        if (!Files.exists(file)) {
            out.add(new Finding(
                    Severity.WARNING,
                    name,
                    "missing: the station will make one with a new station.id. Copy "
                            + "kiosk-config/station.sample.properties there and edit it."));
            return;
        }
        Properties p = StationFile.read(home);
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                out.add(new Finding(
                        Severity.WARNING,
                        name,
                        "'" + key + "' is not a setting Arrivals knows (typo?). " + "Known settings: "
                                + String.join(", ", new TreeSet<>(KEYS)) + "."));
            }
        }
        int before = out.size();
        KioskSettings kiosk = null;
        try {
            kiosk = KioskSettings.parse(p, name);
        } catch (IllegalArgumentException e) {
            out.add(new Finding(Severity.ERROR, name, e.getMessage().substring(name.length() + 2)));
        }
        try {
            EventSettings.parse(p, name);
        } catch (IllegalArgumentException e) {
            out.add(new Finding(Severity.ERROR, name, e.getMessage().substring(name.length() + 2)));
        }
        String printer = p.getProperty("printer", "").strip();
        if (printer.isEmpty()) {
            out.add(new Finding(
                    Severity.WARNING,
                    name,
                    "printer is blank: check-ins are recorded but no badge prints. "
                            + "Set it to a CUPS queue's name (see `arrivals printers`) or zebra://HOST:PORT."));
        } else {
            for (String one : Printers.members(printer)) {
                if (one.startsWith("zebra://") && !one.matches("zebra://[^:/\\s]+(:\\d{1,5})?")) {
                    out.add(new Finding(
                            Severity.ERROR,
                            name,
                            "printer = '" + one + "' is not a Zebra address. Use "
                                    + "zebra://HOST or zebra://HOST:PORT (the raw port is usually 9100)."));
                }
            }
            String wrong = Printers.problem(printer);
            if (wrong != null && !wrong.contains("Zebra") && !wrong.contains("zebra://")) {
                out.add(new Finding(Severity.ERROR, name, "printer: " + wrong));
            }
        }
        try {
            StationSettings.duty(p, name);
        } catch (IllegalArgumentException e) {
            out.add(new Finding(
                    Severity.ERROR,
                    name,
                    e.getMessage().startsWith(name + ": ")
                            ? e.getMessage().substring(name.length() + 2)
                            : e.getMessage()));
        }
        String hub = p.getProperty("hub.url", "").strip();
        if (!hub.isEmpty()) {
            try {
                URI u = URI.create(hub);
                if (u.getHost() == null
                        || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                    throw new IllegalArgumentException();
                }
                if (p.getProperty("hub.token", "").isBlank()
                        && p.getProperty("hub.token.sealed", "").isBlank()) {
                    out.add(new Finding(
                            Severity.ERROR,
                            name,
                            "hub.url is set but hub.token is blank. Make a token on "
                                    + "the hub's machine with `arrivals hub add-station NAME` and paste it here."));
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                out.add(new Finding(
                        Severity.ERROR,
                        name,
                        "hub.url = '" + hub + "' is not a web address. Use "
                                + "http://HOST:PORT or https://HOST:PORT."));
            }
        }
        if (kiosk != null) {
            try {
                TemplateLoader.named(kiosk.template(), configDir);
            } catch (RuntimeException e) {
                out.add(new Finding(
                        Severity.ERROR, name, "badge.template = '" + kiosk.template() + "': " + e.getMessage()));
            }
        }
        if (p.getProperty("staff.pin", "").isBlank()
                && p.getProperty("staff.pin.admin", "").isBlank()) {
            out.add(new Finding(
                    Severity.WARNING,
                    name,
                    "no staff PIN is set: staff mode cannot be opened and a "
                            + "self-service station cannot be left. Set one with `arrivals pin set`."));
        }
        if (out.size() == before) {
            out.add(new Finding(Severity.OK, name, "station " + p.getProperty("station.id", "?") + " is set up"));
        }
    }

    private static void templates(Path configDir, List<Finding> out) {
        Path dir = configDir.resolve("badges");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                try {
                    TemplateLoader.load(f);
                    out.add(new Finding(Severity.OK, f.toString(), "badge template reads"));
                } catch (RuntimeException e) {
                    out.add(new Finding(Severity.ERROR, f.toString(), e.getMessage()));
                }
            }
        } catch (IOException e) {
            out.add(new Finding(Severity.ERROR, dir.toString(), "cannot be read: " + e.getMessage()));
        }
    }

    private static void logging(Path file, List<Finding> out) {
        if (!Files.exists(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newDocumentBuilder().parse(in);
            out.add(new Finding(Severity.OK, file.toString(), "logging configuration reads"));
        } catch (SAXParseException e) {
            out.add(new Finding(
                    Severity.ERROR,
                    file.toString(),
                    "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage()));
        } catch (Exception e) {
            out.add(new Finding(Severity.ERROR, file.toString(), "cannot be read: " + e.getMessage()));
        }
    }
}
