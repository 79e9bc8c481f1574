package org.arrivals.badge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A badge layout as data (kiosk-config/badges/*.json). Lengths are millimetres from the top-left
 * corner of the label; font sizes are points. See kiosk-config/badges/README.md.
 */
public record BadgeTemplate(
        String name,
        String description,
        double width,
        double height,
        int dpi,
        Map<String, String> typeColors,
        String defaultColor,
        List<Element> elements,
        List<Element> back,
        @JsonIgnore Path folder) {

    /** The same template, knowing the folder its images are relative to. */
    public BadgeTemplate withFolder(Path folder) {
        return new BadgeTemplate(
                name, description, width, height, dpi, typeColors, defaultColor, elements, back, folder);
    }

    /**
     * One thing on the badge. {@code kind}: "bar" (a filled rectangle, {@code color} a colour or
     * "type" for the attendee type's colour), "text" ({@code value} with placeholders such as
     * {name}), "qr" (the signed badge token, a square of {@code width}), or "image" (a PNG or JPEG
     * named by {@code value}, relative to the template's folder, fitted into its box).
     * {@code back}, when present, is printed as a second page of each badge.
     */
    public record Element(
            String kind,
            double x,
            double y,
            double width,
            double height,
            String value,
            String color,
            String align,
            double maxSize,
            double minSize,
            int maxLines,
            boolean bold) {}
}
