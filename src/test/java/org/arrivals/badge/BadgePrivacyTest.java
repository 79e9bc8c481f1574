package org.arrivals.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.junit.jupiter.api.Test;

/** A discarded badge leaks no email: not in its text, not in its QR code (issue 9, privacy). */
class BadgePrivacyTest {
    private static final String EMAIL = "zephyrine.quixote@example.net";

    @Test
    void noBuiltInBadgeCarriesTheEmailInItsTextOrItsQrCode() throws Exception {
        byte[] key = new byte[32];
        BadgeToken tokens = new BadgeToken(key);
        BadgeRenderer renderer = new BadgeRenderer(tokens);
        Attendee a = new Attendee(
                1,
                "AR-4242",
                "B-4242",
                "Zephyrine",
                "Quixote",
                null,
                "she/her",
                EMAIL,
                "Refugee Council",
                "Director",
                "Speaker",
                RegistrationStatus.ATTENDING,
                Map.of("track", "Data"),
                false);
        for (String name : TemplateLoader.BUILT_IN) {
            byte[] pdf = renderer.render(TemplateLoader.named(name, null), a, "Test Conference");
            String text = PdfText.page(pdf, 1);
            assertThat(text).as(name + " shows the person").contains("Zephyrine");
            assertThat(text).as(name + " text").doesNotContain(EMAIL).doesNotContain("example.net");
            assertThat(new String(pdf, StandardCharsets.ISO_8859_1))
                    .as(name + " bytes")
                    .doesNotContain("example.net");
        }
        String qr = tokens.issue(a.code());
        assertThat(qr)
                .startsWith(BadgeToken.PREFIX)
                .doesNotContain("@")
                .doesNotContain("4242")
                .doesNotContain("Zephyrine");
        // and a template cannot ask for the email: {email} is no placeholder, so it prints as written
        assertThat(Placeholders.fill("{name} {email}", a, "")).isEqualTo("Zephyrine Quixote {email}");
    }
}
