package org.arrivals.print;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.i18n.Texts;
import org.arrivals.station.Station;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.testing.Badges;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Badges through a real CUPS spooler: a queue with CUPS' own Zebra ZPL driver sends to a listener
 * on loopback, as a network Zebra on port 9100 would receive it. {@code ./scripts/test} installs
 * and starts CUPS; where it cannot run this test says so loudly, and on CI it fails instead.
 */
class CupsPrintingTest {
    static FakeZebra zebra;
    static String queue;

    @TempDir
    static Path dir;

    @BeforeAll
    static void spooler() throws Exception {
        CupsHost.requireScheduler("CUPS PRINTING TESTS");
        zebra = new FakeZebra();
        queue = "arrivals-test-" + ProcessHandle.current().pid();
        if (CupsHost.run(
                        "lpadmin",
                        "-p",
                        queue,
                        "-E",
                        "-v",
                        "socket://127.0.0.1:" + zebra.port(),
                        "-m",
                        "drv:///sample.drv/zebra.ppd",
                        "-o",
                        "PageSize=w288h432")
                != 0) {
            CupsHost.unavailable(
                    "CUPS PRINTING TESTS", "lpadmin could not create a test queue (it needs root or lpadmin rights)");
        }
        // Added before the first lookup: javax.print caches the spooler's queue list for minutes.
        if (CupsHost.run(
                        "lpadmin",
                        "-p",
                        queue + "-pdf",
                        "-E",
                        "-v",
                        "cups-pdf:/",
                        "-m",
                        "lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd")
                != 0) {
            CupsHost.unavailable(
                    "CUPS PRINTING TESTS", "the cups-pdf printer could not be added (package printer-driver-cups-pdf)");
        }
    }

    @AfterAll
    static void removeQueue() throws Exception {
        if (queue != null) {
            CupsHost.run("lpoptions", "-x", queue);
            CupsHost.run("lpadmin", "-x", queue);
            CupsHost.run("lpadmin", "-x", queue + "-pdf");
        }
        if (zebra != null) {
            zebra.close();
        }
    }

    private Station station(String name) throws Exception {
        Station s = Station.open(dir.resolve(name), "test", "desk-1", Clock.systemUTC());
        s.importer()
                .importFile(
                        Files2.write(
                                dir,
                                name + ".csv",
                                crlf(
                                        "code,first_name,last_name,organization",
                                        "P1,Minh Khai,Nguyễn Thị,Boat People SOS",
                                        "P2,محمد,عبد الله,Arab American Family Services",
                                        "P3,Ana,Silva,Org",
                                        "P4,Ben,Lee,Org"),
                                StandardCharsets.UTF_8,
                                false),
                        RosterImporter.Options.defaults());
        return s;
    }

    private static int waitForJobs(int count) throws InterruptedException {
        for (int i = 0; i < 300 && zebra.jobs.size() < count; i++) {
            Thread.sleep(100);
        }
        return zebra.jobs.size();
    }

    @Test
    void aBadgeGoesThroughCupsAsZplOfTheLabelsSizeOnceAndAReprintNeedsAReason() throws Exception {
        try (Station s = station("plain")) {
            int before = zebra.jobs.size();
            PrintOutcome first = Badges.print(s, "P1", queue, "thermal-4x3");
            assertThat(first.job().state()).isEqualTo(PrintJob.State.DONE);
            assertThat(waitForJobs(before + 1)).isEqualTo(before + 1);
            // The queue's own default is a 4 x 6 in label: the template's 4 x 3 in reached the driver.
            // CUPS' driver downloads one graphic: 102 bytes x 609 rows = 812 x 609 dots, 4 x 3 in at 203 dpi.
            assertThat(zpl(before)).isEqualTo("~DGR:CUPS.GRF,62118,102, ^PW812");
            assertThat(qrOf(before, s)).contains("P1");

            PrintOutcome again = Badges.print(s, "P1", queue, "thermal-4x3");
            assertThat(again.result()).isEqualTo(PrintOutcome.Result.ALREADY_HAS_BADGE);

            PrintOutcome reprint = Badges.reprint(s, "P1", queue, "thermal-4x3", "lost");
            assertThat(reprint.job().state()).isEqualTo(PrintJob.State.DONE);
            assertThat(s.arrivals().events("P1"))
                    .extracting(e -> e.kind())
                    .containsExactly(EventKind.BADGE_PRINTED, EventKind.BADGE_REPRINTED);
            assertThat(s.arrivals().arrival("P1").reprints()).isEqualTo(1);
            assertThat(waitForJobs(before + 2)).isEqualTo(before + 2);
        }
    }

