package org.arrivals.attendee.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * How much an import reads at most, so that a hostile file (a zip bomb, a file of a billion empty
 * lines) ends in a sentence, not in a kiosk out of memory: the file's size, its rows, and for an
 * XLSX workbook (a zip archive) the bytes all its parts inflate to and their number. A real
 * 100,000-person export is far below each. The limits can be lowered or raised with system
 * properties ({@code arrivals.import.maxBytes}, {@code .maxRows}, {@code .maxInflatedBytes}).
 */
public final class ImportLimits {
    /** The largest file read: 200 MB. */
    public static final long MAX_FILE_BYTES = Long.getLong("arrivals.import.maxBytes", 200L * 1024 * 1024);
    /** The most rows a file may hold. */
    public static final int MAX_ROWS = Integer.getInteger("arrivals.import.maxRows", 500_000);
    /** The most bytes an XLSX's parts may inflate to, all together: 512 MB. */
    public static final long MAX_INFLATED_BYTES = Long.getLong("arrivals.import.maxInflatedBytes", 512L * 1024 * 1024);
    /** The most parts an XLSX may have. */
    public static final int MAX_ZIP_ENTRIES = 10_000;

    private ImportLimits() {}

    public static void checkSize(long bytes, String description) throws ImportException {
        if (bytes > MAX_FILE_BYTES) {
            throw new ImportException(
                    description + " is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                            + " MB, more than any registration export; nothing was imported.",
                    0);
        }
    }

    static void checkRows(int rows, String description) throws ImportException {
        if (rows > MAX_ROWS) {
            throw new ImportException(
                    description + " has more than " + MAX_ROWS + " rows; nothing was imported. Split it, or check it"
                            + " is the registration export.",
                    0);
        }
    }

    /**
     * Inflates every part of a workbook once, counting, before anything reads it: a zip bomb is
     * refused when it passes the limit, having cost only that much time and no memory.
     */
    static void checkXlsx(byte[] bytes, String description) throws ImportException {
        long inflated = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw tooBig(description);
                }
                InputStream in = zip;
                for (int r; (r = in.read(buf)) > 0; ) {
                    inflated += r;
                    if (inflated > MAX_INFLATED_BYTES) {
                        throw tooBig(description);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a zip the JDK reads: the workbook reader says what is wrong with it
        }
    }

    private static ImportException tooBig(String description) {
        return new ImportException(
                description + " unpacks to more than " + MAX_INFLATED_BYTES / (1024 * 1024)
                        + " MB (or too many parts): it is not a registration export, or it is damaged on purpose."
                        + " Nothing was imported.",
                0);
    }
}
