package org.arrivals.certificate;

import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A certificate's QR code, read back from its first page rendered as a printer would (150 dpi). */
public final class CertificateTestQr {
    private CertificateTestQr() {}

    public static String read(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            return org.arrivals.badge.QrRead.text(image);
        }
    }
}
