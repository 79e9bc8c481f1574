package org.arrivals.print;

/**
 * Told what the print worker did, on the worker's thread: a screen hands it to its own thread,
 * and must return at once.
 */
public interface PrintListener {
    /** A job changed state: printed, held, failed, cancelled or superseded. */
    default void jobChanged(PrintJob job) {}

    /** A printer's condition changed (out of labels, ready again...). */
    default void printerChanged(String printer, PrinterState state) {}
}
