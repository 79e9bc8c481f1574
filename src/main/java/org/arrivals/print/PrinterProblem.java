package org.arrivals.print;

/** A printer could not take a badge: its {@link PrinterState} says why; the message is for the log. */
public final class PrinterProblem extends Exception {
    private final PrinterState state;

    public PrinterProblem(PrinterState.Condition condition, String detail, Throwable cause) {
        super(condition + (detail == null ? "" : ": " + detail), cause);
        this.state = new PrinterState(condition, detail);
    }

    public PrinterState state() {
        return state;
    }
}
