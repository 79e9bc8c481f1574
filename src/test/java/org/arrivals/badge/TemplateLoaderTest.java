package org.arrivals.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void mistakesAreNamedByFileAndField() throws Exception {
        Path outside = write("outside.json", """
                {"name":"x","width":100,"height":50,"dpi":203,"elements":[
                  {"kind":"text","value":"{name}","x":90,"y":0,"width":20,"height":10,"maxSize":10,"minSize":8}]}""");
        assertThatThrownBy(() -> TemplateLoader.load(outside))
                .hasMessageContaining("outside.json")
                .hasMessageContaining("elements[0]")
                .hasMessageContaining("inside the 100.0 x 50.0 mm label");

        Path badKind = write("kind.json", """
                {"name":"x","width":100,"height":50,"dpi":203,"elements":[{"kind":"circle","x":1,"y":1,"width":5}]}""");
        assertThatThrownBy(() -> TemplateLoader.load(badKind)).hasMessageContaining("elements[0].kind");

        Path typo = write("typo.json", """
                {"name":"x","widht":100,"height":50,"dpi":203,"elements":[]}""");
        assertThatThrownBy(() -> TemplateLoader.load(typo))
                .hasMessageContaining("typo.json")
                .hasMessageContaining("widht");

        Path sizes = write("sizes.json", """
                {"name":"x","width":100,"height":50,"dpi":20,"typeColors":{"Speaker":"red"},"elements":[
                  {"kind":"text","value":"{org}","x":0,"y":0,"width":20,"height":10,"maxSize":8,"minSize":10,"align":"middle"}]}""");
        assertThatThrownBy(() -> TemplateLoader.load(sizes))
                .hasMessageContaining("dpi")
                .hasMessageContaining("typeColors.Speaker")
                .hasMessageContaining("elements[0].maxSize, minSize")
                .hasMessageContaining("elements[0].align");

        Path noImage = write("img.json", """
                {"name":"x","width":100,"height":50,"dpi":203,"elements":[
                  {"kind":"image","value":"missing.png","x":0,"y":0,"width":10,"height":10}]}""");
        assertThatThrownBy(() -> TemplateLoader.load(noImage)).hasMessageContaining("missing.png");

        assertThatThrownBy(() -> TemplateLoader.named("nope", null)).hasMessageContaining("thermal-4x3");
    }

    @Test
    void theShippedSamplesLoadAndTheCardPrintsItsLogoAndBack() throws Exception {
        for (String name : new String[] {"thermal-4x3", "fanfold-4x6", "brother-62x100", "cr80-card"}) {
            assertThat(TemplateLoader.named(name, Path.of("kiosk-config")).name())
                    .isNotBlank();
        }
        BadgeTemplate card = TemplateLoader.named("cr80-card", Path.of("kiosk-config"));
        Attendee a = new Attendee(
                1,
                "T-1",
                null,
                "Amina",
                "Yusuf",
                null,
                null,
                null,
                "Somali Bantu Association",
                null,
                "Speaker",
                RegistrationStatus.ATTENDING,
                Map.of("track", "Health and Wellbeing"),
                false);
        byte[] pdf = new BadgeRenderer(BadgeRendererTest.TOKENS).render(card, a, "");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as("front and back").isEqualTo(2);
            assertThat(doc.getPage(0).getResources().getXObjectNames())
                    .as("the logo")
                    .isNotEmpty();
        }
        assertThat(PdfText.page(pdf, 2)).contains("HealthandWellbeing");
    }
}