    /** What a ZPL job says about its size: the graphic's header and the print width, not the megabytes between. */
    private static String zpl(int index) {
        String zpl = new String(zebra.jobs.get(index), StandardCharsets.ISO_8859_1);
        Matcher graphic = Pattern.compile("~DGR:CUPS\\.GRF,\\d+,\\d+,").matcher(zpl);
        Matcher width = Pattern.compile("\\^PW\\d+").matcher(zpl);
        return (graphic.find() ? graphic.group() : "no graphic") + " " + (width.find() ? width.group() : "no width");
    }

    /** The attendee code in the QR code of what the printer would print, read from the driver's ZPL. */
    private static Optional<String> qrOf(int index, Station s) throws Exception {
        var label = ZplGraphic.decode(new String(zebra.jobs.get(index), StandardCharsets.ISO_8859_1));
        String token = org.arrivals.badge.QrRead.text(label);
        return s.tokens().verify(token);
    }

    @Test
    void eachTemplatePrintsOnItsOwnLabelSizeWithoutScaling() throws Exception {
        try (Station s = station("sizes")) {
            int before = zebra.jobs.size();
            Badges.print(s, "P4", queue, "fanfold-4x6");
            assertThat(waitForJobs(before + 1)).isEqualTo(before + 1);
            // 4 x 6 in at the template's 300 dpi: 1200 x 1800 dots, 150 bytes a row
            assertThat(zpl(before)).isEqualTo("~DGR:CUPS.GRF,270000,150, ^PW1200");
            Badges.reprint(s, "P4", queue, "thermal-4x3", "damaged");
            assertThat(waitForJobs(before + 2)).isEqualTo(before + 2);
            assertThat(zpl(before + 1)).isEqualTo("~DGR:CUPS.GRF,62118,102, ^PW812");
        }
    }

    @Test
    void aQueueThatTakesNoPdfGetsPagesDrawnAtTheLabelsExactSize() throws Exception {
        try (Station s = station("pages")) {
            int before = zebra.jobs.size();
            var template = TemplateLoader.named("thermal-4x3", null);
            byte[] pdf =
                    s.badges().render(template, s.attendees().findByCode("P2").orElseThrow(), "");
            assertThat(new SpoolerPrinter(queue, true).send(pdf, LabelStock.of(template)))
                    .isEqualTo(PrinterState.READY);
            assertThat(waitForJobs(before + 1)).isEqualTo(before + 1);
            assertThat(zpl(before)).isEqualTo("~DGR:CUPS.GRF,62118,102, ^PW812");
            assertThat(qrOf(before, s)).contains("P2");
        }
    }

    @Test
    void aTestBadgePrintsWithoutQueueingOrRecordingAnything() throws Exception {
        try (Station s = station("test-badge")) {
            int before = zebra.jobs.size();
            assertThat(s.printing()
                            .testBadge(Actor.cli(), queue, "thermal-4x3")
                            .join()
                            .result())
                    .isEqualTo(PrintOutcome.Result.HANDED_OVER);
            assertThat(waitForJobs(before + 1)).isEqualTo(before + 1);
            assertThat(zpl(before)).isEqualTo("~DGR:CUPS.GRF,62118,102, ^PW812");
            assertThat(s.printing().jobs()).isEmpty();
            assertThat(s.arrivals().stationActivity()).isEmpty();
            PrintOutcome missing = s.printing()
                    .testBadge(Actor.cli(), "no-such-queue", "thermal-4x3")
                    .join();
            assertThat(missing.result()).isEqualTo(PrintOutcome.Result.NOT_PRINTED);
            assertThat(missing.printer().condition()).isEqualTo(PrinterState.Condition.NO_SUCH_PRINTER);
        }
    }

    @Test
    void aPausedQueueHoldsTheJobAndSaysSo() throws Exception {
        try (Station s = station("paused")) {
            int before = zebra.jobs.size();
            CupsHost.run("cupsdisable", queue);
            try {
                PrintOutcome o = Badges.print(s, "P2", queue, "thermal-4x3");
                assertThat(o.job().state()).isEqualTo(PrintJob.State.SENT);
                assertThat(o.result()).isEqualTo(PrintOutcome.Result.HELD);
                assertThat(Texts.english().printer(o.printer(), queue))
                        .isEqualTo(queue + " is paused. Badges wait in the printer's queue and print "
                                + "when it is resumed.");
                Thread.sleep(1500);
                assertThat(zebra.jobs).hasSize(before);
            } finally {
                CupsHost.run("cupsenable", queue);
            }
            assertThat(waitForJobs(before + 1)).as("printed once resumed").isEqualTo(before + 1);
        }
    }

