package org.arrivals.search;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Folds names for matching, the same way for what is indexed and what is typed.
 *
 * <ul>
 *   <li>Compatibility forms are unified and accents removed (NFKD, then every nonspacing mark
 *       dropped): "Nguyễn" folds to "nguyen". Scripts whose vowel signs are marks (Arabic
 *       harakat, Devanagari, Myanmar) lose them on both sides, so matching stays consistent.</li>
 *   <li>Full Unicode case folding (ICU): "Strauß" folds to "strauss".</li>
 *   <li>Latin letters that do not decompose are mapped by hand: ł, ø, đ, æ, œ, ı, þ, ð, ħ.</li>
 *   <li>Apostrophes vanish: "O'Brien" folds to "obrien".</li>
 *   <li>Letters that Arabic, Persian (Dari), Pashto and Urdu keyboards write differently are one
 *       letter: ک is ك; ی, ى, ې and ۍ are ي; ة, ە, ہ and ھ are ه; ٱ is ا (the hamza and madda forms
 *       أ إ آ ؤ ئ already lose their mark above); the tatweel that stretches a word is dropped.
 *       So حکیمی, written in Kabul, is found by typing حكيمي on an Arabic keyboard, and the other
 *       way round.</li>
 *   <li>Arabic-Indic (٠-٩) and Persian (۰-۹) digits are 0-9.</li>
 * </ul>
 * Letters of other scripts are kept: محمد is found by typing محمد.
 */
public final class TextFold {
    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    private static final Map<Integer, String> LATIN_EXTRAS = Map.ofEntries(
            Map.entry((int) 'ł', "l"),
            Map.entry((int) 'Ł', "l"),
            Map.entry((int) 'ø', "o"),
            Map.entry((int) 'Ø', "o"),
            Map.entry((int) 'đ', "d"),
            Map.entry((int) 'Đ', "d"),
            Map.entry((int) 'æ', "ae"),
            Map.entry((int) 'Æ', "ae"),
            Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'Œ', "oe"),
            Map.entry((int) 'ı', "i"),
            Map.entry((int) 'þ', "th"),
            Map.entry((int) 'Þ', "th"),
            Map.entry((int) 'ð', "d"),
            Map.entry((int) 'Ð', "d"),
            Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'Ħ', "h"),
            Map.entry((int) 'ŋ', "n"),
            Map.entry((int) 'Ŋ', "n"));
    private static final String APOSTROPHES = "'’‘ʼ`´ʻ";
    private static final char ALEF = '\u0627';
    private static final char KAF = '\u0643';
    private static final char HEH = '\u0647';
    private static final char YEH = '\u064A';
    private static final char TATWEEL = '\u0640';

    private TextFold() {}

    /** The folded form of a whole string; separators are kept. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isPlainAscii(text)) {
            StringBuilder b = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '\'' && c != '`') {
                    b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                }
            }
            return b.toString();
        }
        String d = NFKD.normalize(text);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            if (UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK || APOSTROPHES.indexOf(cp) >= 0) {
                continue;
            }
            if (cp >= 0x0600 && cp <= 0x06FF) {
                int folded = arabicScript(cp);
                if (folded >= 0) {
                    b.append((char) folded);
                }
                continue;
            }
            String extra = LATIN_EXTRAS.get(cp);
            if (extra != null) {
                b.append(extra);
            } else {
                b.appendCodePoint(cp);
            }
        }
        return UCharacter.foldCase(b.toString(), true);
    }

    /**
     * One letter of the Arabic block as the Arabic keyboard writes it, an ASCII digit for a digit,
     * or -1 to drop it (the tatweel). Hamza and madda above or below are marks after NFKD, gone
     * already.
     */
    private static int arabicScript(int cp) {
        if (cp >= 0x0660 && cp <= 0x0669) {
            return '0' + (cp - 0x0660); // Arabic-Indic digits
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return '0' + (cp - 0x06F0); // Persian (Extended Arabic-Indic) digits
        }
        return switch (cp) {
            case 0x06A9 -> KAF; // ک keheh, the Persian and Pashto kaf
            case 0x06CC, 0x0649, 0x06D0, 0x06CD -> YEH; // ی Farsi yeh, ى alef maksura, ې and ۍ of Pashto
            case 0x0629, 0x06D5, 0x06C1, 0x06BE -> HEH; // ة teh marbuta, ە (ۀ less its hamza), ہ, ھ
            case 0x0671, 0x0672, 0x0673 -> ALEF; // ٱ alef wasla, alef with wavy hamza
            case TATWEEL -> -1;
            default -> cp;
        };
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words to index for one field. A word joined by hyphens, dots or an at sign is indexed
     * part by part and whole ("pierre-louis": pierre, louis, pierrelouis); a word in a script
     * written without spaces (Chinese, Japanese, Burmese, Thai) is also indexed from every
     * character on, so typing a given name finds a name written without a space.
     */
    public static Set<String> indexTokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        forEachIndexToken(text, out::add);
        return out;
    }

    /**
     * The words of {@link #indexTokens}, in its order, each as often as the field yields it (a set
     * is left to the caller): the index's build, which folds each field once, without a set per field.
     */
    static void forEachIndexToken(String text, Consumer<String> out) {
        String folded = fold(text);
        List<String> parts = new ArrayList<>(2);
        for (int from = 0; from < folded.length(); ) {
            int end = wordEnd(folded, from);
            if (end > from) {
                parts.clear();
                parts(folded.substring(from, end), parts);
                parts.forEach(out);
                if (parts.size() > 1) {
                    out.accept(String.join("", parts));
                }
                for (String p : parts) {
                    if (writtenWithoutSpaces(p)) {
                        for (int i = p.offsetByCodePoints(0, 1); i < p.length(); i = p.offsetByCodePoints(i, 1)) {
                            out.accept(p.substring(i));
                        }
                    }
                }
            }
            from = end + 1;
        }
    }

    /** The words of a query; every one of them must match. */
    public static List<String> queryTokens(String query) {
        List<String> out = new ArrayList<>();
        String folded = fold(query);
        for (int from = 0; from < folded.length(); ) {
            int end = wordEnd(folded, from);
            if (end > from) {
                parts(folded.substring(from, end), out);
            }
            from = end + 1;
        }
        return out;
    }

    /**
     * Where the word starting at {@code from} ends: the next white space as a regular expression's
     * {@code \s} means it (space, tab, line feed, vertical tab, form feed, carriage return), or the end.
     */
    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The letters-and-digits runs of one word, added to {@code parts}. */
    private static void parts(String word, List<String> parts) {
        int start = -1;
        for (int i = 0; i <= word.length(); ) {
            int cp = i < word.length() ? word.codePointAt(i) : ' ';
            boolean keep = i < word.length()
                    && (Character.isLetterOrDigit(cp) || UCharacter.getType(cp) == UCharacter.COMBINING_SPACING_MARK);
            if (keep && start < 0) {
                start = i;
            } else if (!keep && start >= 0) {
                parts.add(word.substring(start, i));
                start = -1;
            }
            i += i < word.length() ? Character.charCount(cp) : 1;
        }
    }

    private static boolean writtenWithoutSpaces(String token) {
        int script = UScript.getScript(token.codePointAt(0));
        return script == UScript.HAN
                || script == UScript.HIRAGANA
                || script == UScript.KATAKANA
                || script == UScript.MYANMAR
                || script == UScript.THAI
                || script == UScript.LAO
                || script == UScript.KHMER;
    }
}
