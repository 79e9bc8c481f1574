package org.arrivals.attendee.importing;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads CSV text (comma, semicolon or tab separated, RFC 4180 quoting) into a {@link TabularFile}. */
final class CsvFiles {
    private CsvFiles() {}

    static TabularFile parse(String text, String description) throws ImportException {
        char separator = guessSeparator(text);
        requireClosedQuotes(text, separator);
        List<TabularFile.Row> rows = new ArrayList<>();
        List<String> header = null;
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .acceptCharsAfterQuotes(false)
                .detectBomHeader(false)
                .ofCsvRecord(text);
        try (reader) {
            for (CsvRecord record : reader) {
                if (isBlank(record)) {
                    continue;
                }
                if (header == null) {
                    header = record.getFields();
                } else {
                    rows.add(new TabularFile.Row(record.getStartingLineNumber(), record.getFields()));
                    ImportLimits.checkRows(rows.size(), description);
                }
            }
        } catch (CsvParseException e) {
            throw new ImportException(
                    description + ": " + lineOf(e) + "text follows a closing quote. "
                            + "A quote inside a field must be doubled (\"\").",
                    0,
                    e);
        } catch (IOException e) {
            throw new ImportException(description + ": " + e.getMessage(), 0, e);
        }
        if (header == null) {
            throw new ImportException(description + " is empty: it has no header line.", 1);
        }
        return new TabularFile(header, rows, description);
    }

    private static String lineOf(CsvParseException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int at = m.indexOf("started in line ");
        return at < 0
                ? ""
                : "the record on line "
                        + m.substring(at + "started in line ".length()).strip() + ": ";
    }

    private static boolean isBlank(CsvRecord record) {
        for (String f : record.getFields()) {
            if (!f.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * FastCSV reads an unterminated quoted field to the end of the file without complaint, which
     * would silently swallow every row after it. Walk the quoting the way RFC 4180 defines it and
     * refuse the file, naming the line where the quote opened.
     */
    static void requireClosedQuotes(String text, char separator) throws ImportException {
        boolean inQuotes = false;
        boolean atFieldStart = true;
        long line = 1;
        long openedOn = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
                continue;
            }
            if (c == '"' && atFieldStart) {
                inQuotes = true;
                openedOn = line;
                atFieldStart = false;
            } else {
                atFieldStart = c == separator || c == '\n' || c == '\r';
            }
        }
        if (inQuotes) {
            throw new ImportException(
                    "Line " + openedOn + " opens a quoted field that never closes: "
                            + "every row after it would be swallowed. Add the missing quote (\") and import again.",
                    openedOn);
        }
    }

    /** Excel in many European locales writes semicolons; some exports use tabs. Decide from the header line. */
    static char guessSeparator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> {}
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
