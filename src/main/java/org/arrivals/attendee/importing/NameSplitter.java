package org.arrivals.attendee.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a whole name from a single name column into given and family names, so that the badge
 * (which prints given then family, or family then given for Chinese, Japanese and Korean names
 * written in their own script, see {@code Attendee.displayName()}) shows the name exactly as the
 * file wrote it, and sorting by family name works.
 *
 * <ul>
 *   <li>One word, or a name in Myanmar script (Burmese names have no family name): kept whole as
 *       the given name.
 *   <li>Han, Hangul or kana: the family name comes first. Written with a space, it is the part
 *       before the space; without one, the first character (the first two for a known two-character
 *       family name such as 欧阳 or 남궁, and for four-character names). A name with kana and no
 *       space is kept whole: Japanese names do not say where they split.
 *   <li>Otherwise the family name is the last word, with the particles that lead into it ("de la
 *       Cruz", "van der Berg", "Ó Briain", "عبد الله"); the words before are the given names.
 * </ul>
 *
 * <p>The split is a guess only where the file gives no parts: a file with given and family
 * columns is never split. A Spanish double surname in one column ("José Martínez García") gives
 * "José Martínez" and "García"; the badge still prints the whole name as written.
 */
final class NameSplitter {
    private NameSplitter() {}

    record Split(String given, String family) {}

    private static final Set<String> PARTICLES = Set.of(
            "de",
            "del",
            "della",
            "delle",
            "dei",
            "degli",
            "di",
            "da",
            "das",
            "dos",
            "do",
            "du",
            "des",
            "la",
            "las",
            "los",
            "le",
            "lo",
            "van",
            "von",
            "vom",
            "der",
            "den",
            "ter",
            "ten",
            "te",
            "zu",
            "zur",
            "bin",
            "binti",
            "bint",
            "ibn",
            "al",
            "el",
            "abu",
            "st",
            "st.",
            "saint",
            "sainte",
            "ó",
            "ní",
            "nic",
            "mac",
            "ua",
            // Arabic script: "son of", "father of", and "servant of" that binds to the name after it.
            "بن",
            "ابن",
            "بنت",
            "أبو",
            "ابو",
            "عبد",
            "آل",
            "ال");

    private static final List<String> CHINESE_COMPOUND_FAMILY = List.of(
            "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫", "慕容", "长孙", "長孫", "夏侯",
            "令狐", "宇文", "司徒", "端木");
    private static final List<String> KOREAN_COMPOUND_FAMILY = List.of("남궁", "황보", "제갈", "선우", "독고", "사공", "서문");

    static Split split(String whole) {
        String s = whole == null ? "" : whole.strip();
        if (s.isEmpty()) {
            return new Split("", "");
        }
        if (isEastAsian(s)) {
            return eastAsian(s);
        }
        String[] words = s.split(" ");
        if (words.length == 1
                || s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.MYANMAR)) {
            return new Split(s, "");
        }
        int family = words.length - 1;
        while (family - 1 >= 1 && isParticle(words[family - 1])) {
            family--;
        }
        if (family == 1 && isParticle(words[0])) {
            // "Ó Briain", "de la Cruz" alone: no given name in the file; keep it whole.
            return new Split(s, "");
        }
        return new Split(
                String.join(" ", Arrays.copyOfRange(words, 0, family)),
                String.join(" ", Arrays.copyOfRange(words, family, words.length)));
    }

    private static boolean isParticle(String word) {
        return PARTICLES.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Split eastAsian(String s) {
        int space = s.indexOf(' ');
        if (space > 0) {
            return new Split(s.substring(space + 1).strip(), s.substring(0, space));
        }
        int[] cps = s.codePoints().toArray();
        boolean kana = Arrays.stream(cps).anyMatch(cp -> {
            Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
            return sc == Character.UnicodeScript.HIRAGANA || sc == Character.UnicodeScript.KATAKANA;
        });
        if (kana || cps.length < 2 || cps.length > 4) {
            return new Split(s, "");
        }
        boolean hangul = Character.UnicodeScript.of(cps[0]) == Character.UnicodeScript.HANGUL;
        List<String> compounds = hangul ? KOREAN_COMPOUND_FAMILY : CHINESE_COMPOUND_FAMILY;
        String firstTwo = new String(cps, 0, 2);
        int familyLength = cps.length >= 3 && compounds.contains(firstTwo) || (!hangul && cps.length == 4) ? 2 : 1;
        return new Split(new String(cps, familyLength, cps.length - familyLength), new String(cps, 0, familyLength));
    }

    private static boolean isEastAsian(String s) {
        return s.codePoints().filter(cp -> cp != ' ').allMatch(cp -> {
            Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
            return sc == Character.UnicodeScript.HAN
                    || sc == Character.UnicodeScript.HANGUL
                    || sc == Character.UnicodeScript.HIRAGANA
                    || sc == Character.UnicodeScript.KATAKANA;
        });
    }
}
