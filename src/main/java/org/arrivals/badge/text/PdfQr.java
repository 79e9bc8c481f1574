package org.arrivals.badge.text;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A QR code drawn into a PDF page, for badges and certificates alike. */
public final class PdfQr {
    private PdfQr() {}

    /**
     * Draws {@code text} as a QR code of vector squares (sharp at any printer resolution), error
     * correction M, a quiet zone of 2 modules, in the square at ({@code x}, {@code y}) of side
     * {@code size} (PDF points, origin bottom left).
     */
    public static void draw(PDPageContentStream cs, String text, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            // tokens are short and ASCII: they always fit
            throw new IllegalStateException("a token always fits a QR code", e);
        }
        float module = size / m.getWidth();
        cs.setNonStrokingColor(Color.WHITE);
        cs.addRect(x, y, size, size);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    cs.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        cs.fill();
    }
}
