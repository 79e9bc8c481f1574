package org.arrivals.badge.text;

import java.lang.Character.UnicodeScript;
import java.util.List;

/**
 * The fonts a badge draws with, one per script, in order of preference; a regular and a bold
 * chain. Loaded once (about a third of a second) and shared by every badge.
 */
public final class FontChain {
    private static volatile FontChain regular;
    private static volatile FontChain bold;

    private final List<FontFace> faces;

    private FontChain(boolean isBold) {
        String w = isBold ? "Bold" : "Regular";
        this.faces = List.of(
                new FontFace(
                        "NotoSans-" + w + ".ttf",
                        List.of(UnicodeScript.LATIN, UnicodeScript.GREEK, UnicodeScript.CYRILLIC)),
                new FontFace("NotoSansArabic-" + w + ".ttf", List.of(UnicodeScript.ARABIC)),
                new FontFace("NotoSansHebrew-" + w + ".ttf", List.of(UnicodeScript.HEBREW)),
                new FontFace("NotoSansDevanagari-" + w + ".ttf", List.of(UnicodeScript.DEVANAGARI)),
                new FontFace("NotoSansEthiopic-" + w + ".ttf", List.of(UnicodeScript.ETHIOPIC)),
                new FontFace("NotoSansMyanmar-" + w + ".ttf", List.of(UnicodeScript.MYANMAR)),
                new FontFace(
                        "DroidSansFallbackFull.ttf",
                        List.of(
                                UnicodeScript.HAN,
                                UnicodeScript.HIRAGANA,
                                UnicodeScript.KATAKANA,
                                UnicodeScript.BOPOMOFO)),
                // Droid Sans Fallback has no precomposed Hangul syllables.
                new FontFace(isBold ? "NanumGothicBold.ttf" : "NanumGothic.ttf", List.of(UnicodeScript.HANGUL)));
    }

    public static FontChain regular() {
        if (regular == null) {
            synchronized (FontChain.class) {
                if (regular == null) {
                    regular = new FontChain(false);
                }
            }
        }
        return regular;
    }

    public static FontChain bold() {
        if (bold == null) {
            synchronized (FontChain.class) {
                if (bold == null) {
                    bold = new FontChain(true);
                }
            }
        }
        return bold;
    }

    List<FontFace> faces() {
        return faces;
    }

    /** The first face made for the script that has the character, else any face that has it. */
    FontFace faceFor(int codePoint) {
        UnicodeScript script = UnicodeScript.of(codePoint);
        for (FontFace f : faces) {
            if (f.serves(script) && f.canDisplay(codePoint)) {
                return f;
            }
        }
        for (FontFace f : faces) {
            if (f.canDisplay(codePoint)) {
                return f;
            }
        }
        return null;
    }
}
