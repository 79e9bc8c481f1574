package org.arrivals.print;

import java.util.Locale;

/**
 * What a Brother QL printer says about itself: the 32-byte status it sends when asked ({@code ESC i
 * S}), when it starts and finishes printing, and when something goes wrong. Only what a person at
 * the desk can act on is read: the roll loaded (its width, continuous or die-cut, the label's
 * length), and the errors (no labels, cover open, the wrong roll...).
 */
public record BrotherStatus(
        int modelCode, int error1, int error2, int mediaWidthMm, Media media, int mediaLengthMm, Kind kind) {
    /** Every status is this long and starts with these three bytes. */
    public static final int LENGTH = 32;

    static final int HEAD = 0x80;
    static final int SIZE = 0x20;
    static final int BROTHER = 0x42;

    /** The roll the printer has loaded. */
    public enum Media {
        NONE(0x00),
        CONTINUOUS(0x0A),
        DIE_CUT(0x0B);

        final int code;

        Media(int code) {
            this.code = code;
        }

        static Media of(int code) {
            return switch (code) {
                case 0x0A, 0x4A -> CONTINUOUS; // 0x4A: a roll from another maker
                case 0x0B, 0x4B -> DIE_CUT;
                default -> NONE;
            };
        }
    }

    /** Why the printer sent this status. */
    public enum Kind {
        REPLY(0x00),
        PRINTING_COMPLETED(0x01),
        ERROR(0x02),
        TURNED_OFF(0x04),
        NOTIFICATION(0x05),
        PHASE_CHANGE(0x06),
        OTHER(-1);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return OTHER;
        }
    }

    // error information 1 (byte 8)
    static final int NO_MEDIA = 0x01;
    static final int END_OF_MEDIA = 0x02;
    static final int CUTTER_JAM = 0x04;
    static final int TURNED_OFF = 0x20;
    // error information 2 (byte 9)
    static final int REPLACE_MEDIA = 0x01;
    static final int COVER_OPEN = 0x10;
    static final int CANNOT_FEED = 0x40;

    /** Reads one status; null when the bytes are not a Brother QL status. */
    public static BrotherStatus parse(byte[] b) {
        if (b == null
                || b.length < LENGTH
                || (b[0] & 0xFF) != HEAD
                || (b[1] & 0xFF) != SIZE
                || (b[2] & 0xFF) != BROTHER) {
            return null;
        }
        return new BrotherStatus(
                b[4] & 0xFF,
                b[8] & 0xFF,
                b[9] & 0xFF,
                b[10] & 0xFF,
                Media.of(b[11] & 0xFF),
                b[17] & 0xFF,
                Kind.of(b[18] & 0xFF));
    }

    /** The 32 bytes of a status (for a printer that answers like a QL, in tests and benchmarks). */
    public byte[] bytes() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) HEAD;
        b[1] = (byte) SIZE;
        b[2] = (byte) BROTHER;
        b[3] = 0x34; // the QL-800 series
        b[4] = (byte) modelCode;
        b[5] = 0x30;
        b[8] = (byte) error1;
        b[9] = (byte) error2;
        b[10] = (byte) mediaWidthMm;
        b[11] = (byte) media.code;
        b[17] = (byte) mediaLengthMm;
        b[18] = (byte) (kind == Kind.OTHER ? 0xFF : kind.code);
        return b;
    }

    /** The same printer, saying this instead. */
    public BrotherStatus as(Kind k) {
        return new BrotherStatus(modelCode, error1, error2, mediaWidthMm, media, mediaLengthMm, k);
    }

    /** What a person at the desk can act on: labels, cover, the roll, then anything else. */
    public PrinterState.Condition condition() {
        if ((error1 & (NO_MEDIA | END_OF_MEDIA)) != 0 || (error2 & CANNOT_FEED) != 0) {
            return PrinterState.Condition.OUT_OF_LABELS;
        }
        if ((error2 & COVER_OPEN) != 0) {
            return PrinterState.Condition.COVER_OPEN;
        }
        if ((error2 & REPLACE_MEDIA) != 0) {
            return PrinterState.Condition.WRONG_LABELS;
        }
        if ((error1 & TURNED_OFF) != 0 || kind == Kind.TURNED_OFF) {
            return PrinterState.Condition.UNREACHABLE;
        }
        if (error1 != 0 || error2 != 0 || kind == Kind.ERROR) {
            return PrinterState.Condition.PRINTER_ERROR;
        }
        if (media == Media.NONE) {
            return PrinterState.Condition.OUT_OF_LABELS;
        }
        return PrinterState.Condition.READY;
    }

    /** For the log: the roll and the raw error bytes. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "model 0x%02X, %d mm %s%s, errors %02X %02X, %s",
                modelCode,
                mediaWidthMm,
                media.name().toLowerCase(Locale.ROOT),
                media == Media.DIE_CUT ? " x " + mediaLengthMm + " mm" : "",
                error1,
                error2,
                kind.name().toLowerCase(Locale.ROOT));
    }
}
