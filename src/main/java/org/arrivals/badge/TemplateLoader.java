package org.arrivals.badge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks badge templates; every error names the file and the field, and says what to do. */
public final class TemplateLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Set<String> KINDS = Set.of("bar", "text", "qr", "image");
    private static final Set<String> ALIGN = Set.of("left", "center", "right");
    /** The templates shipped with the app, used when kiosk-config has none. */
    public static final List<String> BUILT_IN =
            List.of("thermal-4x3", "fanfold-4x6", "brother-62x100", "dymo-30856", "dymo-30256");

    private TemplateLoader() {}

    public static BadgeTemplate load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            BadgeTemplate t =
                    parse(in, file.toString()).withFolder(file.toAbsolutePath().getParent());
            checkImages(t, file);
            return t;
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot be read (" + e.getMessage() + ").");
        }
    }

    /** A template by name: {@code configDir/badges/NAME.json} if present, else the built-in one. */
    public static BadgeTemplate named(String name, Path configDir) {
        if (configDir != null) {
            Path f = configDir.resolve("badges").resolve(name + ".json");
            if (Files.isRegularFile(f)) {
                return load(f);
            }
        }
        try (InputStream in = TemplateLoader.class.getResourceAsStream("/badges/" + name + ".json")) {
            if (in == null) {
                throw new TemplateException("No badge template named \"" + name + "\". Templates: "
                        + String.join(", ", BUILT_IN) + " (or a .json file in kiosk-config/badges).");
            }
            return parse(in, "built-in template " + name);
        } catch (IOException e) {
            throw new TemplateException("built-in template " + name + ": " + e.getMessage());
        }
    }

    static BadgeTemplate parse(InputStream in, String source) {
        BadgeTemplate t;
        try {
            t = JSON.readValue(in, BadgeTemplate.class);
        } catch (JsonMappingException e) {
            throw new TemplateException(source + ", field " + path(e) + ": "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new TemplateException(
                    source + ": not valid JSON (" + e.getMessage().split("\n")[0] + ").");
        }
        List<String> problems = new ArrayList<>();
        if (t.name() == null || t.name().isBlank()) {
            problems.add("name: give the template a name");
        }
        if (t.width() <= 0 || t.height() <= 0) {
            problems.add("width, height: the label's size in millimetres, both above 0");
        }
        if (t.dpi() < 72 || t.dpi() > 1200) {
            problems.add("dpi: the printer's resolution, for example 203 or 300");
        }
        if (t.defaultColor() != null && !COLOR.matcher(t.defaultColor()).matches()) {
            problems.add("defaultColor: a colour such as #37474F");
        }
        if (t.typeColors() != null) {
            t.typeColors().forEach((type, c) -> {
                if (c == null || !COLOR.matcher(c).matches()) {
                    problems.add("typeColors." + type + ": a colour such as #B3261E");
                }
            });
        }
        if (t.elements() == null || t.elements().isEmpty()) {
            problems.add("elements: a template needs at least one element");
        } else {
            for (int i = 0; i < t.elements().size(); i++) {
                check(t, t.elements().get(i), "elements[" + i + "]", problems);
            }
        }
        if (t.back() != null) {
            for (int i = 0; i < t.back().size(); i++) {
                check(t, t.back().get(i), "back[" + i + "]", problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(source + ": " + String.join("; ", problems) + ".");
        }
        return t;
    }

    private static void check(BadgeTemplate t, BadgeTemplate.Element e, String at, List<String> problems) {
        if (e.kind() == null || !KINDS.contains(e.kind())) {
            problems.add(at + ".kind: one of bar, text, qr, image");
            return;
        }
        double h = e.kind().equals("qr") ? e.width() : e.height();
        if (e.x() < 0
                || e.y() < 0
                || e.width() <= 0
                || h <= 0
                || e.x() + e.width() > t.width() + 0.01
                || e.y() + h > t.height() + 0.01) {
            problems.add(at + ": its box (x, y, width, height) must lie inside the " + t.width() + " x " + t.height()
                    + " mm label");
        }
        if (e.color() != null
                && !e.color().equals("type")
                && !e.color().equals("onType")
                && !COLOR.matcher(e.color()).matches()) {
            problems.add(at + ".color: #RRGGBB, \"type\" (the attendee type's colour) or \"onType\" "
                    + "(black or white, whichever reads on it)");
        }
        if (e.kind().equals("image") && (e.value() == null || e.value().isBlank())) {
            problems.add(at + ".value: the image file (PNG or JPEG), relative to the template's folder");
        }
        if (e.kind().equals("text")) {
            if (e.value() == null || e.value().isBlank()) {
                problems.add(at + ".value: the text, with placeholders such as {name} or {org}");
            }
            if (e.maxSize() <= 0 || e.minSize() <= 0 || e.minSize() > e.maxSize()) {
                problems.add(at + ".maxSize, minSize: font sizes in points, minSize <= maxSize");
            }
            if (e.align() != null && !ALIGN.contains(e.align())) {
                problems.add(at + ".align: left, center or right");
            }
        }
    }

    private static void checkImages(BadgeTemplate t, Path file) {
        List<BadgeTemplate.Element> all = new ArrayList<>(t.elements());
        if (t.back() != null) {
            all.addAll(t.back());
        }
        for (BadgeTemplate.Element e : all) {
            if (e.kind().equals("image") && !Files.isRegularFile(file.resolveSibling(e.value()))) {
                throw new TemplateException(file + ": the image \"" + e.value() + "\" is not in " + file.getParent()
                        + ". Put the file beside the template or correct its name.");
            }
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "(top)" : b.toString();
    }

    /** A template that cannot be used; the message names the file and the field. */
    public static final class TemplateException extends IllegalArgumentException {
        TemplateException(String message) {
            super(message);
        }
    }
}
