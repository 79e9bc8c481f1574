package org.arrivals.cli;

import org.arrivals.store.StoreException;

/** A sentence for the person at the terminal; stack traces go to the log file. */
final class PlainError {
    private PlainError() {}

    static String describe(Throwable e) {
        if (e instanceof StoreException
                || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m) + " (details in the log file)";
    }
}
