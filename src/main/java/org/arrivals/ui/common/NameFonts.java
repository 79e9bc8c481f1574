package org.arrivals.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    private static final String ARABIC_UI = "Noto Sans Arabic UI";
    /** The screens' own fonts: Latin, and Arabic for the Arabic screens and the language menu. */
    private static final List<String> SCREENS = List.of(
            "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabicUI-Regular.ttf", "NotoSansArabicUI-Bold.ttf");
    /** Names in other scripts (13 MB, most of it Korean and Chinese): loaded in the background. */
    private static final List<String> NAMES = List.of(
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

    private static boolean screensLoaded;
    /** Set once the names' fonts are being loaded; done when they are. */
    private static volatile CompletableFuture<Void> names;

    private NameFonts() {}

    /** Loads the screens' fonts now, once: the first screen needs them, and only them. */
    public static synchronized void loadScreens() {
        if (!screensLoaded) {
            SCREENS.forEach(NameFonts::loadFile);
            screensLoaded = true;
        }
    }

    /**
     * Loads the screens' fonts now and the names' fonts (Devanagari, Ethiopic, Hebrew, Myanmar,
     * Korean, Chinese and Japanese) on a thread of their own, once. A name in one of those scripts
     * waits for them in {@link #style} if it comes first.
     */
    public static void load() {
        loadScreens();
        synchronized (NameFonts.class) {
            if (names != null) {
                return;
            }
            CompletableFuture<Void> loading = new CompletableFuture<>();
            names = loading;
            Thread t = new Thread(
                    () -> {
                        try {
                            NAMES.forEach(NameFonts::loadFile);
                        } finally {
                            loading.complete(null);
                        }
                    },
                    "arrivals-fonts");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void loadFile(String f) {
        try (InputStream in = NameFonts.class.getResourceAsStream("/fonts/" + f)) {
            // JavaFX's font factory is synchronized: fonts may be loaded off the FX thread
            if (in == null || Font.loadFont(in, 12) == null) {
                LOG.warn("Font {} could not be loaded", f);
            }
        } catch (IOException e) {
            LOG.warn("Font {} could not be loaded", f, e);
        }
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
                    return ARABIC_UI;
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

    /**
     * CSS for a label showing this text: its script's family. A script whose font is still being
     * loaded (in the first second of a start) waits for it, so no name is drawn in a fallback font.
     */
    public static String style(String text) {
        String family = familyFor(text);
        if (!family.equals(LATIN) && !family.equals(ARABIC_UI)) {
            load();
            names.join();
        }
        return "-fx-font-family: \"" + family + "\";";
    }
}
