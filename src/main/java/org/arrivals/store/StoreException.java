package org.arrivals.store;

/** The event database could not be opened or written; the message is meant for a person. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
