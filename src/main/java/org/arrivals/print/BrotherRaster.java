package org.arrivals.print;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A badge in Brother's raster language for the QL series: the PDF drawn onto the dots the loaded
 * roll can print, then media information, cut settings, one raster line per dot row (PackBits
 * compressed where the model takes it) and "print". The badge's width maps onto the roll's
 * printable dots; its length is the template's (a continuous roll is cut there) or the die-cut
 * label's printable length, so nothing is cropped.
 */
public final class BrotherRaster {
    /** Brother's feed margin on a continuous roll, before and after the print: 35 dots (3 mm). */
    static final int FEED_MARGIN = 35;

    /** How far the template's width and the roll's may differ and still be the same stock, in mm. */
    static final double WIDTH_TOLERANCE_MM = 1.0;

    /** How far a die-cut label's length may differ from the template's, in mm. */
    static final double LENGTH_TOLERANCE_MM = 2.0;

    private BrotherRaster() {}

    /**
     * Where the badge goes on a roll: the printable dots across it, the dots left blank at its
     * right edge (the head is wider than most rolls), and the dot rows to send.
     */
    public record Geometry(int widthMm, BrotherStatus.Media media, int lengthMm, int dots, int rightMargin, int lines) {
        /** The first head dot (from the left, as sent) the badge covers. */
        int leftPad() {
            return BrotherModel.HEAD_DOTS - dots - rightMargin;
        }
    }

    /** Printable dots and right margin per roll width (300 dpi, 720-dot head), continuous then die-cut. */
    private static final int[][] CONTINUOUS = {
        {12, 106, 29}, {29, 306, 6}, {38, 413, 12}, {50, 554, 12}, {54, 590, 0}, {62, 696, 12}
    };

    private static final int[][] DIE_CUT = {
        {17, 165, 0}, {23, 202, 42}, {29, 306, 6}, {38, 413, 12}, {39, 425, 6}, {52, 578, 0}, {62, 696, 12}
    };

    /** Printable rows of the die-cut labels Brother sells, by width and length. */
    private static final int[][] DIE_CUT_LINES = {
        {17, 54, 566},
        {17, 87, 956},
        {23, 23, 202},
        {29, 42, 425},
        {29, 90, 991},
        {38, 90, 991},
        {39, 48, 495},
        {52, 29, 271},
        {62, 29, 271},
        {62, 100, 1109}
    };

    /**
     * Where a badge of this stock goes on the loaded roll, or null when it does not fit: a roll of
     * another width, a die-cut label of another length, or no roll at all.
     */
    public static Geometry geometry(LabelStock stock, BrotherStatus loaded) {
        if (loaded.media() == BrotherStatus.Media.NONE
                || Math.abs(stock.widthMm() - loaded.mediaWidthMm()) > WIDTH_TOLERANCE_MM) {
            return null;
        }
        int[] across =
                find(loaded.media() == BrotherStatus.Media.DIE_CUT ? DIE_CUT : CONTINUOUS, loaded.mediaWidthMm());
        if (across == null) {
            return null;
        }
        int lines;
        if (loaded.media() == BrotherStatus.Media.DIE_CUT) {
            if (Math.abs(stock.heightMm() - loaded.mediaLengthMm()) > LENGTH_TOLERANCE_MM) {
                return null;
            }
            lines = dieCutLines(loaded.mediaWidthMm(), loaded.mediaLengthMm());
        } else {
            // the printer feeds a margin before and after: the cut label is the template's length
            lines = (int) Math.round(stock.heightMm() / 25.4 * BrotherModel.DPI) - 2 * FEED_MARGIN;
        }
        return new Geometry(loaded.mediaWidthMm(), loaded.media(), loaded.mediaLengthMm(), across[1], across[2], lines);
    }

    private static int[] find(int[][] table, int widthMm) {
        for (int[] row : table) {
            if (row[0] == widthMm) {
                return row;
            }
        }
        return null;
    }

    private static int dieCutLines(int widthMm, int lengthMm) {
        for (int[] row : DIE_CUT_LINES) {
            if (row[0] == widthMm && row[1] == lengthMm) {
                return row[2];
            }
        }
        // a label Brother does not list: about 3 mm at each end cannot be printed
        return (int) Math.round(lengthMm / 25.4 * BrotherModel.DPI) - 72;
    }

