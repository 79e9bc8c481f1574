package org.arrivals.print;

/**
 * How a printer is, as a fact the screens turn into a sentence in the station's language. The
 * {@code detail} is for the log (an exception's text, what CUPS said); it never reaches a person.
 */
public record PrinterState(Condition condition, String detail) {
    public enum Condition {
        /** Takes badges now. */
        READY(true),
        /** A spooler queue that is paused: it takes badges and holds them until it is resumed. */
        PAUSED(true),
        /** A spooler queue set to reject jobs: badges wait in Arrivals' queue. */
        REJECTING(false),
        /** No printer is chosen at this station. */
        NOT_CHOSEN(false),
        /** No spooler queue by this name on this computer. */
        NO_SUCH_PRINTER(false),
        /** A network printer that does not answer (off, unplugged, wrong address). */
        UNREACHABLE(false),
        /** Something answered at the printer's address, but not like that printer. */
        NOT_THAT_PRINTER(false),
        OUT_OF_LABELS(false),
        /** The print head or cover is open. */
        COVER_OPEN(false),
        RIBBON_OUT(false),
        /** The labels loaded do not fit the badge template (a Brother's roll, for instance). */
        WRONG_LABELS(false),
        /** The printer or spooler refused or dropped this job. */
        JOB_REFUSED(false),
        /** The printer reports an error Arrivals does not know by name. */
        PRINTER_ERROR(false),
        /** Arrivals stopped (a crash, a kill) while handing this badge over: it may have printed. */
        INTERRUPTED(false),
        /**
         * The printer had the badge and then stopped without saying it came out (a jammed cutter,
         * a printer that fell silent): it may have printed, so a person decides.
         */
        UNCONFIRMED(false);

        private final boolean takesJobs;

        Condition(boolean takesJobs) {
            this.takesJobs = takesJobs;
        }

        /** True when a badge sent now is taken (printed now, or held by a paused queue). */
        public boolean takesJobs() {
            return takesJobs;
        }
    }

    public static final PrinterState READY = new PrinterState(Condition.READY, null);
    public static final PrinterState NOT_CHOSEN = new PrinterState(Condition.NOT_CHOSEN, null);

    public PrinterState {
        if (condition == null) {
            throw new IllegalArgumentException("A printer state needs a condition.");
        }
    }

    /** A condition by its stored name; an unknown or old value (a sentence) reads as a printer error. */
    public static Condition condition(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            return Condition.valueOf(stored.strip());
        } catch (IllegalArgumentException e) {
            return Condition.PRINTER_ERROR;
        }
    }

    public static PrinterState of(Condition condition) {
        return condition == Condition.READY ? READY : new PrinterState(condition, null);
    }

    public boolean ready() {
        return condition == Condition.READY;
    }

    /** A state a person should hear about (anything but ready). */
    public boolean problem() {
        return condition != Condition.READY;
    }
}
