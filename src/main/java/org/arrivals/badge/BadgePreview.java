package org.arrivals.badge;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The badge as a picture, from the very PDF that prints, at the printer's resolution. */
public final class BadgePreview {
    private BadgePreview() {}

    public static BufferedImage image(byte[] pdf, int dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the badge preview", e);
        }
    }

    public static byte[] png(byte[] pdf, int dpi) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image(pdf, dpi), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the badge preview", e);
        }
    }
}
