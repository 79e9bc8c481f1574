package org.arrivals.print;

/** Where badges go: a spooler queue (CUPS, Windows) or a printer spoken to directly. */
public interface Printer {
    /** The printer's setting as the station knows it: a queue's name, {@code zebra://HOST:PORT}. */
    String name();

    /**
     * Hands one badge PDF to the printer or its spooler; returns once it has it.
     *
     * @return {@link PrinterState#READY} when it is on its way, or the state of a printer that took
     *     it and holds it (a paused queue prints it on resume)
     * @throws PrinterProblem when the printer cannot take it; the badge then waits in Arrivals'
     *     own queue
     */
    PrinterState send(byte[] pdf, LabelStock stock) throws PrinterProblem;

    /**
     * As {@link #send}, but a printer that would only hold the badge (a paused spooler queue)
     * refuses it instead, so that a station with several printers prints it on another at once.
     */
    default PrinterState sendUnlessHeld(byte[] pdf, LabelStock stock) throws PrinterProblem {
        return send(pdf, stock);
    }

    /** How the printer is now; asking takes at most about two seconds. */
    PrinterState state();
}
