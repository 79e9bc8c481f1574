package org.arrivals.badge;

/** {@link PdfText} for tests in other packages. */
public final class PdfTextForTests {
    private PdfTextForTests() {}

    public static String page(byte[] pdf, int page) throws Exception {
        return PdfText.page(pdf, page);
    }
}