    /** The first page of the badge drawn onto the printable dots: black where the badge is dark. */
    public static BufferedImage draw(byte[] pdf, Geometry g) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var box = doc.getPage(0).getMediaBox();
            BufferedImage image = new BufferedImage(g.dots(), g.lines(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D gr = image.createGraphics();
            try {
                // PDFBox clears the page with the background colour first: a label is white
                gr.setBackground(Color.WHITE);
                gr.setColor(Color.WHITE);
                gr.fillRect(0, 0, g.dots(), g.lines());
                gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                new PDFRenderer(doc)
                        .renderPageToGraphics(0, gr, g.dots() / box.getWidth(), g.lines() / box.getHeight());
            } finally {
                gr.dispose();
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the badge for the printer", e);
        }
    }

    /**
     * The job after the status exchange: raster mode, media information, cut after the label,
     * margins, compression, the lines, print.
     */
    public static byte[] job(BufferedImage badge, Geometry g, BrotherModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(g.lines() * (BrotherModel.LINE_BYTES + 3) + 64);
        if (model.modeSwitch) {
            out.write(0x1B);
            out.write('i');
            out.write('a');
            out.write(0x01); // raster mode
        }
        boolean dieCut = g.media() == BrotherStatus.Media.DIE_CUT;
        // ESC i z: which fields are valid (recover, kind, width, length, quality), then the fields
        out.write(0x1B);
        out.write('i');
        out.write('z');
        out.write(0x80 | 0x02 | 0x04 | (dieCut ? 0x08 : 0) | 0x40);
        out.write(dieCut ? BrotherStatus.Media.DIE_CUT.code : BrotherStatus.Media.CONTINUOUS.code);
        out.write(g.widthMm());
        out.write(dieCut ? g.lengthMm() : 0);
        out.write(g.lines() & 0xFF);
        out.write(g.lines() >> 8 & 0xFF);
        out.write(g.lines() >> 16 & 0xFF);
        out.write(g.lines() >> 24 & 0xFF);
        out.write(0); // the first page
        out.write(0);
        out.writeBytes(new byte[] {0x1B, 'i', 'M', 0x40}); // cut automatically
        out.writeBytes(new byte[] {0x1B, 'i', 'A', 0x01}); // after every label
        out.writeBytes(new byte[] {0x1B, 'i', 'K', 0x08}); // and at the end
        int margin = dieCut ? 0 : FEED_MARGIN;
        out.writeBytes(new byte[] {0x1B, 'i', 'd', (byte) (margin & 0xFF), (byte) (margin >> 8)});
        if (model.compression) {
            out.writeBytes(new byte[] {'M', 0x02}); // TIFF (PackBits)
        }
        byte[] line = new byte[BrotherModel.LINE_BYTES];
        int pad = g.leftPad();
        for (int y = 0; y < g.lines(); y++) {
            Arrays.fill(line, (byte) 0);
            // the head prints a line mirrored: the badge's right edge goes first
            for (int x = 0; x < g.dots(); x++) {
                if ((badge.getRaster().getSample(x, y, 0)) < 128) {
                    int dot = BrotherModel.HEAD_DOTS - 1 - (pad + x);
                    line[dot >> 3] |= (byte) (0x80 >> (dot & 7));
                }
            }
            byte[] data = model.compression ? PackBits.encode(line) : line;
            out.write('g');
            out.write(0x00);
            out.write(data.length);
            out.writeBytes(data);
        }
        out.write(0x1A); // print the last page, and feed
        return out.toByteArray();
    }

    /** TIFF's run-length coding, as Brother's "M 02" mode takes each raster line. */
    public static final class PackBits {
        private PackBits() {}

        /**
         * A run of 2 to 128 equal bytes is (1 - n, byte); other bytes go as (n - 1, n bytes), n up to
         * 128. A line never grows by more than one byte in 128.
         */
        public static byte[] encode(byte[] in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 64 + 2);
            int i = 0;
            while (i < in.length) {
                int run = 1;
                while (i + run < in.length && run < 128 && in[i + run] == in[i]) {
                    run++;
                }
                if (run >= 2) {
                    out.write(1 - run);
                    out.write(in[i]);
                    i += run;
                    continue;
                }
                int start = i;
                int n = 0;
                // a pair stays in the literal (a run costs as much); three alike start a run
                while (i < in.length && n < 128 && !(i + 2 < in.length && in[i + 1] == in[i] && in[i + 2] == in[i])) {
                    i++;
                    n++;
                }
                if (n == 0) { // a lone byte before a run
                    i++;
                    n = 1;
                }
                out.write(n - 1);
                out.write(in, start, n);
            }
            return out.toByteArray();
        }

        /** Undoes {@link #encode}; {@code length} is the line's size once expanded. */
        public static byte[] decode(byte[] in, int length) {
            byte[] out = new byte[length];
            int o = 0;
            int i = 0;
            while (i < in.length && o < length) {
                int n = in[i++];
                if (n >= 0) {
                    for (int k = 0; k <= n && o < length && i < in.length; k++) {
                        out[o++] = in[i++];
                    }
                } else if (n != -128) {
                    byte b = in[i++];
                    for (int k = 0; k < 1 - n && o < length; k++) {
                        out[o++] = b;
                    }
                }
            }
            return out;
        }
    }
}
