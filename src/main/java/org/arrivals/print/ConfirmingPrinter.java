package org.arrivals.print;

/**
 * A printer that says when a badge has come out (a Brother QL reports "printing completed", or the
 * error that stopped it). The print worker hands it a badge and, while it prints, sends the next
 * badge to another printer of the station: a pool of such printers prints side by side on the
 * worker's one thread.
 */
public interface ConfirmingPrinter extends Printer {
    /**
     * Checks the printer and its labels and hands it the badge; returns once the printer has it
     * all, while it prints.
     *
     * @throws PrinterProblem when the printer cannot take it (nothing was printed)
     */
    Pending start(byte[] pdf, LabelStock stock) throws PrinterProblem;

    /** A badge the printer is printing. */
    interface Pending {
        /**
         * Looks, without waiting, whether the printer has said how the badge ended.
         *
         * @return null while it prints; {@link PrinterState#READY} once it has come out
         * @throws PrinterProblem when it did not come out ({@link PrinterState.Condition#INTERRUPTED}
         *     when the printer fell silent and it may have)
         */
        PrinterState poll() throws PrinterProblem;

        /** Lets go of the printer (the worker is closing); the badge's fate is unknown. */
        void abandon();
    }
}
