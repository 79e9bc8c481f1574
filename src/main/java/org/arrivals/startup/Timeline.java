package org.arrivals.startup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Where a start goes, phase by phase, in milliseconds since the process started: each phase
 * records when it began and ended and on which thread, so phases that overlap show as overlapping.
 * Recording costs a clock read and a queue entry; nothing is printed unless asked
 * ({@code -Darrivals.exitWhenReady=true} prints it, for {@code ./scripts/bench startup}).
 *
 * <p>A leaf: it knows nothing of the rest of the app, so the store, the station and the screens
 * may all mark their part.
 */
public final class Timeline {
    /** One phase of the start, in milliseconds since the process started. */
    public record Phase(String name, long startMs, long endMs, String thread) {}

    /** The process's start as the system tells it, and {@link System#nanoTime()} at that moment. */
    private static final long ORIGIN_NANOS;

    private static final ConcurrentLinkedQueue<Phase> PHASES = new ConcurrentLinkedQueue<>();

    static {
        long nowNanos = System.nanoTime();
        ORIGIN_NANOS = nowNanos - Math.max(0, ageNanos());
    }

    /**
     * How long ago this process started. On Linux from {@code /proc}: its start and the uptime are
     * both counted from boot, to 10 ms. Elsewhere as {@link ProcessHandle} tells it, which on Linux
     * would add the boot time rounded to the second, so every start would seem longer by the same
     * fraction of a second.
     */
    private static long ageNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // after the command's name in parentheses (it may hold spaces), field 22 is the start, in
            // clock ticks (USER_HZ, 100 a second) since boot
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            String uptime = Files.readString(Path.of("/proc/uptime"));
            double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return (long) (upSeconds * 1e9) - startTicks * 10_000_000L;
        } catch (IOException | RuntimeException notLinux) {
            Instant now = Instant.now();
            return ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(t -> Duration.between(t, now).toNanos())
                    .orElse(0L);
        }
    }

    private Timeline() {}

    /** Milliseconds since the process started. */
    public static long now() {
        return (System.nanoTime() - ORIGIN_NANOS) / 1_000_000;
    }

    /** A phase that begins now; {@link Span#close()} ends it. */
    public static Span begin(String name) {
        return new Span(name, now());
    }

    /** A phase that began at {@code startMs} (see {@link #now()}) and ends now. */
    public static void record(String name, long startMs) {
        PHASES.add(new Phase(name, startMs, now(), Thread.currentThread().getName()));
    }

    /** A moment rather than a phase (the first frame drawn). */
    public static void mark(String name) {
        long t = now();
        PHASES.add(new Phase(name, t, t, Thread.currentThread().getName()));
    }

    /** When the first phase of that name ended, or 0 when none was recorded. */
    public static long endOf(String name) {
        for (Phase p : PHASES) {
            if (p.name().equals(name)) {
                return p.endMs();
            }
        }
        return 0;
    }

    /** The phases recorded so far, in the order they began. */
    public static List<Phase> phases() {
        List<Phase> out = new ArrayList<>(PHASES);
        out.sort(Comparator.comparingLong(Phase::startMs).thenComparingLong(Phase::endMs));
        return out;
    }

    /** Prints every phase as {@code Startup phase: NAME | START | END | THREAD}, one a line. */
    public static void print(PrintStream out) {
        for (Phase p : phases()) {
            out.println(String.format(
                    Locale.ROOT, "Startup phase: %s | %d | %d | %s", p.name(), p.startMs(), p.endMs(), p.thread()));
        }
    }

    /** A phase under way. */
    public static final class Span implements AutoCloseable {
        private final String name;
        private final long startMs;

        private Span(String name, long startMs) {
            this.name = name;
            this.startMs = startMs;
        }

        @Override
        public void close() {
            record(name, startMs);
        }
    }
}
