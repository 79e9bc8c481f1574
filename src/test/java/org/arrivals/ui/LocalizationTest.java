package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arrivals.print.PrintJob;
import org.arrivals.ui.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every key in every language, with the same arguments; every key the screens use exists. */
class LocalizationTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)");

    static Properties bundle(String language) throws IOException {
        String name = "/org/arrivals/ui/messages" + (language.isEmpty() ? "" : "_" + language) + ".properties";
        Properties p = new Properties();
        try (InputStream in = LocalizationTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> args(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "ar", "fr"})
    void everyKeyIsTranslatedWithTheSameArguments(String language) throws IOException {
        Properties en = bundle("");
        Properties other = bundle(language);
        assertThat(other.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            String text = other.getProperty(key);
            assertThat(text).as(language + " " + key).isNotBlank();
            assertThat(args(text)).as(language + " " + key).isEqualTo(args(en.getProperty(key)));
            // MessageFormat silently drops text after a lone apostrophe: every word must come through
            String formatted = new MessageFormat(text).format(new Object[] {"\u0001", "\u0001", "\u0001", "\u0001"});
            assertThat(formatted.replace("\u0001", ""))
                    .as(language + " " + key + " keeps all its text")
                    .isEqualTo(text.replaceAll("\\{\\d+}", "").replace("''", "'"));
        }
    }

    @Test
    void arabicTextUsesNoParenthesesWhichTheArabicFontLacks() throws IOException {
        // JavaFX places a fallback font's punctuation wrongly in right-to-left text (fonts/README.md)
        Properties ar = bundle("ar");
        for (String key : ar.stringPropertyNames()) {
            assertThat(ar.getProperty(key)).as(key).doesNotContain("(").doesNotContain(")");
        }
    }

    @Test
    void arabicWritesItsOwnDigitsOnEveryScreen() throws IOException {
        // one digit system per screen: the Arabic screens count in ٠١٢٣…, so the bundle does too
        Properties ar = bundle("ar");
        for (String key : ar.stringPropertyNames()) {
            String text = ar.getProperty(key).replaceAll("\\{\\d+}", "").replaceAll("F\\d+|Ctrl\\+Z|USB|QR", "");
            assertThat(text).as(key).doesNotContainPattern("[0-9]");
        }
        I18n i18n = new I18n("ar");
        OffsetDateTime nine = OffsetDateTime.parse("2026-11-27T09:05:00Z");
        for (String shown : List.of(i18n.number(1200), i18n.percent(0.42), i18n.time(nine))) {
            assertThat(shown).as(shown).doesNotContainPattern("[0-9\u061C\u200E\u200F]");
        }
        assertThat(i18n.percent(0.42)).contains("٪");
        assertThat(new I18n("en").percent(0.42)).isEqualTo("42%");
    }

    @Test
    void everyKeyTheScreensAskForExists() throws IOException {
        Properties en = bundle("");
        Set<String> used = new HashSet<>();
        Pattern call = Pattern.compile("\\bt\\(\"([a-zA-Z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/arrivals/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(80);
        for (String key : used) {
            if (key.endsWith(".")) {
                // a prefix completed at run time (status., field., reason., self.desk.): some key must start with it
                assertThat(en.stringPropertyNames()).as(key).anyMatch(k -> k.startsWith(key));
            } else {
                assertThat(en.getProperty(key)).as(key).isNotNull();
            }
        }
        for (String status : new String[] {"ATTENDING", "CANCELLED", "REFUNDED", "PENDING"}) {
            assertThat(en.getProperty("status." + status)).isNotNull();
        }
        for (var s : PrintJob.State.values()) {
            assertThat(en.getProperty("job." + s.name())).as(s.name()).isNotNull();
        }
    }
}
