package org.arrivals.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedStringsTest {
    /** Letters from ASCII, Latin-1, Arabic, Ethiopic, CJK, the private use area, and surrogates alone or in pairs. */
    private static final String LETTERS = "aZ0é\u00ffمحአበ王明\ue000\uffef\ud83d\ude00\ud800\udfff";

    private static String[] randomStrings(Random random, int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            out[i] = b.toString();
        }
        return out;
    }

    @Test
    void everyStringComesBackAsItWasEvenALoneSurrogate() {
        String[] strings = randomStrings(new Random(1), 2000);
        PackedStrings packed = PackedStrings.of(strings);
        assertThat(packed.size()).isEqualTo(strings.length);
        for (int i = 0; i < strings.length; i++) {
            assertThat(packed.get(i)).isEqualTo(strings[i]);
            assertThat(packed.length(i)).isEqualTo(PackedStrings.encode(strings[i]).length);
        }
    }

    @Test
    void bytesCompareAsStringsDoAndPrefixesAreBytePrefixes() {
        Random random = new Random(2);
        String[] sorted = randomStrings(random, 3000);
        Arrays.sort(sorted);
        PackedStrings packed = PackedStrings.of(sorted);
        String[] probes = randomStrings(random, 500);
        for (String probe : probes) {
            byte[] key = PackedStrings.encode(probe);
            int expected = 0;
            while (expected < sorted.length && sorted[expected].compareTo(probe) < 0) {
                expected++;
            }
            assertThat(packed.lowerBound(key)).as(probe).isEqualTo(expected);
            for (int i = 0; i < sorted.length; i += 7) {
                assertThat(Integer.signum(packed.compare(i, key)))
                        .isEqualTo(Integer.signum(sorted[i].compareTo(probe)));
                assertThat(packed.startsWith(i, key)).isEqualTo(sorted[i].startsWith(probe));
            }
            assertThat(packed.indexOf(key)).isEqualTo(Arrays.asList(sorted).indexOf(probe));
        }
    }

    @Test
    void theSecondLetterIsACodePoint() {
        PackedStrings packed =
                PackedStrings.of(new String[] {"", "a", "ab", "\ud83d\ude00x", "x\ud83d\ude00", "\ud800"});
        assertThat(packed.secondCodePoint(0)).isEqualTo(-1);
        assertThat(packed.secondCodePoint(1)).isEqualTo(-1);
        assertThat(packed.secondCodePoint(2)).isEqualTo('b');
        assertThat(packed.secondCodePoint(3)).isEqualTo('x');
        assertThat(packed.secondCodePoint(4)).isEqualTo(0x1F600);
        assertThat(packed.secondCodePoint(5)).isEqualTo(-1);
    }
}
