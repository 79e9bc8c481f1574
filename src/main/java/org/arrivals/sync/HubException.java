package org.arrivals.sync;

/**
 * The hub could not be used. {@link #retryable()} is true when trying again later may work (no
 * answer, a timeout, a 5xx), false when it will not until a person acts (a refused token).
 */
public final class HubException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HubException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return status == 0 || status >= 500 || status == 408 || status == 429;
    }
}
