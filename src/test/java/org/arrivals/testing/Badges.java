package org.arrivals.testing;

import java.time.Duration;
import org.arrivals.audit.Actor;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintOutcome;
import org.arrivals.print.PrintService;
import org.arrivals.station.Station;

/** Printing as the command line does it: ask, then wait for the print worker's first attempt. */
public final class Badges {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Badges() {}

    public static PrintOutcome print(Station s, String code, String printer, String template) {
        PrintService p = s.printing();
        return p.awaitAttempt(p.print(Actor.cli(), code, new PrintService.Target(printer, template)), WAIT);
    }

    public static PrintOutcome reprint(Station s, String code, String printer, String template, String reason) {
        PrintService p = s.printing();
        return p.awaitAttempt(p.reprint(Actor.cli(), code, reason, new PrintService.Target(printer, template)), WAIT);
    }

    /** Waits (at most about 15 seconds) until the print worker has tried every job that waits for it. */
    public static void settle(Station s) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            boolean busy = s.printing().jobs().stream()
                    .anyMatch(j -> j.state() == PrintJob.State.QUEUED || j.state() == PrintJob.State.SENDING);
            if (!busy) {
                return;
            }
            Thread.sleep(50);
        }
    }

    public static PrintOutcome retry(Station s, long job) {
        PrintService p = s.printing();
        return p.awaitAttempt(p.retry(Actor.cli(), job), WAIT);
    }
}
