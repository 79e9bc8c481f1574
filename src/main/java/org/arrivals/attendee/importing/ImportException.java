package org.arrivals.attendee.importing;

/** The file cannot be imported at all; nothing was changed. The message names the file and, if known, the line. */
public class ImportException extends Exception {
    private final long line;

    public ImportException(String message, long line) {
        super(message);
        this.line = line;
    }

    public ImportException(String message, long line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** 0 when the problem is not on one line (an unreadable file, say). */
    public long line() {
        return line;
    }
}
