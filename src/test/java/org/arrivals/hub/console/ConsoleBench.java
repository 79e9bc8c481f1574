package org.arrivals.hub.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.audit.Actor;
import org.arrivals.station.Station;
import org.arrivals.sync.SyncWorker;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code ./scripts/bench console}: the organizers' console in headless Chromium on a real hub
 * (HTTPS on loopback, H2, a roster of {@code people}). (1) The live page's load, {@code loads}
 * times: the browser's navigation timing (request to load event), against the same page fetched by
 * a plain HTTP client in the same run (the hub's share). (2) The update latency, {@code syncs}
 * times: from the hub committing a station's check-in (its stored-event listener) to the open live
 * page showing the new count (the time the page's script swapped it in), against the page's poll
 * interval (1 s). Nothing is asserted.
 */
public final class ConsoleBench {
    private ConsoleBench() {}

    public static void run(int people, int loads, int syncs) throws Exception {
        ChromeDriver probe;
        try {
            probe = ConsoleBrowserTest.chromium();
        } catch (org.opentest4j.TestAbortedException | AssertionError missing) {
            System.out.println("console: skipped (" + missing.getMessage() + ")");
            return;
        }
        Path dir = Files.createTempDirectory("arrivals-console-bench");
        try (ConsoleFixture hub = new ConsoleFixture(dir, people);
                Station desk = hub.joinedStation("desk-1")) {
            SyncWorker sync = ConsoleFixture.sync(desk);
            sync.syncOnce();
            List<Attendee> attending = desk.attendees().all().stream()
                    .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                    .toList();
            int next = 0;
            for (; next < Math.min(attending.size() / 4, 200); next++) {
                desk.checkIns().checkIn(Actor.desk(), attending.get(next).code());
            }
            sync.syncOnce();
            System.out.printf(
                    Locale.ROOT,
                    "console: %,d people, %d arrived, %d page loads, %d syncs (headless Chromium, HTTPS on loopback)%n",
                    people,
                    next,
                    loads,
                    syncs);
            ChromeDriver chrome = probe;
            try {
                chrome.get(hub.hub.consoleLink(hub.url()));
                chrome.findElement(By.id("arrived-today"));

                // (1) the live page's load
                double[] browser = new double[loads];
                for (int i = 0; i < loads; i++) {
                    chrome.get(hub.url() + "/");
                    chrome.findElement(By.id("arrived-today"));
                    browser[i] = ((Number)
                                    chrome.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                                            + " return n.loadEventEnd - n.startTime;"))
                            .doubleValue();
                }
                String cookie =
                        chrome.manage().getCookieNamed(Console.SESSION_COOKIE).getValue();
                HttpClient http = hub.pinned();
                double[] server = new double[loads];
                for (int i = 0; i < loads; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create(hub.url() + "/"))
                                    .header("Cookie", Console.SESSION_COOKIE + "=" + cookie)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("the live page answered " + r.statusCode());
                    }
                    server[i] = (System.nanoTime() - t0) / 1e6;
                }
                line("live page load in the browser (navigation timing)", browser, server, "the HTML alone");
                line("live page HTML alone (HTTP client, baseline)", server, null, null);

                // (2) from the hub's commit of a synced check-in to the open page showing it
                chrome.get(hub.url() + "/");
                AtomicLong storedAt = new AtomicLong();
                hub.hub.store().onStored(seq -> storedAt.compareAndSet(0, System.currentTimeMillis()));
                double[] update = new double[syncs];
                for (int i = 0; i < syncs; i++) {
                    int before = Integer.parseInt(shown(chrome));
                    storedAt.set(0);
                    desk.checkIns().checkIn(Actor.desk(), attending.get(next++).code());
                    sync.syncOnce();
                    String expected = Integer.toString(before + 1);
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (!expected.equals(shown(chrome)) && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    long shownAt = ((Number) chrome.executeScript(
                                    "return Number(document.getElementById('live').getAttribute('data-refreshed'));"))
                            .longValue();
                    update[i] = shownAt - storedAt.get();
                    // start the next one at a random point of the page's poll cycle
                    Thread.sleep(137 + (i * 211L) % 700);
                }
                double[] poll = new double[] {1000};
                line("sync commit to the new count shown (page polls every 1 s)", update, poll, "the poll interval");
            } finally {
                chrome.quit();
            }
        } finally {
            org.arrivals.bench.Bench.deleteTree(dir);
        }
    }

    /** The arrived count the page shows now (read by script: the element is replaced by each swap). */
    private static String shown(ChromeDriver chrome) {
        return String.valueOf(chrome.executeScript("return document.getElementById('arrived-today').textContent;"));
    }

    private static void line(String what, double[] values, double[] base, String baseName) {
        double[] s = values.clone();
        Arrays.sort(s);
        double p50 = org.arrivals.bench.Bench.percentile(s, 50);
        String ratio = "";
        if (base != null) {
            double[] b = base.clone();
            Arrays.sort(b);
            ratio = String.format(
                    Locale.ROOT, "  x%.2f %s (p50)", p50 / org.arrivals.bench.Bench.percentile(b, 50), baseName);
        }
        System.out.printf(
                Locale.ROOT,
                "  %-60s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%s%n",
                what,
                p50,
                org.arrivals.bench.Bench.percentile(s, 99),
                s[s.length - 1],
                ratio);
    }
}
