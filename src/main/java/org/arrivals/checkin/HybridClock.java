package org.arrivals.checkin;

import java.time.Clock;
import org.arrivals.sync.protocol.EventContract;

/**
 * A hybrid logical clock (Kulkarni et al., 2014) packed in a long: the high 48 bits are
 * milliseconds, the low 16 a counter. It never runs backwards on one station, even when the
 * wall clock does, and after {@link #observe} it is ahead of every event the station has seen,
 * so "undo after check-in" keeps its order across stations whose clocks disagree a little.
 */
public final class HybridClock {
    private static final int COUNTER_BITS = 16;
    private static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;

    private final Clock wall;
    private long last;

    public HybridClock(Clock wall, long startAfter) {
        this.wall = wall;
        this.last = startAfter;
    }

    public synchronized long tick() {
        long physical = wall.millis() << COUNTER_BITS;
        last = physical > last ? physical : last + 1;
        return last;
    }

    /**
     * Moves past a timestamp received from another station, but never further than the contract
     * lets a clock be ahead of this station's wall clock ({@link EventContract#MAX_AHEAD}): one
     * station whose clock says 2099 must not drag every station's clock with it.
     */
    public synchronized void observe(long remote) {
        long bounded = Math.min(remote, EventContract.latestClock(wall.instant()));
        if (bounded > last) {
            last = bounded;
        }
    }

    public static long millis(long hlc) {
        return hlc >>> COUNTER_BITS;
    }

    public static long counter(long hlc) {
        return hlc & COUNTER_MASK;
    }
}
