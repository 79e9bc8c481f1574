package org.arrivals.badge.text;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.awt.geom.Point2D;
import java.lang.Character.UnicodeScript;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Shapes a line of text in any script with the JDK's own text layout engine (HarfBuzz inside the
 * JDK): bidirectional runs by {@link Bidi}, a font per script from the {@link FontChain}, then
 * {@link Font#layoutGlyphVector} for joining (Arabic), conjuncts and reordering (Devanagari,
 * Myanmar) and mark stacking (Vietnamese). PDFBox only draws the glyphs that come out.
 * Characters no font can draw (emoji) are dropped, never drawn as a missing-glyph box.
 */
public final class Shaper {
    private static final Map<TextAttribute, Object> KERN_LIGA = Map.of(
            TextAttribute.KERNING, TextAttribute.KERNING_ON, TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Shaper() {}

    public static ShapedLine shape(String text, float size, FontChain chain) {
        String s = dropUndrawable(text == null ? "" : text, chain);
        FontFace[] faces = assignFaces(s, chain);
        char[] chars = s.toCharArray();
        List<ShapedLine.Run> out = new ArrayList<>();
        if (s.isEmpty()) {
            return new ShapedLine(s, size, out);
        }
        Bidi bidi = new Bidi(s, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int n = bidi.getRunCount();
        byte[] levels = new byte[n];
        Object[] bidiRuns = new Object[n];
        for (int r = 0; r < n; r++) {
            int start = bidi.getRunStart(r);
            int limit = bidi.getRunLimit(r);
            levels[r] = (byte) bidi.getRunLevel(r);
            boolean rtl = (levels[r] & 1) == 1;
            List<ShapedLine.Run> sub = new ArrayList<>();
            for (int i = start; i < limit; ) {
                int j = i + 1;
                while (j < limit && faces[j] == faces[i]) {
                    j++;
                }
                sub.add(shapeRun(faces[i], size, chars, i, j, rtl));
                i = j;
            }
            if (rtl) {
                Collections.reverse(sub);
            }
            bidiRuns[r] = sub;
        }
        Bidi.reorderVisually(levels, 0, bidiRuns, 0, n);
        for (Object l : bidiRuns) {
            @SuppressWarnings("unchecked")
            List<ShapedLine.Run> runs = (List<ShapedLine.Run>) l;
            out.addAll(runs);
        }
        return new ShapedLine(s, size, out);
    }

    private static ShapedLine.Run shapeRun(FontFace face, float size, char[] chars, int start, int limit, boolean rtl) {
        Font f = face.awt().deriveFont(size).deriveFont(KERN_LIGA);
        GlyphVector gv = f.layoutGlyphVector(
                FRC, chars, start, limit, rtl ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT);
        int ng = gv.getNumGlyphs();
        String text = new String(chars, start, limit - start);
        TreeSet<Integer> clusterStarts = new TreeSet<>();
        for (int g = 0; g < ng; g++) {
            clusterStarts.add(gv.getGlyphCharIndex(g));
        }
        List<ShapedLine.Cluster> clusters = new ArrayList<>();
        for (int g = 0; g < ng; ) {
            int ci = gv.getGlyphCharIndex(g);
            int h = g;
            List<ShapedLine.Glyph> glyphs = new ArrayList<>();
            for (; h < ng && gv.getGlyphCharIndex(h) == ci; h++) {
                int gid = gv.getGlyphCode(h);
                if (gid >= 0xFFFE) {
                    continue; // the JDK's invisible glyph for ZWJ, ZWNJ and controls
                }
                Point2D p = gv.getGlyphPosition(h);
                glyphs.add(new ShapedLine.Glyph(gid, (float) p.getX(), (float) -p.getY()));
            }
            Integer next = clusterStarts.higher(ci);
            String ct = text.substring(ci, next == null ? text.length() : next);
            if (!glyphs.isEmpty()) {
                boolean mapsBack = glyphs.size() == 1
                        && ct.equals(face.toUnicode(glyphs.get(0).gid()));
                clusters.add(new ShapedLine.Cluster(glyphs, mapsBack ? null : ct));
            }
            g = h;
        }
        return new ShapedLine.Run(
                face, size, clusters, (float) gv.getGlyphPosition(ng).getX());
    }

    private static boolean isIgnorable(int cp) {
        return cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** A font for every char; spaces, punctuation and marks take a neighbour's. Null: nothing can draw it. */
    static FontFace[] assignFaces(String s, FontChain chain) {
        FontFace[] faces = new FontFace[s.length()];
        boolean[] weak = new boolean[s.length()];
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            UnicodeScript sc = UnicodeScript.of(cp);
            boolean w = sc == UnicodeScript.COMMON || sc == UnicodeScript.INHERITED || isIgnorable(cp);
            FontFace f = w ? null : chain.faceFor(cp);
            for (int k = 0; k < n; k++) {
                faces[i + k] = f;
                weak[i + k] = w;
            }
            i += n;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (weak[i]) {
                FontFace prev = i > 0 ? faces[i - 1] : null;
                FontFace next = null;
                for (int j = i + n; j < s.length() && next == null; j++) {
                    if (!weak[j]) {
                        next = faces[j];
                    }
                }
                FontFace f;
                if (prev != null && (prev.canDisplay(cp) || isIgnorable(cp))) {
                    f = prev;
                } else if (next != null && (next.canDisplay(cp) || isIgnorable(cp))) {
                    f = next;
                } else {
                    f = isIgnorable(cp) ? null : chain.faceFor(cp);
                }
                for (int k = 0; k < n; k++) {
                    faces[i + k] = f;
                }
            }
            i += n;
        }
        return faces;
    }

    /** Drops what no font can draw (emoji) and tidies the spaces left behind. */
    static String dropUndrawable(String s, FontChain chain) {
        FontFace[] faces = assignFaces(s, chain);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (faces[i] != null) {
                b.append(s.charAt(i));
            }
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }
}
