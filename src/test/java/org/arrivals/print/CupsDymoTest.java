package org.arrivals.print;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.station.Station;
import org.arrivals.testing.Badges;
import org.arrivals.testing.Files2;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DYMO badges through a real CUPS queue with DYMO's own LabelWriter 450 driver (Debian's
 * printer-driver-dymo), sending to a listener on loopback as a network LabelWriter would receive
 * it: the raster's label length is the stock's, nothing is scaled (the QR is as large as the
 * template draws it), and the QR decodes. {@code ./scripts/test} installs the driver and starts
 * CUPS; where it cannot, this test says so loudly, and on CI it fails instead.
 */
class CupsDymoTest {
    static final String DRIVER = "dymo:0/cups/model/lw450.ppd";
    static FakeZebra listener;
    static String queue;

    @TempDir
    static Path dir;

    @BeforeAll
    static void spooler() throws Exception {
        CupsHost.requireScheduler("CUPS DYMO TESTS");
        listener = new FakeZebra(); // keeps every job it receives, as raw bytes
        queue = "arrivals-dymo-" + ProcessHandle.current().pid();
        if (CupsHost.run("lpadmin", "-p", queue, "-E", "-v", "socket://127.0.0.1:" + listener.port(), "-m", DRIVER)
                != 0) {
            CupsHost.unavailable(
                    "CUPS DYMO TESTS",
                    "lpadmin could not create a DYMO LabelWriter 450 queue (package printer-driver-dymo, "
                            + "and root or lpadmin rights)");
        }
    }

    @AfterAll
    static void removeQueue() throws Exception {
        if (queue != null) {
            CupsHost.run("lpoptions", "-x", queue);
            CupsHost.run("lpadmin", "-x", queue);
        }
        if (listener != null) {
            listener.close();
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
                                        "D1,Minh Khai,Nguyễn Thị,Boat People SOS",
                                        "D2,محمد,عبد الله,Arab American Family Services"),
                                StandardCharsets.UTF_8,
                                false),
                        RosterImporter.Options.defaults());
        return s;
    }

    private static int waitForJobs(int count) throws InterruptedException {
        for (int i = 0; i < 600 && listener.jobs.size() < count; i++) {
            Thread.sleep(100);
        }
        return listener.jobs.size();
    }

    @Test
    void a30856BadgeCardComesOutAtItsSizeWithAQrThatDecodes() throws Exception {
        // DYMO's driver: 176 x 292 pt for the 30856 card, at 300 dpi 1216 rows
        printsAtSize("D1", "dymo-30856", 1216);
    }

    @Test
    void a30256ShippingLabelComesOutAtItsSizeWithAQrThatDecodes() throws Exception {
        // DYMO's driver: 167 x 288 pt for the 30256 label, at 300 dpi 1200 rows
        printsAtSize("D2", "dymo-30256", 1200);
    }

    private void printsAtSize(String code, String template, int rows) throws Exception {
        try (Station s = station(template)) {
            int before = listener.jobs.size();
            PrintOutcome o = Badges.print(s, code, queue, template);
            assertThat(o.job().state()).isEqualTo(PrintJob.State.DONE);
            assertThat(waitForJobs(before + 1)).isEqualTo(before + 1);
            DymoRaster label = DymoRaster.decode(listener.jobs.get(before));
            assertThat(label.labelLength()).as("the label's length in dot rows").isEqualTo(rows);
            assertThat(label.image().getHeight()).isLessThanOrEqualTo(rows);
            assertThat(label.headBytes()).as("within the 672-dot head").isLessThanOrEqualTo(DymoRaster.HEAD_BYTES);
            assertThat(s.tokens().verify(BrotherQlPrinterTest.qrText(label.image())))
                    .contains(code);
            BrotherQlPrinterTest.assertUpright(label.image());
            // not scaled: the QR is as large as the badge PDF drawn at 300 dpi
            var t = TemplateLoader.named(template, null);
            byte[] pdf = s.badges().render(t, s.attendees().findByCode(code).orElseThrow(), "");
            int[] expected;
            try (var doc = Loader.loadPDF(pdf)) {
                expected = BrotherQlPrinterTest.qrSize(new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY));
            }
            int[] printed = BrotherQlPrinterTest.qrSize(label.image());
            assertThat(printed[0]).isCloseTo(expected[0], Offset.offset(expected[0] / 50 + 2));
            assertThat(printed[1]).isCloseTo(expected[1], Offset.offset(expected[1] / 50 + 2));
        }
    }
}
