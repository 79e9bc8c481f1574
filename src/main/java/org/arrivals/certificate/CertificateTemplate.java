package org.arrivals.certificate;

/**
 * A certificate's page as data (kiosk-config/certificates/*.json): its size and margin in
 * millimetres, its accent colour, and where each part sits (from the top of the page, in
 * millimetres; sizes in points). The words come from the language's bundle; see
 * kiosk-config/certificates/README.md.
 */
public record CertificateTemplate(
        String name,
        String description,
        double width,
        double height,
        double margin,
        String accent,
        boolean border,
        Block title,
        Block intro,
        Block person,
        Block organization,
        Block statement,
        Block days,
        Block table,
        Block total,
        Block qr,
        Block footer) {

    /**
     * One part: its top ({@code y}, mm), its font size ({@code size}, pt; for the QR code its side
     * in mm), the smallest size a long name may shrink to ({@code minSize}), bold, and for the
     * table the lowest line it may reach before it goes on over the page ({@code bottom}, mm).
     */
    public record Block(double y, double size, double minSize, boolean bold, double bottom) {}
}
