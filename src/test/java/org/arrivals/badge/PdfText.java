package org.arrivals.badge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text as a person copying from a PDF viewer gets it: poppler's {@code pdftotext}, which honours
 * {@code /ActualText} (PDFBox's own text stripper does not). Whitespace and the bidi marks poppler
 * wraps right-to-left text in are removed, so tests compare letters in logical order.
 */
final class PdfText {
    private PdfText() {}

    static String page(byte[] pdf, int page) throws IOException, InterruptedException {
        Path file = Files.createTempFile("badge", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder(
                            "pdftotext",
                            "-f",
                            String.valueOf(page),
                            "-l",
                            String.valueOf(page),
                            "-enc",
                            "UTF-8",
                            file.toString(),
                            "-")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("pdftotext failed: " + out);
            }
            return out.replaceAll("[\\s\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]+", "");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
