package org.arrivals.badge;

import java.awt.Color;

/** Colours on a badge: parsing, and text that stays readable on a coloured ribbon (WCAG contrast). */
final class Colors {
    private Colors() {}

    static Color parse(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    /** Black or white, whichever has the higher contrast ratio against the background. */
    static Color readableOn(Color background) {
        return contrast(background, Color.WHITE) >= contrast(background, Color.BLACK) ? Color.WHITE : Color.BLACK;
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
