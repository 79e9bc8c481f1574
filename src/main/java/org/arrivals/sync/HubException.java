package org.arrivals.sync;

import java.util.Optional;
import org.arrivals.sync.protocol.Problem;

/**
 * The hub could not be used. {@link #retryable()} is true when trying again later may work (no
 * answer, a timeout, a 5xx), false when it will not until a person acts (a refused token).
 */
public final class HubException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient Problem problem;
    private final boolean certificateRefused;
    private final int item;

    public HubException(String message, int status, Throwable cause) {
        this(message, status, cause, null);
    }

    /** A 400 for an event or row the sync contract refuses, with the contract's problem. */
    public HubException(String message, int status, Throwable cause, Problem problem) {
        this(message, status, cause, problem, 0);
    }

    /** A refusal (400, 403) that names the event of the batch (from 1) it is about. */
    public HubException(String message, int status, Throwable cause, Problem problem, int item) {
        super(message, cause);
        this.status = status;
        this.problem = problem;
        this.certificateRefused = false;
        this.item = item;
    }

    /** Which event of a pushed batch (from 1) the hub refused; 0 when it named none. */
    public int item() {
        return item;
    }

    private HubException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.problem = null;
        this.certificateRefused = true;
        this.item = 0;
    }

    /**
     * The hub showed a certificate other than the one this station pinned when it joined: it is
     * not this station's hub (or someone sits between them). Not retried: a person must look.
     */
    public static HubException certificateRefused(String message, Throwable cause) {
        return new HubException(message, cause);
    }

    /** True when the hub's certificate was refused (not the pinned one). */
    public boolean certificateRefused() {
        return certificateRefused;
    }

    /** Which field and rule the hub refused, when it said so. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return !certificateRefused && (status == 0 || status >= 500 || status == 408 || status == 429);
    }
}
