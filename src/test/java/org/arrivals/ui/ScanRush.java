package org.arrivals.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.audit.Actor;
import org.arrivals.bench.Bench;
import org.arrivals.print.FakeZebraForCli;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;

/**
 * A morning's rush at a real desk window: the kiosk runs as its own process in a real (GTK)
 * window on an X server of its own (Xvfb), a badge printer listens on loopback, CPU burners keep
 * both cores busy as on a venue laptop, and {@code xdotool} types badge codes and tokens as a USB
 * scanner does (a key every millisecond, then Enter), a moment apart. Afterwards the station's
 * own log says who was checked in: every scanned person exactly, and no one else.
 */
public final class ScanRush {
    /** What a rush found: the scans typed, who should be in, who is, and the difference both ways. */
    public record Result(int scans, Set<String> expected, Set<String> arrived, long millis) {
        public Set<String> lost() {
            Set<String> out = new TreeSet<>(expected);
            out.removeAll(arrived);
            return out;
        }

        public Set<String> wrong() {
            Set<String> out = new TreeSet<>(arrived);
            out.removeAll(expected);
            return out;
        }
    }

    private ScanRush() {}

    /**
     * {@code ./scripts/bench desk}: rushes at full size, with the CPU loaded and (the baseline) without,
     * reporting scans lost and wrong in each run; both must be 0.
     */
    public static void bench(int scans, int runs) throws Exception {
        if (missing() != null) {
            System.out.println("desk rush: skipped, " + missing() + " is not installed");
            return;
        }
        System.out.printf(
                "desk rush: %d scans a run at a USB scanner's speed (1 ms a key), 0.8 s apart, real window%n", scans);
        for (int burners : new int[] {0, 2}) {
            int lost = 0;
            int wrong = 0;
            for (int run = 0; run < runs; run++) {
                Path work = Files.createTempDirectory("arrivals-rush");
                try {
                    Result r = run(work, scans, burners, 800);
                    lost += r.lost().size();
                    wrong += r.wrong().size();
                    System.out.printf(
                            "  %s run %d: %d scans, %d lost, %d wrong, %.1f s%n",
                            burners == 0 ? "idle CPU (baseline)" : burners + " CPU burners      ",
                            run + 1,
                            r.scans(),
                            r.lost().size(),
                            r.wrong().size(),
                            r.millis() / 1000.0);
                } finally {
                    Bench.deleteTree(work);
                }
            }
            System.out.printf(
                    "  %s: %d runs, %d lost, %d wrong in all%n", burners == 0 ? "idle" : "loaded", runs, lost, wrong);
        }
    }

    /** True when this machine can run it: an X server to start and xdotool to type. */
    public static String missing() {
        for (String tool : List.of("Xvfb", "xdotool")) {
            if (!onPath(tool)) {
                return tool;
            }
        }
        return null;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Waits until the station's log counts {@code n} check-ins, or {@code seconds} pass. */
    static void awaitCheckIns(Path log, int n, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                long done;
                try (var lines = Files.lines(log)) {
                    done = lines.filter(l -> l.contains(" checked in for ")).count();
                }
                if (done >= n) {
                    Thread.sleep(500); // its transaction and the print job behind it
                    return;
                }
            }
            Thread.sleep(250);
        }
    }

    public static Result run(Path work, int scans, int burners, int gapMillis) throws Exception {
        Path home = work.resolve("home");
        List<String> typed = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        try (FakeZebraForCli zebra = new FakeZebraForCli()) {
            StationFile.set(home, Map.of("station.id", "desk-rush", "printer", "zebra://127.0.0.1:" + zebra.port()));
            try (Station s = Station.open(home, "default", null, Clock.systemUTC())) {
                s.roster().importDemo(Actor.cli(), 1200, 2026);
                List<Attendee> people = s.attendees().all().stream()
                        .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                        .toList();
                for (int i = 0; i < scans; i++) {
                    Attendee a = people.get((i * 37) % people.size());
                    if (!expected.add(a.code())) {
                        continue;
                    }
                    // half the scans are badge QR tokens, half the attendee codes of confirmation emails
                    typed.add(i % 2 == 0 ? s.tokens().issue(a.code()) : a.code());
                }
            }
            String display = ":" + (90 + (int) (ProcessHandle.current().pid() % 9));
            Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("xvfb.log").toFile())
                    .start();
            List<Process> burning = new ArrayList<>();
            Process kiosk = null;
            try {
                Thread.sleep(1000);
                Path ready = work.resolve("ready");
                ProcessBuilder kioskProcess = new ProcessBuilder(
                                javaCommand(),
                                "-Xmx512m",
                                "-Dprism.order=sw",
                                "-Darrivals.readyFile=" + ready,
                                "-cp",
                                System.getProperty("java.class.path"),
                                "org.arrivals.Main",
                                "kiosk",
                                "--home",
                                home.toString(),
                                "--mode",
                                "desk")
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("kiosk.log").toFile());
                kioskProcess.environment().put("DISPLAY", display);
                kiosk = kioskProcess.start();
                kiosk.getOutputStream().close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!Files.exists(ready)) {
                    if (!kiosk.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "The kiosk did not open its desk: " + Files.readString(work.resolve("kiosk.log")));
                    }
                    Thread.sleep(100);
                }
                Thread.sleep(1500); // the search index warms after the first frame
                xdotool(display, "search", "--sync", "--onlyvisible", "--name", "Arrivals", "windowfocus", "--sync");
                for (int i = 0; i < burners; i++) {
                    burning.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
                }
                long t0 = System.nanoTime();
                for (String code : typed) {
                    // a USB scanner: a key every millisecond, then Enter
                    xdotool(display, "type", "--delay", "1", code);
                    xdotool(display, "key", "Return");
                    Thread.sleep(gapMillis);
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                burning.forEach(Process::destroyForcibly);
                // the last check-ins commit: the station's log says so for each (a loaded machine may take
                // seconds); a scan that was lost never does, and the count below misses it after the wait
                awaitCheckIns(home.resolve("logs").resolve("arrivals.log"), typed.size(), 60);
                kiosk.destroy();
                kiosk.waitFor(20, TimeUnit.SECONDS);
                kiosk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                try (Station s = Station.open(home, "default", null, Clock.systemUTC())) {
                    return new Result(
                            typed.size(), expected, new TreeSet<>(s.arrivals().arrivedCodes()), millis);
                }
            } finally {
                burning.forEach(Process::destroyForcibly);
                if (kiosk != null) {
                    kiosk.destroyForcibly();
                }
                xvfb.destroyForcibly();
            }
        }
    }

    private static void xdotool(String display, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("xdotool");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("xdotool " + String.join(" ", args) + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("xdotool " + String.join(" ", args) + ": "
                    + new String(p.getInputStream().readAllBytes()));
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
