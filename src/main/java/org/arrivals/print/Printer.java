package org.arrivals.print;

/** Where badges go: a spooler queue (CUPS, Windows) or a printer spoken to directly. */
public interface Printer {
    String name();

    /**
     * Hands one badge PDF to the printer or its spooler; returns once it has it.
     *
     * @return a sentence when the job is held (a paused queue keeps it and prints it on resume),
     *     or null when it is on its way
     * @throws PrinterProblem when the printer cannot take it; the badge then waits in Arrivals'
     *     own queue
     */
    String send(byte[] pdf, LabelStock stock) throws PrinterProblem;

    /** A sentence about what is wrong, or null when the printer looks ready. */
    String problem();
}
