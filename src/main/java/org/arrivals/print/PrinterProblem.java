package org.arrivals.print;

/** A printer could not take a badge: its {@link PrinterState} says why; the message is for the log. */
public final class PrinterProblem extends Exception {
    private final PrinterState state;
    private final boolean mayHavePrinted;

    public PrinterProblem(PrinterState.Condition condition, String detail, Throwable cause) {
        this(condition, detail, cause, false);
    }

    /**
     * @param mayHavePrinted true when the printer had the badge and then failed in a way that may
     *     have let it come out (a jammed cutter, a printer that fell silent): it is not sent again
     *     by itself, anywhere; a person looks and retries or cancels
     */
    public PrinterProblem(PrinterState.Condition condition, String detail, Throwable cause, boolean mayHavePrinted) {
        super(condition + (detail == null ? "" : ": " + detail), cause);
        this.state = new PrinterState(condition, detail);
        this.mayHavePrinted = mayHavePrinted;
    }

    public PrinterState state() {
        return state;
    }

    /** True when the badge may have come out despite the problem (see the constructor). */
    public boolean mayHavePrinted() {
        return mayHavePrinted;
    }
}
