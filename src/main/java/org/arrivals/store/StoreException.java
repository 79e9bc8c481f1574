package org.arrivals.store;

/** The event database could not be opened or written; the message is meant for a person. */
public class StoreException extends RuntimeException {
    /** What went wrong, for a screen that says it in the station's language. */
    public enum Kind {
        WRONG_KEY,
        ALREADY_OPEN,
        NOT_ENCRYPTED,
        OTHER
    }

    private final Kind kind;

    public StoreException(String message) {
        this(Kind.OTHER, message, null);
    }

    public StoreException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
