package org.arrivals.sync.protocol;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a station says of itself when it syncs, in the header {@link #HEADER} of its calls: its
 * printer's condition (the name of a {@code print.PrinterState.Condition}, such as {@code READY} or
 * {@code OUT_OF_LABELS}; {@code NOT_CHOSEN} when it has none), how many of its events the hub has
 * not acknowledged yet, and how many it set aside (quarantined). Optional both ways: a station that
 * does not send it still syncs, and a hub that does not know it ignores it.
 *
 * <p>Written {@code printer=READY; pending=0; quarantined=0}.
 */
public record StationReport(String printer, int pending, int quarantined) {
    public static final String HEADER = "Arrivals-Station-Report";
    /** The longest header value read. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern PRINTER = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final Pattern FIELD = Pattern.compile("\\s*([a-z]+)=([A-Za-z0-9_]{1,40})\\s*");

    public StationReport {
        if (printer == null || !PRINTER.matcher(printer).matches()) {
            throw new IllegalArgumentException("A printer condition is a name in capitals, not " + printer);
        }
        if (pending < 0 || quarantined < 0) {
            throw new IllegalArgumentException("Counts are not negative.");
        }
    }

    /** The header's value. */
    public String header() {
        return "printer=" + printer + "; pending=" + pending + "; quarantined=" + quarantined;
    }

    /**
     * The report in a header's value; empty for none or one not read (a malformed report is
     * ignored, never refused: the call it rides on matters more). Unknown fields are skipped.
     */
    public static Optional<StationReport> parse(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String printer = null;
        Integer pending = null;
        Integer quarantined = null;
        for (String part : value.split(";")) {
            Matcher m = FIELD.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            String v = m.group(2);
            switch (m.group(1)) {
                case "printer" -> printer = v;
                case "pending" -> pending = count(v);
                case "quarantined" -> quarantined = count(v);
                default -> {
                    // a newer station's field
                }
            }
        }
        if (printer == null
                || !PRINTER.matcher(printer).matches()
                || pending == null
                || pending < 0
                || quarantined == null
                || quarantined < 0) {
            return Optional.empty();
        }
        return Optional.of(new StationReport(printer, pending, quarantined));
    }

    private static Integer count(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
