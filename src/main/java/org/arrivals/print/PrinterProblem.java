package org.arrivals.print;

/** A printer could not take a badge; the message is a sentence for the person at the desk. */
public final class PrinterProblem extends Exception {
    public PrinterProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
