package org.arrivals.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.badge.BadgeRenderer;
import org.arrivals.badge.BadgeTemplate;
import org.arrivals.badge.BadgeToken;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.i18n.Texts;
import org.junit.jupiter.api.Test;

/** The raw Zebra driver against a listener on loopback: the ZPL decodes back to the badge. */
class ZebraRawPrinterTest {
    static final BadgeToken TOKENS =
            new BadgeToken("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final Attendee ANA = new Attendee(
            1,
            "AR-42",
            null,
            "محمد",
            "عبد الله",
            null,
            null,
            null,
            "Arab American Family Services",
            null,
            "Speaker",
            RegistrationStatus.ATTENDING,
            Map.of(),
            false);

    @Test
    void aBadgeArrivesAsOneGraphicOfTheLabelsSizeWhoseQrDecodes() throws Exception {
        BadgeTemplate t = TemplateLoader.named("thermal-4x3", null);
        byte[] zpl = ZplEncoder.encode(new BadgeRenderer(TOKENS).render(t, ANA, ""), t.dpi());
        try (FakeZebra zebra = new FakeZebra()) {
            new ZebraRawPrinter("127.0.0.1", zebra.port()).print(zpl);
            waitFor(() -> zebra.jobs.size() == 1);
            BufferedImage label = decodeZpl(new String(zebra.jobs.get(0), StandardCharsets.US_ASCII));
            assertThat(label.getWidth()).as("4 in at 203 dpi").isBetween(811, 813);
            assertThat(label.getHeight()).as("3 in at 203 dpi").isBetween(608, 610);
            String token = org.arrivals.badge.QrRead.text(label);
            assertThat(TOKENS.verify(token)).contains("AR-42");
        }
    }

    @Test
    void outOfLabelsAndPausedAreSentencesAndNothingIsSent() throws Exception {
        try (FakeZebra zebra = new FakeZebra()) {
            ZebraRawPrinter printer = new ZebraRawPrinter("127.0.0.1", zebra.port());
            zebra.paperOut = true;
            assertThat(problem(() -> printer.print("^XA^XZ".getBytes(StandardCharsets.US_ASCII))))
                    .isEqualTo(PrinterState.Condition.OUT_OF_LABELS);
            assertThat(Texts.english().printer(printer.state(), "Desk 3 printer"))
                    .isEqualTo("Desk 3 printer is out of labels. Load a new roll; the badge will print then.");
            zebra.paperOut = false;
            zebra.paused = true;
            assertThat(problem(() -> printer.print("^XA^XZ".getBytes(StandardCharsets.US_ASCII))))
                    .isEqualTo(PrinterState.Condition.PAUSED);
            assertThat(zebra.jobs).isEmpty();
        }
    }

    @Test
    void aMissingOrHungPrinterIsASentenceNotAWait() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        assertThat(problem(() -> new ZebraRawPrinter("127.0.0.1", free).status()))
                .isEqualTo(PrinterState.Condition.UNREACHABLE);
        try (FakeZebra zebra = new FakeZebra()) {
            zebra.silent = true;
            assertThat(problem(() -> new ZebraRawPrinter("127.0.0.1", zebra.port()).status()))
                    .isEqualTo(PrinterState.Condition.UNREACHABLE);
            assertThat(new ZebraRawPrinter("127.0.0.1", zebra.port()).state().condition())
                    .isEqualTo(PrinterState.Condition.UNREACHABLE);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    /** The condition a call's PrinterProblem names. */
    private static PrinterState.Condition problem(Call call) {
        try {
            call.run();
        } catch (PrinterProblem e) {
            return e.state().condition();
        } catch (Exception e) {
            throw new AssertionError("not a printer problem", e);
        }
        throw new AssertionError("no printer problem");
    }

    /** Reads back what the printer would print: ^PW and ^LL, and the ^GFA hex image. */
    static BufferedImage decodeZpl(String zpl) {
        Matcher m = Pattern.compile(
                        "\\^PW(\\d+)\\^LL(\\d+).*?\\^GFA,(\\d+),(\\d+),(\\d+),\\s*([0-9A-F\\s]+)\\^FS", Pattern.DOTALL)
                .matcher(zpl);
        assertThat(m.find()).as("a ^GF graphic field").isTrue();
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        int total = Integer.parseInt(m.group(3));
        int perRow = Integer.parseInt(m.group(5));
        String hex = m.group(6).replaceAll("\\s", "");
        assertThat(hex.length()).isEqualTo(total * 2);
        assertThat(total).isEqualTo(perRow * h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * perRow + x / 8;
                int b = Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16);
                boolean black = (b >> (7 - x % 8) & 1) == 1;
                img.setRGB(x, y, black ? 0x000000 : 0xFFFFFF);
            }
        }
        return img;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
