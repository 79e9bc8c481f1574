package org.arrivals.rehearse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One station's CUPS queue for a rehearsal: CUPS' own Zebra ZPL driver, to a loopback listener by
 * the socket backend. When the listener refuses (out of labels) the backend gives up after a few
 * seconds and, by the queue's error policy, CUPS stops the queue and keeps its jobs, as it does for
 * a printer that does not answer; {@link #resume} is the person who loads labels and resumes it.
 */
final class CupsQueue {
    final String name;

    private CupsQueue(String name) {
        this.name = name;
    }

    /** True when the CUPS scheduler answers here. */
    static boolean running() {
        try {
            return run("lpstat", "-r").contains("is running");
        } catch (IOException e) {
            return false;
        }
    }

    static CupsQueue create(String name, int port) throws IOException {
        String said = run(
                "lpadmin",
                "-p",
                name,
                "-E",
                "-v",
                "socket://127.0.0.1:" + port + "/?contimeout=3",
                "-m",
                "drv:///sample.drv/zebra.ppd",
                "-o",
                "printer-error-policy=stop-printer");
        if (!run("lpstat", "-p", name).contains(name)) {
            throw new IOException("lpadmin could not create the CUPS queue " + name + " (it needs root or lpadmin"
                    + " rights, and CUPS' sample drivers): " + said.strip());
        }
        return new CupsQueue(name);
    }

    /** Jobs CUPS still has for this queue (not yet sent to the printer). */
    int jobs() throws IOException {
        return (int) run("lpstat", "-o", name)
                .lines()
                .filter(l -> l.startsWith(name + "-"))
                .count();
    }

    /** True when CUPS has stopped the queue (a printer that did not answer). */
    boolean stopped() throws IOException {
        return run("lpstat", "-p", name).contains("disabled");
    }

    void resume() throws IOException {
        run("cupsenable", name);
    }

    void delete() throws IOException {
        run("cancel", "-a", "-x", name);
        run("lpoptions", "-x", name);
        run("lpadmin", "-x", name);
    }

    private static String run(String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("LANG", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
