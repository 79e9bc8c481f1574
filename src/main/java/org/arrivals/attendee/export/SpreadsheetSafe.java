package org.arrivals.attendee.export;

/**
 * Neutralizes cells that a spreadsheet would run as a formula ("CSV injection"): a value starting
 * with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which spreadsheets show
 * as text. A registration form is an open door, and "=HYPERLINK(...)" in a company name is old news.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {}

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
