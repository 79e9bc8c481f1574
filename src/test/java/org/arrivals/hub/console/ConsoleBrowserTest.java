package org.arrivals.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.audit.Actor;
import org.arrivals.session.SessionService;
import org.arrivals.station.Station;
import org.arrivals.sync.SyncWorker;
import org.arrivals.sync.protocol.ScheduleSession;
import org.arrivals.sync.protocol.SetupCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in Debian's headless Chromium, driven by chromedriver (Selenium): sign in with a
 * one-time link, watch the arrived count change after a station syncs, upload a roster (preview,
 * import, the expected count grows) and a schedule with a wrong line (refused by line), see what
 * the stations reported (printer, unsent, set aside), run axe-core on every page (no serious or
 * critical violation), add a station and read its QR code back from a screenshot with ZXing,
 * revoke it, sign out. Screenshots of every page, on a phone's
 * width (390x844) and a desktop's (1280x800), in English and Arabic, go to
 * {@code target/console-screenshots}.
 *
 * <p>Skipped with a clear message where Chromium, chromedriver or axe-core (npm) is missing; on CI
 * ({@code CI} set) it fails instead. {@code ./scripts/test} installs them.
 */
class ConsoleBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String AXE_VERSION = "4.14.1";
    static final Path AXE_HOME = Path.of("target", "axe");
    static final Path SHOTS = Path.of("target", "console-screenshots");
    static final List<String> REPORT = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterAll
    static void report() {
        REPORT.forEach(r -> System.out.println("CONSOLE BROWSER | " + r));
    }

    private static void missing(String what) {
        String message = "The console's browser test needs " + what + " (./scripts/test installs it).";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    /** axe-core's script, installed with npm into target/axe the first time. */
    static String axeScript() throws Exception {
        Path script = AXE_HOME.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(script)) {
            Files.createDirectories(AXE_HOME);
            try {
                Process npm = new ProcessBuilder(
                                "npm",
                                "install",
                                "--no-save",
                                "--no-audit",
                                "--no-fund",
                                "--prefix",
                                AXE_HOME.toString(),
                                "axe-core@" + AXE_VERSION)
                        .redirectErrorStream(true)
                        .redirectOutput(AXE_HOME.resolve("npm.log").toFile())
                        .start();
                if (!npm.waitFor(180, TimeUnit.SECONDS)) {
                    npm.destroyForcibly();
                }
            } catch (IOException noNpm) {
                missing("npm (to install axe-core " + AXE_VERSION + ")");
            }
            if (!Files.exists(script)) {
                missing("axe-core " + AXE_VERSION + " from npm (see " + AXE_HOME.resolve("npm.log") + ")");
            }
        }
        return Files.readString(script);
    }

    static ChromeDriver chromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            missing("Debian's chromium and chromium-driver packages");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1280,800");
        // the hub's own certificate: stations pin it; this browser is told to accept it
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // a click that submits a form returns before the next page is there: finding waits for it
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    @Test
    void theConsoleWorksInChromiumAndPassesAxe() throws Exception {
        String axe = axeScript();
        Files.createDirectories(SHOTS);
        try (ConsoleFixture hub = new ConsoleFixture(dir, 240);
                Station desk = hub.joinedStation("desk-1")) {
            LocalDate today = LocalDate.now(ZoneId.systemDefault());
            hub.hub
                    .store()
                    .importSchedule(List.of(
                            new ScheduleSession(
                                    "S1", "Opening plenary", "Main", "Hall A", today.toString(), "09:00", "10:30", 300),
                            new ScheduleSession(
                                    "S2",
                                    "Know your rights",
                                    "Legal",
                                    "Room 2",
                                    today.toString(),
                                    "11:00",
                                    "12:00",
                                    4)));
            String doorToken = hub.hub.addStation("door-1", org.arrivals.sync.protocol.StationRole.DOOR);
            SyncWorker sync = ConsoleFixture.sync(desk);
            sync.syncOnce();
            List<Attendee> people = desk.attendees().all().stream()
                    .filter(a -> a.status() == RegistrationStatus.ATTENDING)
                    .toList();
            // a morning of arrivals, earlier today, so the chart has a shape
            ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
            Instant midnight = today.atStartOfDay(ZoneId.systemDefault()).toInstant();
            for (int i = 0; i < 60; i++) {
                long minutesBack = (long) (150 * Math.pow((60 - i) / 60.0, 1.6));
                Instant at = now.toInstant().minusSeconds(60 * minutesBack);
                desk.checkIns().checkInAt(Actor.cli(), people.get(i).code(), at.isBefore(midnight) ? midnight : at);
            }
            for (int i = 0; i < 6; i++) {
                desk.sessions()
                        .scan(
                                Actor.cli(),
                                i < 4 ? "S2" : "S1",
                                people.get(i).code(),
                                SessionService.Door.ENTRANCE,
                                false);
            }
            assertThat(sync.syncOnce().pending()).isZero();

            ChromeDriver chrome = chromium();
            try {
                String link = hub.hub.consoleLink(hub.url());
                long t0 = System.nanoTime();
                chrome.get(link);
                waitUntil(
                        Duration.ofSeconds(10),
                        () -> chrome.findElements(By.id("arrived-today")).size() == 1);
                long signInMs = (System.nanoTime() - t0) / 1_000_000;
                assertThat(chrome.getCurrentUrl()).isEqualTo(hub.url() + "/");
                assertThat(chrome.findElement(By.id("arrived-today")).getText()).isEqualTo("60");
                REPORT.add("sign-in link to live page shown | " + signInMs + " ms");

                t0 = System.nanoTime();
                chrome.navigate().refresh();
                chrome.findElement(By.id("arrived-today"));
                REPORT.add("live page load (navigation) | "
                        + ((Number) chrome.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                                        + " return Math.round(n.loadEventEnd - n.startTime);"))
                                .longValue()
                        + " ms");

                // a check-in synced while the page is open shows within 2 s
                desk.checkIns().checkIn(Actor.desk(), people.get(100).code());
                assertThat(sync.syncOnce().pending()).isZero();
                long synced = System.nanoTime();
                assertThat(waitUntil(
                                Duration.ofSeconds(2),
                                () -> chrome.findElement(By.id("arrived-today"))
                                        .getText()
                                        .equals("61")))
                        .as("the page shows the new count within 2 s of the sync")
                        .isTrue();
                REPORT.add("arrived count updated after a sync | " + (System.nanoTime() - synced) / 1_000_000 + " ms");

                axeClean(chrome, axe, "live");
                shots(chrome, "live");

                // upload a roster: the preview (mapping, first rows, problems by line), then import it
                int expectedBefore =
                        Integer.parseInt(chrome.findElement(By.id("expected")).getText());
                Path roster = dir.resolve("late-registrations.csv");
                Files.writeString(
                        roster,
                        "code,first_name,last_name,organization,type,status\n"
                                + "LATE-1,Amal,Haddad,Welcome Center,Speaker,attending\n"
                                + "LATE-2,Luis,Ortega,Casa Nueva,General Admission,attending\n"
                                + ",Nobody,Nocode,Somewhere,General Admission,attending\n"
                                + "LATE-3,Mei,Chen,Bridges,General Admission,cancelled\n"
                                + "LATE-4,Zainab,Al-Khouri,مركز الترحيب,General Admission,attending\n");
                chrome.get(hub.url() + "/upload?lang=en");
                axeClean(chrome, axe, "upload");
                shots(chrome, "upload");
                chrome.findElement(By.id("up-roster-file"))
                        .sendKeys(roster.toAbsolutePath().toString());
                chrome.findElement(By.cssSelector("#up-roster-file ~ button")).click();
                assertThat(chrome.findElement(By.id("up-importable")).getText()).isEqualTo("4");
                assertThat(chrome.findElement(By.cssSelector("table.problems")).getText())
                        .contains("No attendee code");
                axeClean(chrome, axe, "roster preview");
                shots(chrome, "upload-preview");
                chrome.findElement(By.id("import")).click();
                assertThat(chrome.findElement(By.id("done-rows")).getText()).isEqualTo("4");
                axeClean(chrome, axe, "import done");
                shotsHere(chrome, "upload-done-en");
                chrome.get(hub.url() + "/");
                assertThat(waitUntil(
                                Duration.ofSeconds(5),
                                () -> chrome.findElement(By.id("expected"))
                                        .getText()
                                        .equals(Integer.toString(expectedBefore + 3))))
                        .as("the live page expects the three new attending people")
                        .isTrue();

                // a schedule with a wrong line: the preview names it and offers no import
                Path schedule = dir.resolve("schedule.csv");
                Files.writeString(
                        schedule,
                        "Session ID,Title,Track,Room,Date,Start,End,Capacity\n"
                                + "S1,Opening plenary,Main,Hall A," + today + ",09:00,10:30,300\n"
                                + "S2,Know your rights,Legal,Room 2," + today + ",12:00,11:00,4\n");
                chrome.get(hub.url() + "/upload?lang=en");
                chrome.findElement(By.id("up-schedule-file"))
                        .sendKeys(schedule.toAbsolutePath().toString());
                chrome.findElement(By.cssSelector("form:has(#up-schedule-file) button"))
                        .click();
                assertThat(chrome.findElement(By.cssSelector("p.problem")).getText())
                        .contains("Lines to fix before anything can be imported: 1");
                assertThat(chrome.findElements(By.id("import"))).isEmpty();
                axeClean(chrome, axe, "blocked schedule preview");
                shots(chrome, "schedule-blocked");
                assertThat(hub.hub.store().schedule(0).sessions()).hasSize(2);

                // the stations page: what each station reported when it synced
                org.arrivals.sync.HubClient reporting = new org.arrivals.sync.HubClient(
                        java.net.URI.create(hub.url()),
                        doorToken,
                        Duration.ofSeconds(5),
                        org.arrivals.sync.PinnedCertificate.of(hub.hub.fingerprint(null, null)));
                reporting.report(new org.arrivals.sync.protocol.StationReport(
                        org.arrivals.print.PrinterState.Condition.OUT_OF_LABELS.name(), 2, 1));
                reporting.pullEvents(0, 1);
                chrome.get(hub.url() + "/stations");
                String deskRow = chrome.findElement(By.xpath("//tr[th/bdi[text()='desk-1']]"))
                        .getText();
                assertThat(deskRow).contains("Online").contains("No printer");
                assertThat(chrome.findElement(By.xpath("//tr[th/bdi[text()='desk-1']]/td[contains(@class,'pending')]"))
                                .getText())
                        .isEqualTo("0");
                String doorRow = chrome.findElement(By.xpath("//tr[th/bdi[text()='door-1']]"))
                        .getText();
                assertThat(doorRow).contains("Out of labels");
                assertThat(chrome.findElement(By.xpath("//tr[th/bdi[text()='door-1']]/td[contains(@class,'pending')]"))
                                .getText())
                        .isEqualTo("2");
                axeClean(chrome, axe, "stations");
                shots(chrome, "stations");
                chrome.get(hub.url() + "/people?q=" + people.get(0).lastName());
                axeClean(chrome, axe, "people");
                shots(chrome, "people-search");

                // add a station: its QR code, read back from the screenshot, is its set-up code
                chrome.get(hub.url() + "/stations?lang=en");
                chrome.findElement(By.id("st-name")).sendKeys("desk-7");
                chrome.findElement(By.cssSelector("form[action='/stations/add'] button"))
                        .click();
                String shown = chrome.findElement(By.id("setup-code")).getText();
                SetupCode code = SetupCode.read(shown);
                assertThat(code.station()).isEqualTo("desk-7");
                axeClean(chrome, axe, "station added");
                byte[] png = chrome.findElement(By.cssSelector("svg.qr")).getScreenshotAs(OutputType.BYTES);
                Files.write(SHOTS.resolve("setup-qr.png"), png);
                assertThat(readQr(png)).isEqualTo(shown);
                shotsHere(chrome, "station-added-en");
                chrome.get(hub.url() + "/stations?lang=ar");
                chrome.findElement(By.id("st-name")).sendKeys("desk-8");
                chrome.findElement(By.cssSelector("form[action='/stations/add'] button"))
                        .click();
                assertThat(SetupCode.read(
                                        chrome.findElement(By.id("setup-code")).getText())
                                .station())
                        .isEqualTo("desk-8");
                shotsHere(chrome, "station-added-ar");
                chrome.get(hub.url() + "/stations?lang=en");

                // revoke it from the page
                chrome.findElement(By.xpath("//tr[th/bdi[text()='desk-7']]//button"))
                        .click();
                assertThat(waitUntil(
                                Duration.ofSeconds(5),
                                () -> chrome.findElement(By.xpath("//tr[th/bdi[text()='desk-7']]"))
                                        .getText()
                                        .contains("Revoked")))
                        .as("the revoked station shows as revoked")
                        .isTrue();
                assertThat(hub.hub.stations().stream().filter(s -> s.name().equals("desk-7")))
                        .singleElement()
                        .satisfies(s -> assertThat(s.revoked()).isNotNull());

                // sign out: the session is gone
                chrome.findElement(By.cssSelector("form.signout button")).click();
                assertThat(waitUntil(
                                Duration.ofSeconds(5),
                                () -> chrome.getCurrentUrl().endsWith("/signin")))
                        .isTrue();
                axeClean(chrome, axe, "sign-in");
                shots(chrome, "signin");
                chrome.get(hub.url() + "/");
                assertThat(chrome.getCurrentUrl()).endsWith("/signin");
            } catch (RuntimeException | AssertionError e) {
                Files.writeString(SHOTS.resolve("failure.html"), chrome.getPageSource());
                Files.write(SHOTS.resolve("failure.png"), chrome.getScreenshotAs(OutputType.BYTES));
                throw e;
            } finally {
                chrome.quit();
            }
        }
    }

    /** Polls every 20 ms until {@code done} or {@code limit}; false when the limit came first. */
    private static boolean waitUntil(Duration limit, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (done.getAsBoolean()) {
                    return true;
                }
            } catch (org.openqa.selenium.WebDriverException notYet) {
                // the page is being replaced
            }
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    /** Screenshots of the page open now, as it is (a POST's answer): phone and desktop. */
    private static void shotsHere(ChromeDriver chrome, String name) throws IOException {
        for (int[] size : new int[][] {{390, 844}, {1280, 800}}) {
            chrome.manage().window().setSize(new Dimension(size[0], size[1]));
            long height = ((Number) ((JavascriptExecutor) chrome)
                            .executeScript("return document.documentElement.scrollHeight;"))
                    .longValue();
            chrome.manage().window().setSize(new Dimension(size[0], (int) Math.max(size[1], Math.min(height, 4000))));
            Files.write(SHOTS.resolve(name + "-" + size[0] + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
        }
        chrome.manage().window().setSize(new Dimension(1280, 800));
    }

    /** Screenshots of the page open now: phone and desktop, English and Arabic, each the page's full length. */
    private static void shots(ChromeDriver chrome, String name) throws IOException {
        String url = chrome.getCurrentUrl().replaceAll("[?&]lang=[a-z]+", "");
        for (String lang : List.of("en", "ar")) {
            chrome.get(url + (url.contains("?") ? "&" : "?") + "lang=" + lang);
            for (int[] size : new int[][] {{390, 844}, {1280, 800}}) {
                chrome.manage().window().setSize(new Dimension(size[0], size[1]));
                long height = ((Number) ((JavascriptExecutor) chrome)
                                .executeScript("return document.documentElement.scrollHeight;"))
                        .longValue();
                chrome.manage().window().setSize(new Dimension(size[0], (int)
                        Math.max(size[1], Math.min(height, 4000))));
                Files.write(
                        SHOTS.resolve(name + "-" + lang + "-" + size[0] + ".png"),
                        chrome.getScreenshotAs(OutputType.BYTES));
            }
            chrome.manage().window().setSize(new Dimension(1280, 800));
        }
        chrome.get(url + (url.contains("?") ? "&" : "?") + "lang=en");
    }

    @SuppressWarnings("unchecked")
    private static void axeClean(ChromeDriver chrome, String axe, String page) {
        chrome.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>)
                chrome.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " axe.run(document, {resultTypes: ['violations']}).then(r => done(r), e => done({error: String(e)}));");
        assertThat(result.get("error")).as("axe ran on " + page).isNull();
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        List<String> all = new ArrayList<>();
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            String line = v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " ("
                    + ((List<?>) v.get("nodes")).size() + " elements)";
            all.add(line);
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(line + " "
                        + ((List<Map<String, Object>>) v.get("nodes"))
                                .stream()
                                        .map(n -> String.valueOf(n.get("target")))
                                        .toList());
            }
        }
        REPORT.add("axe " + page + " | " + (all.isEmpty() ? "no violations" : String.join("; ", all)));
        assertThat(serious)
                .as("serious or critical axe violations on the " + page + " page")
                .isEmpty();
    }

    private static String readQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return org.arrivals.badge.QrRead.text(image);
    }
}
