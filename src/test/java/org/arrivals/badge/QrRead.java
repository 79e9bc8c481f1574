package org.arrivals.badge;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Reads the QR code of a whole label as a phone or a handheld scanner would, for the tests: ZXing's
 * single-code reader first; when its finder takes a glyph of the names for a corner pattern (a few
 * labels in a hundred), the other binarizer, then the multi-code reader, which tries every triple
 * of finder patterns.
 */
public final class QrRead {
    private QrRead() {}

    public static String text(BufferedImage label) throws NotFoundException {
        LuminanceSource source = new BufferedImageLuminanceSource(label);
        List<BinaryBitmap> bitmaps = List.of(
                new BinaryBitmap(new HybridBinarizer(source)), new BinaryBitmap(new GlobalHistogramBinarizer(source)));
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        for (BinaryBitmap bitmap : bitmaps) {
            try {
                return new QRCodeReader().decode(bitmap, hints).getText();
            } catch (Exception e) {
                // the next way
            }
        }
        for (BinaryBitmap bitmap : bitmaps) {
            try {
                Result[] all = new QRCodeMultiReader().decodeMultiple(bitmap, hints);
                if (all.length > 0) {
                    return all[0].getText();
                }
            } catch (NotFoundException e) {
                // the next way
            }
        }
        throw NotFoundException.getNotFoundInstance();
    }
}
