package org.arrivals.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.badge.text.FontChain;
import org.arrivals.badge.text.Shaper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped template, every script, the edge cases: real PDFs, read back as a machine and a person would. */
class BadgeRendererTest {
    static final BadgeToken TOKENS =
            new BadgeToken("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final BadgeRenderer RENDERER = new BadgeRenderer(TOKENS);

    static Attendee person(String code, String first, String last, String org, String type) {
        return new Attendee(
                1,
                code,
                null,
                first,
                last,
                null,
                "they/them",
                null,
                org,
                null,
                type,
                RegistrationStatus.ATTENDING,
                Map.of(),
                false);
    }

    /** Names in every script the conference sees, and the edge cases. */
    static final List<Attendee> PEOPLE = List.of(
            person("V-1", "Minh Khai", "Nguyễn Thị", "Boat People SOS", "Speaker"),
            person("A-1", "محمد", "عبد الله", "Arab American Family Services", "General Admission"),
            person("A-2", "Ahmed", "Khan محمد", "Mixed Script Org", "Staff"),
            person("H-1", "יוסף", "כהן", null, "Volunteer"),
            person("C-1", "小明", "王", "Chinese Mutual Aid", "Sponsor"),
            person("J-1", "さくら", "山田", "Japanese Community Center", "Press"),
            person("K-1", "민준", "김", "Korean Resource Center", "Exhibitor"),
            person("N-1", "बहादुर", "गुरुङ", "Bhutanese Community Association of Pittsburgh", "Staff"),
            person("E-1", "አበበ", "በቀለ", "Ethiopian Community Association", "General Admission"),
            person("M-1", "အောင်ဆန်း", "", null, "Press"),
            person("R-1", "Олена", "Коваленко", "Ukrainian Welcome Center", "Volunteer"),
            person("G-1", "Ελένη", "Παπαδοπούλου", "Hellenic Aid", "Speaker"),
            person(
                    "L-1",
                    "María de los Ángeles",
                    "Gutiérrez-Villanueva de la Torre y Mendoza",
                    "Clínica Jurídica para Personas Refugiadas y Migrantes de la Frontera Norte de Mexicali",
                    "Volunteer"),
            person("P-1", "Łukasz", "Żółć", "", "General Admission"));

    static List<String> templates() {
        return TemplateLoader.BUILT_IN;
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyNameRendersFitsItsBoxExtractsAndCarriesAValidQr(String name) throws Exception {
        BadgeTemplate template = TemplateLoader.named(name, null);
        List<BadgeRenderer.PlacedText> placed = new ArrayList<>();
        byte[] pdf = RENDERER.renderAll(template, PEOPLE, "", placed);

        for (BadgeRenderer.PlacedText p : placed) {
            assertThat(p.widestLine())
                    .as("%s: \"%s\" fits its box's width", name, p.value())
                    .isLessThanOrEqualTo(p.boxWidth() + 0.01f);
            assertThat(p.blockHeight())
                    .as("%s: \"%s\" fits its box's height", name, p.value())
                    .isLessThanOrEqualTo(p.boxHeight() + 0.01f);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(PEOPLE.size());
            PDFRenderer raster = new PDFRenderer(doc);
            for (int i = 0; i < PEOPLE.size(); i++) {
                Attendee a = PEOPLE.get(i);
                String text = PdfText.page(pdf, i + 1);
                // The family name always whole; the given names may be cut to initials when very long.
                for (String part : List.of(a.firstName().split(" ")[0], a.lastName())) {
                    assertThat(text)
                            .as("%s page %d: the name extracts", name, i + 1)
                            .contains(part.replaceAll("\\s+", ""));
                }
                BufferedImage image = raster.renderImageWithDPI(i, 200, ImageType.GRAY);
                assertThat(TOKENS.verify(decodeQr(image)))
                        .as("%s page %d: the QR is this person's token", name, i + 1)
                        .contains(a.code());
                for (PDFont font : fontsOf(doc, i)) {
                    assertThat(font.isEmbedded())
                            .as(font.getName() + " is embedded")
                            .isTrue();
                    assertThat(font.getName()).as("embedded as a subset").matches("[A-Z]{6}\\+.*");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void arabicExtractsInLogicalOrderThroughActualText(String name) throws Exception {
        byte[] pdf = RENDERER.render(TemplateLoader.named(name, null), PEOPLE.get(1), "");
        assertThat(PdfText.page(pdf, 1)).contains("محمدعبدالله");
    }

    @org.junit.jupiter.api.Test
    void shapingMatchesTheJdksOwnTextLayout() {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        for (String s : List.of("محمد عبد الله", "बहादुर गुरुङ", "အောင်ဆန်း", "Nguyễn Thị", "አበበ በቀለ")) {
            float ours = Shaper.shape(s, 20, FontChain.regular()).width();
            Font f = awtFontFor(s);
            float jdk = new TextLayout(s, f.deriveFont(20f), frc).getAdvance();
            assertThat(ours).as(s).isCloseTo(jdk, org.assertj.core.data.Percentage.withPercentage(3));
        }
    }

    @org.junit.jupiter.api.Test
    void aTooLongNameKeepsItsFamilyNamesAndShortensTheMiddleNames() {
        Attendee a = PEOPLE.get(12);
        assertThat(Placeholders.withShortName("{name}", a, ""))
                .isEqualTo("María d. l. Á. Gutiérrez-Villanueva de la Torre y Mendoza");
        assertThat(Placeholders.withShortName("{name}", PEOPLE.get(0), "")).isEqualTo("Minh K. Nguyễn Thị");
        assertThat(Placeholders.withShortName("{org}", a, "")).isNull();
    }

    @org.junit.jupiter.api.Test
    void emojiAreDroppedNotDrawnAsBoxes() {
        assertThat(Shaper.shape("Amara 😀 Okafor", 20, FontChain.regular()).text())
                .isEqualTo("Amara Okafor");
    }

    @org.junit.jupiter.api.Test
    void eastAsianNamesPutTheFamilyNameFirst() {
        assertThat(PEOPLE.get(4).displayName()).isEqualTo("王小明");
        assertThat(PEOPLE.get(6).displayName()).isEqualTo("김민준");
        assertThat(PEOPLE.get(0).displayName()).isEqualTo("Minh Khai Nguyễn Thị");
    }

    private static Font awtFontFor(String s) {
        String file = s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC)
                ? "NotoSansArabic-Regular.ttf"
                : s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.DEVANAGARI)
                        ? "NotoSansDevanagari-Regular.ttf"
                        : s.codePoints()
                                        .anyMatch(
                                                cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.MYANMAR)
                                ? "NotoSansMyanmar-Regular.ttf"
                                : s.codePoints()
                                                .anyMatch(cp -> Character.UnicodeScript.of(cp)
                                                        == Character.UnicodeScript.ETHIOPIC)
                                        ? "NotoSansEthiopic-Regular.ttf"
                                        : "NotoSans-Regular.ttf";
        try (var in = BadgeRendererTest.class.getResourceAsStream("/fonts/" + file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decodeQr(BufferedImage image) throws Exception {
        return QrRead.text(image);
    }

    private static List<PDFont> fontsOf(PDDocument doc, int page) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        var res = doc.getPage(page).getResources();
        for (var n : res.getFontNames()) {
            PDFont f = res.getFont(n);
            fonts.add(f);
        }
        return fonts;
    }
}
