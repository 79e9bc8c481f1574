package org.arrivals.badge.text;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws shaped lines into a PDF as glyph ids. The fonts are embedded as subsets (Identity-H, the
 * CID being the font's original glyph id: PDFBox maps it to the subset's own ids when it saves).
 * Clusters whose glyphs do not map back to their text one to one are wrapped in
 * {@code /ActualText}, so copying a name from the PDF gives the name.
 *
 * <p>PDFBox has no public call that shows glyph ids, so the text operators go through
 * {@code appendRawCommands}; see docs/badge-text-shaping.md.
 */
public final class PdfGlyphWriter {
    private final PDDocument doc;
    private final Map<FontFace, PDType0Font> fonts = new HashMap<>();

    public PdfGlyphWriter(PDDocument doc) {
        this.doc = doc;
    }

    /** Draws a line with its left edge at x and its baseline at y (points). */
    public void draw(PDPageContentStream cs, ShapedLine line, float x, float y) throws IOException {
        for (ShapedLine.Run run : line.runs()) {
            PDType0Font pd = font(run.face());
            Set<Integer> gids = new HashSet<>();
            for (ShapedLine.Cluster c : run.clusters()) {
                for (ShapedLine.Glyph g : c.glyphs()) {
                    gids.add(g.gid());
                }
            }
            pd.addGlyphsToSubset(gids);
            cs.beginText();
            cs.setFont(pd, run.size()); // also queues the font for subsetting at save
            Tj tj = new Tj(cs, run.face(), run.size(), x, y);
            for (ShapedLine.Cluster c : run.clusters()) {
                if (c.actualText() == null) {
                    tj.glyph(c.glyphs().get(0));
                    continue;
                }
                tj.flush();
                beginActualText(cs, c.actualText());
                for (ShapedLine.Glyph g : c.glyphs()) {
                    tj.glyph(g);
                }
                tj.flush();
                cs.endMarkedContent();
            }
            tj.flush();
            cs.endText();
            x += run.advance();
        }
    }

    private PDType0Font font(FontFace face) throws IOException {
        PDType0Font pd = fonts.get(face);
        if (pd == null) {
            pd = PDType0Font.load(doc, new RandomAccessReadBuffer(face.bytes()), true, false); // subset, horizontal
            fonts.put(face, pd);
        }
        return pd;
    }

    /** Writes glyphs as {@code Tm [<gid> adjust <gid> ...] TJ}; a glyph off the baseline (a mark) starts anew. */
    private static final class Tj {
        private final PDPageContentStream cs;
        private final FontFace face;
        private final float size;
        private final float ox;
        private final float oy;
        private StringBuilder body;
        private float segY;
        private float prevX;
        private int prevW;

        Tj(PDPageContentStream cs, FontFace face, float size, float ox, float oy) {
            this.cs = cs;
            this.face = face;
            this.size = size;
            this.ox = ox;
            this.oy = oy;
        }

        void glyph(ShapedLine.Glyph g) throws IOException {
            if (body == null || Math.abs(g.y() - segY) > 1e-3f) {
                flush();
                cs.setTextMatrix(Matrix.getTranslateInstance(ox + g.x(), oy + g.y()));
                body = new StringBuilder();
                segY = g.y();
            } else {
                // TJ number: the glyph's own advance minus the wanted one, in thousandths of the size
                float adjust = prevW - (g.x() - prevX) * 1000f / size;
                if (Math.abs(adjust) > 0.5f) {
                    body.append(String.format(Locale.ROOT, "%.1f", adjust));
                }
            }
            body.append(String.format(Locale.ROOT, "<%04X>", g.gid()));
            prevX = g.x();
            prevW = face.pdfWidth(g.gid());
        }

        @SuppressWarnings("deprecation")
        void flush() throws IOException {
            if (body != null) {
                cs.appendRawCommands("[" + body + "] TJ\n");
            }
            body = null;
        }
    }

    /** An inline {@code /ActualText} dictionary: poppler ignores one given as a resource reference. */
    @SuppressWarnings("deprecation")
    private static void beginActualText(PDPageContentStream cs, String text) throws IOException {
        StringBuilder hex = new StringBuilder("FEFF");
        for (char c : text.toCharArray()) {
            hex.append(String.format(Locale.ROOT, "%04X", (int) c));
        }
        cs.appendRawCommands("/Span <</ActualText <" + hex + ">>> BDC\n");
    }
}
