package org.arrivals.print;

import java.util.Locale;
import java.util.Optional;

/**
 * The Brother QL printers Arrivals speaks to, with what differs between them: the code their status
 * names them by, whether they take compressed raster lines (the network models do; the USB-only
 * QL-700 and QL-800 do not), and whether they must be switched into raster mode first (the ones
 * that also print P-touch templates). All have a 720-dot head at 300 dpi: 90 bytes a line.
 */
public enum BrotherModel {
    QL_700("QL-700", 0x35, false, false),
    QL_710W("QL-710W", 0x36, true, true),
    QL_720NW("QL-720NW", 0x37, true, true),
    QL_800("QL-800", 0x38, false, true),
    QL_810W("QL-810W", 0x39, true, true),
    QL_820NWB("QL-820NWB", 0x41, true, true);

    /** Dots across the head, and the bytes of one raster line. */
    public static final int HEAD_DOTS = 720;

    public static final int LINE_BYTES = HEAD_DOTS / 8;
    public static final int DPI = 300;

    private final String label;
    final int code;
    final boolean compression;
    final boolean modeSwitch;

    BrotherModel(String label, int code, boolean compression, boolean modeSwitch) {
        this.label = label;
        this.code = code;
        this.compression = compression;
        this.modeSwitch = modeSwitch;
    }

    /** As Brother writes it: {@code QL-810W}. */
    public String label() {
        return label;
    }

    public boolean compression() {
        return compression;
    }

    /** A model by its name as a person writes it ({@code QL-810W}, {@code ql810w}); empty when unknown. */
    public static Optional<BrotherModel> named(String name) {
        String n = name == null
                ? ""
                : name.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (BrotherModel m : values()) {
            if (m.label.replace("-", "").equals(n)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The model a status names; null for a code Arrivals does not know (another QL answers the same way). */
    static BrotherModel ofCode(int code) {
        for (BrotherModel m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        return null;
    }

    /** Every model's name, for a sentence that lists them. */
    public static String names() {
        StringBuilder out = new StringBuilder();
        for (BrotherModel m : values()) {
            out.append(out.isEmpty() ? "" : ", ").append(m.label);
        }
        return out.toString();
    }
}
