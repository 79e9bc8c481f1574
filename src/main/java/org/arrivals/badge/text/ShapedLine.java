package org.arrivals.badge.text;

import java.util.List;

/**
 * One line of text shaped for one size: runs in visual (left-to-right) order, each one font and
 * one direction, made of clusters of glyphs with their positions in points.
 */
public record ShapedLine(String text, float size, List<Run> runs) {

    public float width() {
        float w = 0;
        for (Run r : runs) {
            w += r.advance();
        }
        return w;
    }

    /** A glyph id and its position relative to the run's origin, in points, y up. */
    public record Glyph(int gid, float x, float y) {}

    /**
     * The glyphs standing for one piece of logical text. {@code actualText} is null when the font's
     * own character map already gives that text back (copy and paste works without help).
     */
    public record Cluster(List<Glyph> glyphs, String actualText) {}

    public record Run(FontFace face, float size, List<Cluster> clusters, float advance) {}
}
