package org.arrivals.print;

import org.arrivals.badge.BadgeTemplate;

/**
 * The label a badge is printed on: its size in millimetres, as the template draws it (width
 * across, height down), and the printer resolution it was laid out for.
 */
public record LabelStock(double widthMm, double heightMm, int dpi) {
    private static final double POINTS_PER_MM = 72 / 25.4;

    public static LabelStock of(BadgeTemplate template) {
        return new LabelStock(template.width(), template.height(), template.dpi());
    }

    public double widthPoints() {
        return widthMm * POINTS_PER_MM;
    }

    public double heightPoints() {
        return heightMm * POINTS_PER_MM;
    }
}
