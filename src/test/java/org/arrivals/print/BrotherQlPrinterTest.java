package org.arrivals.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.detector.Detector;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.arrivals.badge.BadgeRenderer;
import org.arrivals.badge.BadgeTemplate;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.i18n.Texts;
import org.junit.jupiter.api.Test;

/**
 * The Brother QL driver against a listener on loopback that answers like a QL-810W and decodes the
 * raster it receives back into the printed image: the badge's size on the roll, its QR code, and
 * the roll problems the printer reports before anything is sent.
 */
class BrotherQlPrinterTest {
    private static final BadgeTemplate BROTHER = TemplateLoader.named("brother-62x100", null);

    private static byte[] badge() {
        return new BadgeRenderer(ZebraRawPrinterTest.TOKENS).render(BROTHER, ZebraRawPrinterTest.ANA, "");
    }

    private static BrotherQlPrinter printer(FakeBrother b, BrotherModel model) {
        return new BrotherQlPrinter("127.0.0.1", b.port(), model);
    }

    @Test
    void aBadgeOnAContinuousRollIsCutAtTheTemplatesLengthAndItsQrDecodes() throws Exception {
        try (FakeBrother ql = new FakeBrother().continuous(62)) {
            byte[] pdf = badge();
            assertThat(printer(ql, BrotherModel.QL_810W).send(pdf, LabelStock.of(BROTHER)))
                    .isEqualTo(PrinterState.READY);
            assertThat(ql.printed).hasSize(1);
            FakeBrother.Page page = ql.printed.get(0);
            // continuous 62 mm roll, cut after 100 mm: 1181 dot rows less the 35-dot feed margin at each end
            assertThat(page.mediaType()).isEqualTo(0x0A);
            assertThat(page.widthMm()).isEqualTo(62);
            assertThat(page.lines()).isEqualTo(1111).isEqualTo(page.image().getHeight());
            assertThat((page.lines() + 2 * BrotherRaster.FEED_MARGIN) / 300.0 * 25.4)
                    .as("the cut label's length in mm")
                    .isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.1));
            assertThat(page.compressed()).as("a QL-810W takes PackBits lines").isTrue();
            // the badge covers the roll's 696 printable dots, 12 dots in from each edge of the head
            int[] across = inkColumns(page.image());
            assertThat(across[0]).isGreaterThanOrEqualTo(12);
            assertThat(across[1]).isLessThan(720 - 12);
            assertThat(qr(page.image())).contains("AR-42");
            assertUpright(page.image());
            // as much ink as the badge itself has (a white label, not a black one)
            assertThat(ink(page.image(), 12, 708))
                    .isCloseTo(inkAt300Dpi(pdf), org.assertj.core.data.Offset.offset(0.02));
            // drawn to scale: the QR is as wide (and tall) on the label as the template says, mapped
            // onto 696 dots across and 1111 rows down
            int[] expected = qrSizeAt300Dpi(pdf);
            int[] printed = qrSize(page.image());
            assertThat(printed[0]).isCloseTo((int) Math.round(expected[0] * 696 / 732.28), within(4));
            assertThat(printed[1]).isCloseTo((int) Math.round(expected[1] * 1111 / 1181.1), within(4));
        }
    }

    @Test
    void aBadgeOnDieCutLabelsFillsTheLabelsPrintableLength() throws Exception {
        try (FakeBrother ql = new FakeBrother().dieCut(62, 100)) {
            printer(ql, BrotherModel.QL_820NWB).send(badge(), LabelStock.of(BROTHER));
            FakeBrother.Page page = ql.printed.get(0);
            assertThat(page.mediaType()).isEqualTo(0x0B);
            assertThat(page.lengthMm()).isEqualTo(100);
            assertThat(page.lines())
                    .as("DK-11202's printable rows")
                    .isEqualTo(1109)
                    .isEqualTo(page.image().getHeight());
            assertThat(qr(page.image())).contains("AR-42");
        }
    }

    @Test
    void aModelWithoutCompressionGetsPlainLinesWhateverTheSettingSaid() throws Exception {
        try (FakeBrother ql = new FakeBrother().continuous(62)) {
            ql.modelCode = BrotherModel.QL_800.code;
            printer(ql, BrotherModel.QL_810W).send(badge(), LabelStock.of(BROTHER));
            assertThat(ql.printed.get(0).compressed()).isFalse();
            assertThat(qr(ql.printed.get(0).image())).contains("AR-42");
        }
    }

    @Test
    void theWrongRollOutOfLabelsAndAnOpenCoverAreSentencesInEveryLanguageAndNothingIsSent() throws Exception {
        try (FakeBrother ql = new FakeBrother().continuous(29)) {
            BrotherQlPrinter p = printer(ql, BrotherModel.QL_810W);
            assertThat(problem(() -> p.send(badge(), LabelStock.of(BROTHER))))
                    .as("a 62 mm badge on a 29 mm roll is refused, not printed cropped")
                    .isEqualTo(PrinterState.Condition.WRONG_LABELS);
            ql.dieCut(62, 29);
            assertThat(problem(() -> p.send(badge(), LabelStock.of(BROTHER))))
                    .as("62 x 29 mm labels for a 62 x 100 mm badge")
                    .isEqualTo(PrinterState.Condition.WRONG_LABELS);
            ql.continuous(62);
            ql.outOfLabels = true;
            assertThat(problem(() -> p.send(badge(), LabelStock.of(BROTHER))))
                    .isEqualTo(PrinterState.Condition.OUT_OF_LABELS);
            assertThat(p.state().condition()).isEqualTo(PrinterState.Condition.OUT_OF_LABELS);
            ql.outOfLabels = false;
            ql.coverOpen = true;
            assertThat(problem(() -> p.send(badge(), LabelStock.of(BROTHER))))
                    .isEqualTo(PrinterState.Condition.COVER_OPEN);
            assertThat(ql.printed).isEmpty();
            assertThat(ql.stopped).hasValue(0);
            for (PrinterState.Condition c : new PrinterState.Condition[] {
                PrinterState.Condition.WRONG_LABELS,
                PrinterState.Condition.OUT_OF_LABELS,
                PrinterState.Condition.COVER_OPEN,
                PrinterState.Condition.UNCONFIRMED
            }) {
                for (var locale : Texts.LANGUAGES) {
                    String sentence = new Texts(locale).printer(PrinterState.of(c), "QL-810W");
                    assertThat(sentence)
                            .as(c + " in " + locale)
                            .doesNotStartWith("!")
                            .contains("QL-810W");
                }
            }
            assertThat(Texts.english().printer(PrinterState.of(PrinterState.Condition.WRONG_LABELS), "QL-810W"))
                    .isEqualTo("The labels in QL-810W do not fit this badge. Load the right labels, or choose another"
                            + " badge.");
        }
    }

    @Test
    void labelsRunningOutWhilePrintingStopTheBadgeAndAPrinterThatHangsUpMayHavePrintedIt() throws Exception {
        try (FakeBrother ql = new FakeBrother().continuous(62)) {
            ql.printMillis = 2000;
            BrotherQlPrinter p = printer(ql, BrotherModel.QL_810W);
            ConfirmingPrinter.Pending pending = p.start(badge(), LabelStock.of(BROTHER));
            assertThat(pending.poll()).as("still printing").isNull();
            ql.outOfLabels = true;
            PrinterProblem stopped = null;
            for (int i = 0; i < 400 && stopped == null; i++) {
                try {
                    assertThat(pending.poll()).isNull();
                    Thread.sleep(10);
                } catch (PrinterProblem e) {
                    stopped = e;
                }
            }
            assertThat(stopped).isNotNull();
            assertThat(stopped.state().condition()).isEqualTo(PrinterState.Condition.OUT_OF_LABELS);
            assertThat(stopped.mayHavePrinted())
                    .as("the printer stopped: the badge did not come out")
                    .isFalse();
            ql.outOfLabels = false;
            ql.hangUpWhilePrinting = true;
            PrinterProblem silent = null;
            try {
                p.send(badge(), LabelStock.of(BROTHER));
            } catch (PrinterProblem e) {
                silent = e;
            }
            assertThat(silent).isNotNull();
            assertThat(silent.mayHavePrinted()).isTrue();
            assertThat(ql.printed).isEmpty();
        }
    }

    @Test
    void aMissingOrSilentPrinterIsUnreachableAndSomethingElseIsNotThatPrinter() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        assertThat(new BrotherQlPrinter("127.0.0.1", free, BrotherModel.QL_810W)
                        .state()
                        .condition())
                .isEqualTo(PrinterState.Condition.UNREACHABLE);
        try (FakeBrother ql = new FakeBrother()) {
            ql.silent = true;
            assertThat(printer(ql, BrotherModel.QL_810W).state().condition())
                    .isEqualTo(PrinterState.Condition.UNREACHABLE);
        }
        try (FakeZebra zebra = new FakeZebra()) {
            // a Zebra answers ~HS, not ESC i S: it says nothing to a Brother's question
            assertThat(new BrotherQlPrinter("127.0.0.1", zebra.port(), BrotherModel.QL_810W)
                            .state()
                            .condition())
                    .isIn(PrinterState.Condition.UNREACHABLE, PrinterState.Condition.NOT_THAT_PRINTER);
        }
    }

    @Test
    void theSettingNamesHostPortAndModelAndAMistakeIsASentence() {
        assertThat(Printers.forSetting("brother-ql://127.0.0.1:9101?model=QL-820NWB")
                        .name())
                .isEqualTo("brother-ql://127.0.0.1:9101?model=QL-820NWB");
        assertThat(Printers.forSetting("brother-ql://10.0.0.7").name())
                .isEqualTo("brother-ql://10.0.0.7:9100?model=QL-810W");
        assertThat(Printers.problem("brother-ql://10.0.0.7?model=QL-9999"))
                .contains("names a model Arrivals does not know")
                .contains("QL-810W");
        assertThat(Printers.problem("desk-queue, brother-ql://10.0.0.7:9100?model=ql800"))
                .isNull();
        assertThat(Printers.members(" a, b ,a,, c")).containsExactly("a", "b", "c");
    }

    @Test
    void packBitsLinesDecodeToWhatWasEncoded() {
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] line = new byte[BrotherModel.LINE_BYTES];
            int kind = i % 3;
            for (int k = 0; k < line.length; k++) {
                line[k] = kind == 0 ? 0 : kind == 1 ? (byte) r.nextInt(256) : (byte) (r.nextInt(4) == 0 ? 0xFF : 0);
            }
            byte[] packed = BrotherRaster.PackBits.encode(line);
            assertThat(BrotherRaster.PackBits.decode(packed, line.length)).isEqualTo(line);
            assertThat(packed.length).isLessThanOrEqualTo(line.length + 1);
        }
        assertThat(BrotherRaster.PackBits.encode(new byte[90])).hasSize(2);
    }

    private static org.assertj.core.data.Offset<Integer> within(int n) {
        return org.assertj.core.data.Offset.offset(n);
    }

    private interface Call {
        void run() throws Exception;
    }

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

    /** The share of dots with ink between two columns. */
    static double ink(BufferedImage img, int fromX, int toX) {
        long black = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                if ((img.getRGB(x, y) & 0xFF) < 128) {
                    black++;
                }
            }
        }
        return black / (double) ((long) img.getHeight() * (toX - fromX));
    }

    static double inkAt300Dpi(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY);
            return ink(img, 0, img.getWidth());
        }
    }

    /** The leftmost and rightmost columns with ink. */
    private static int[] inkColumns(BufferedImage img) {
        int min = img.getWidth();
        int max = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFF) < 128) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
        }
        return new int[] {min, max};
    }

    static String qrText(BufferedImage img) throws Exception {
        return org.arrivals.badge.QrRead.text(img);
    }

    private static Optional<String> qr(BufferedImage img) throws Exception {
        return ZebraRawPrinterTest.TOKENS.verify(qrText(img));
    }

    /** The QR reads as printed, not mirrored or upside down: its corner patterns are top-left, top-right, bottom-left. */
    static void assertUpright(BufferedImage img) throws Exception {
        var matrix = new HybridBinarizer(new BufferedImageLuminanceSource(img)).getBlackMatrix();
        var p = new Detector(matrix)
                .detect(Map.of(DecodeHintType.TRY_HARDER, true))
                .getPoints();
        assertThat(p[2].getX()).as("top-right pattern right of top-left").isGreaterThan(p[1].getX() + 50);
        assertThat(p[0].getY()).as("bottom-left pattern below top-left").isGreaterThan(p[1].getY() + 50);
        assertThat(Math.abs(p[2].getY() - p[1].getY())).isLessThan(10);
    }

    /** The QR's width and height in dots: the span of its three finder patterns' centres. */
    static int[] qrSize(BufferedImage img) throws Exception {
        var points = new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))),
                        Map.of(DecodeHintType.TRY_HARDER, true))
                .getResultPoints();
        // bottom-left, top-left, top-right
        return new int[] {
            (int) Math.round(Math.abs(points[2].getX() - points[1].getX())),
            (int) Math.round(Math.abs(points[0].getY() - points[1].getY()))
        };
    }

    private static int[] qrSizeAt300Dpi(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return qrSize(new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY));
        }
    }
}
