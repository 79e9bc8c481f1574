package org.arrivals.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every word of the console in every language it speaks, and the language a browser gets. */
class ConsoleTextsTest {
    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Console.class.getResourceAsStream("console" + suffix + ".properties")) {
            assertThat(in).as("bundle console" + suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsInEveryLanguage() throws IOException {
        Properties en = bundle("");
        for (String lang : new String[] {"_es", "_ar", "_fr"}) {
            Properties other = bundle(lang);
            assertThat(other.stringPropertyNames()).as(lang).isEqualTo(en.stringPropertyNames());
            for (String key : en.stringPropertyNames()) {
                assertThat(other.getProperty(key)).as(lang + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyPatternFormats() {
        for (String lang : ConsoleTexts.LANGUAGES) {
            ConsoleTexts t = ConsoleTexts.of(lang);
            assertThat(t.get("live.chart.summary", "09:00", "10:00", "3", "2"))
                    .contains("09:00")
                    .contains("3");
            assertThat(t.get("stations.taken", "desk-1")).contains("desk-1").doesNotContain("''");
            assertThat(t.get("live.today", "2026-05-01")).contains("2026-05-01").doesNotContain("''");
        }
    }

    @Test
    void theBrowsersLanguageIsPickedUnlessOneWasChosen() {
        assertThat(ConsoleTexts.pick(null, "ar-EG,ar;q=0.9,en;q=0.5")).isEqualTo("ar");
        assertThat(ConsoleTexts.pick(null, "de-DE,fr;q=0.8")).isEqualTo("fr");
        assertThat(ConsoleTexts.pick(null, "de")).isEqualTo("en");
        assertThat(ConsoleTexts.pick("es", "ar")).isEqualTo("es");
        assertThat(ConsoleTexts.pick(null, "%%%;;q=x")).isEqualTo("en");
    }
}
