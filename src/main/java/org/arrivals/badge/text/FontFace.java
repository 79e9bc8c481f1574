package org.arrivals.badge.text;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One font of the fallback chain, loaded once per JVM from the app's resources and shared by every
 * badge: the JDK font (for shaping) and the same file's metrics (for the PDF), which must agree
 * glyph id for glyph id.
 */
public final class FontFace {
    private final String name;
    private final byte[] bytes;
    private final Font awt;
    private final TrueTypeFont ttf;
    private final float unitsPerEm;
    private final Set<UnicodeScript> scripts;

    FontFace(String resource, List<UnicodeScript> scripts) {
        this.name = resource;
        try (InputStream in = FontFace.class.getResourceAsStream("/fonts/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("The badge font " + resource + " is missing from the app.");
            }
            this.bytes = in.readAllBytes();
            this.awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
            this.ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            this.unitsPerEm = ttf.getUnitsPerEm();
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("The badge font " + resource + " cannot be read: " + e.getMessage(), e);
        }
        this.scripts = scripts.isEmpty() ? EnumSet.noneOf(UnicodeScript.class) : EnumSet.copyOf(scripts);
    }

    public String name() {
        return name;
    }

    byte[] bytes() {
        return bytes;
    }

    Font awt() {
        return awt;
    }

    boolean serves(UnicodeScript script) {
        return scripts.contains(script);
    }

    boolean canDisplay(int codePoint) {
        return awt.canDisplay(codePoint);
    }

    /** What PDFBox's generated ToUnicode map will say for a glyph (fontbox reads lazily: not thread-safe). */
    synchronized String toUnicode(int gid) {
        try {
            List<Integer> codes = ttf.getUnicodeCmapLookup().getCharCodes(gid);
            return codes == null || codes.isEmpty() ? null : new String(new int[] {codes.get(0)}, 0, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A glyph's advance exactly as PDFBox writes it into the font's /W array. */
    synchronized int pdfWidth(int gid) {
        try {
            return Math.round(ttf.getHorizontalMetrics().getAdvanceWidth(gid) * (1000f / unitsPerEm));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
