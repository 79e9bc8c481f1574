package org.arrivals.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.lang.Character.UnicodeScript;
import java.util.List;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names are shown in their own script with the fonts Arrivals ships (the badge fonts), so a kiosk
 * needs no system fonts for Arabic, Amharic, Nepali, Burmese, Korean or Chinese. JavaFX falls back
 * to system fonts only, so a name's label is given the family of its script.
 */
public final class NameFonts {
    private static final Logger LOG = LoggerFactory.getLogger(NameFonts.class);
    public static final String LATIN = "Noto Sans";
    private static final List<String> FILES = List.of(
            "NotoSans-Regular.ttf",
            "NotoSans-Bold.ttf",
            "NotoSansArabicUI-Regular.ttf",
            "NotoSansArabicUI-Bold.ttf",
            "NotoSansDevanagari-Regular.ttf",
            "NotoSansDevanagari-Bold.ttf",
            "NotoSansEthiopic-Regular.ttf",
            "NotoSansEthiopic-Bold.ttf",
            "NotoSansHebrew-Regular.ttf",
            "NotoSansHebrew-Bold.ttf",
            "NotoSansMyanmar-Regular.ttf",
            "NotoSansMyanmar-Bold.ttf",
            "NanumGothic.ttf",
            "NanumGothicBold.ttf",
            "DroidSansFallbackFull.ttf");
    private static volatile boolean loaded;

    private NameFonts() {}

    /** Loads the shipped fonts into JavaFX once. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        for (String f : FILES) {
            try (InputStream in = NameFonts.class.getResourceAsStream("/fonts/" + f)) {
                if (in == null || Font.loadFont(in, 12) == null) {
                    LOG.warn("Font {} could not be loaded", f);
                }
            } catch (IOException e) {
                LOG.warn("Font {} could not be loaded", f, e);
            }
        }
        loaded = true;
    }

    /** The font family for a piece of text: the first letter that is not Latin or common decides. */
    public static String familyFor(String text) {
        if (text == null) {
            return LATIN;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            UnicodeScript s = UnicodeScript.of(cp);
            switch (s) {
                case ARABIC:
                    return "Noto Sans Arabic UI";
                case DEVANAGARI:
                    return "Noto Sans Devanagari";
                case ETHIOPIC:
                    return "Noto Sans Ethiopic";
                case HEBREW:
                    return "Noto Sans Hebrew";
                case MYANMAR:
                    return "Noto Sans Myanmar";
                case HANGUL:
                    return "NanumGothic";
                case HAN:
                case HIRAGANA:
                case KATAKANA:
                case BOPOMOFO:
                    return "Droid Sans Fallback";
                default:
                    break;
            }
        }
        return LATIN;
    }

    /** CSS for a label showing this text: its script's family. */
    public static String style(String text) {
        return "-fx-font-family: \"" + familyFor(text) + "\";";
    }
}