    @Test
    void aRejectingQueueLeavesTheJobInOurQueueAndARetryPrintsItExactlyOnce() throws Exception {
        try (Station s = station("rejecting")) {
            int before = zebra.jobs.size();
            CupsHost.run("cupsreject", queue);
            PrintOutcome o;
            try {
                o = Badges.print(s, "P3", queue, "thermal-4x3");
                assertThat(o.job().state()).isEqualTo(PrintJob.State.FAILED);
                assertThat(o.printer().condition()).isEqualTo(PrinterState.Condition.REJECTING);
                assertThat(s.printing().jobs())
                        .singleElement()
                        .satisfies(j -> assertThat(j.problem()).isEqualTo(PrinterState.Condition.REJECTING));
            } finally {
                CupsHost.run("cupsaccept", queue);
            }
            // the print worker notices the queue accepts again and sends the badge by itself; a person's
            // retry meanwhile finds it printed, or sends it: once either way
            PrintOutcome retried = Badges.retry(s, o.job().id());
            assertThat(retried.result()).isIn(PrintOutcome.Result.HANDED_OVER, PrintOutcome.Result.NOT_WAITING);
            assertThat(s.printing().job(o.job().id()).orElseThrow().state()).isEqualTo(PrintJob.State.DONE);
            assertThat(Badges.retry(s, o.job().id()).result())
                    .as("not sent twice")
                    .isEqualTo(PrintOutcome.Result.NOT_WAITING);
            assertThat(waitForJobs(before + 1)).isEqualTo(before + 1);
            Thread.sleep(1500);
            assertThat(zebra.jobs).as("exactly once").hasSize(before + 1);
        }
    }

    @Test
    void aBadgeThroughThePdfPrinterComesOutWithAQrThatDecodes() throws Exception {
        String pdfQueue = queue + "-pdf";
        // cups-pdf writes each job to the submitting user's ~/PDF, named after the job ("Arrivals badge").
        Path out = Path.of(System.getProperty("user.home"), "PDF");
        long start = System.currentTimeMillis() - 1000;
        try (Station s = station("pdf")) {
            PrintOutcome o = Badges.print(s, "P3", pdfQueue, "thermal-4x3");
            assertThat(o.job().state()).isEqualTo(PrintJob.State.DONE);
            Path printed = null;
            for (int i = 0; i < 300 && printed == null; i++) {
                Thread.sleep(100);
                if (Files.isDirectory(out)) {
                    try (var files = Files.list(out)) {
                        printed = files.filter(f -> f.toFile().lastModified() >= start
                                        && f.toString().endsWith(".pdf"))
                                .filter(f -> f.toFile().length() > 0)
                                .findFirst()
                                .orElse(null);
                    }
                }
            }
            assertThat(printed).as("cups-pdf wrote the job to " + out).isNotNull();
            Thread.sleep(500); // let cups-pdf finish writing
            byte[] pdf = Files.readAllBytes(printed);
            // cups-pdf re-distils the job through Ghostscript onto its own default page, which keeps the
            // drawing but neither the text layer nor the label size (see docs/printing-notes.md): what
            // is checked here is that the badge went through the spooler whole, its QR readable.
            try (var doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isEqualTo(1);
                var image = new PDFRenderer(doc).renderImageWithDPI(0, 200, ImageType.GRAY);
                String token = org.arrivals.badge.QrRead.text(image);
                assertThat(s.tokens().verify(token)).contains("P3");
            }
            Files.deleteIfExists(printed);
        }
    }

    @Test
    void aMissingPrinterIsASentenceAndTheJobWaits() throws Exception {
        try (Station s = station("missing")) {
            PrintOutcome o = Badges.print(s, "P4", "no-such-printer", "thermal-4x3");
            assertThat(o.job().state()).isEqualTo(PrintJob.State.FAILED);
            assertThat(Texts.english().printer(o.printer(), "no-such-printer"))
                    .startsWith("There is no printer named no-such-printer on this computer.");
            assertThat(List.of(s.printing().jobs().get(0).state())).containsExactly(PrintJob.State.FAILED);
        }
    }
}
