package org.arrivals.certificate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks certificate templates; every error names the file and the field, and says what to do. */
public final class CertificateTemplates {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** The templates shipped with the app, used when kiosk-config has none of that name. */
    public static final List<String> BUILT_IN = List.of("a4", "letter");

    private CertificateTemplates() {}

    /** A template by name: {@code configDir/certificates/NAME.json} if present, else the built-in one. */
    public static CertificateTemplate named(String name, Path configDir) {
        if (configDir != null) {
            Path f = configDir.resolve("certificates").resolve(name + ".json");
            if (Files.isRegularFile(f)) {
                try (InputStream in = Files.newInputStream(f)) {
                    return parse(in, f.toString());
                } catch (IOException e) {
                    throw new IllegalArgumentException(f + ": cannot be read (" + e.getMessage() + ").");
                }
            }
        }
        try (InputStream in = CertificateTemplates.class.getResourceAsStream("/certificates/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No certificate template named \"" + name + "\". Templates: "
                        + String.join(", ", BUILT_IN) + " (or a .json file in kiosk-config/certificates).");
            }
            return parse(in, "built-in certificate template " + name);
        } catch (IOException e) {
            throw new IllegalArgumentException("built-in certificate template " + name + ": " + e.getMessage());
        }
    }

    static CertificateTemplate parse(InputStream in, String source) {
        CertificateTemplate t;
        try {
            t = JSON.readValue(in, CertificateTemplate.class);
        } catch (JsonMappingException e) {
            StringBuilder at = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                at.append(at.length() == 0 ? "" : ".")
                        .append(r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName());
            }
            throw new IllegalArgumentException(source + ", field " + (at.length() == 0 ? "(top)" : at) + ": "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    source + ": not valid JSON (" + e.getMessage().split("\n")[0] + ").");
        }
        List<String> problems = new ArrayList<>();
        if (t.name() == null || t.name().isBlank()) {
            problems.add("name: give the template a name");
        }
        if (t.width() < 50 || t.height() < 50 || t.width() > 1000 || t.height() > 1000) {
            problems.add("width, height: the page's size in millimetres (A4 is 210 x 297)");
        }
        if (t.margin() < 0 || t.margin() * 2 >= Math.min(t.width(), t.height())) {
            problems.add("margin: millimetres from each edge, less than half the page");
        }
        if (t.accent() != null && !COLOR.matcher(t.accent()).matches()) {
            problems.add("accent: a colour such as #1F4E79");
        }
        String[] names = {
            "title", "intro", "person", "organization", "statement", "days", "table", "total", "qr", "footer"
        };
        CertificateTemplate.Block[] blocks = {
            t.title(),
            t.intro(),
            t.person(),
            t.organization(),
            t.statement(),
            t.days(),
            t.table(),
            t.total(),
            t.qr(),
            t.footer()
        };
        for (int i = 0; i < names.length; i++) {
            CertificateTemplate.Block b = blocks[i];
            if (b == null) {
                problems.add(names[i] + ": missing (every part needs its place: y and size)");
            } else if (b.size() <= 0 || b.y() < 0 || b.y() > t.height()) {
                problems.add(names[i] + ": y (mm from the top, on the page) and size (above 0)");
            }
        }
        if (t.table() != null
                && (t.table().bottom() <= t.table().y() || t.table().bottom() > t.height())) {
            problems.add("table.bottom: the lowest line of the table, in mm from the top, below table.y");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems) + ".");
        }
        return t;
    }
}
