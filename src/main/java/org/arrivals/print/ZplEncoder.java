package org.arrivals.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A badge as a Zebra printer's own language: the PDF rendered at the printer's resolution into a
 * one-bit image and sent as one {@code ^GF} graphic field covering the whole label. Nothing is
 * left to the printer's fonts, so every script prints exactly as previewed.
 */
public final class ZplEncoder {
    private ZplEncoder() {}

    /** One label per page of the PDF. */
    public static byte[] encode(byte[] pdf, int dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            StringBuilder zpl = new StringBuilder();
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                zpl.append(label(renderer.renderImageWithDPI(page, dpi, ImageType.BINARY)));
            }
            return zpl.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the badge for the printer", e);
        }
    }

    /**
     * {@code ^XA ^PW ^LL ^FO0,0 ^GFA,total,total,bytesPerRow,HEX ^FS ^XZ}: print width and label
     * length in dots, then the image, a set bit printing black.
     */
    static String label(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int bytesPerRow = (w + 7) / 8;
        int total = bytesPerRow * h;
        StringBuilder hex = new StringBuilder(total * 2 + h);
        for (int y = 0; y < h; y++) {
            for (int bx = 0; bx < bytesPerRow; bx++) {
                int b = 0;
                for (int bit = 0; bit < 8; bit++) {
                    int x = bx * 8 + bit;
                    boolean black = x < w && (image.getRGB(x, y) & 0xFFFFFF) < 0x808080;
                    b = b << 1 | (black ? 1 : 0);
                }
                hex.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
            }
            hex.append('\n');
        }
        return String.format(
                Locale.ROOT,
                "^XA^PW%d^LL%d^LH0,0^FO0,0^GFA,%d,%d,%d,%n%s^FS^XZ%n",
                w,
                h,
                total,
                total,
                bytesPerRow,
                hex.toString().toUpperCase(Locale.ROOT));
    }
}
