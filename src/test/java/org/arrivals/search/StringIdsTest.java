package org.arrivals.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringIdsTest {
    @Test
    void numbersStringsInTheOrderFirstSeenAndSharesTheFirstInstance() {
        StringIds ids = new StringIds(1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(ids.id("w" + i)).isEqualTo(i);
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(ids.id("w" + i)).as("seen before").isEqualTo(i);
        }
        assertThat(ids.size()).isEqualTo(10_000);
        assertThat(ids.strings()).hasSize(10_000).startsWith("w0", "w1");
        String first = new String("shared");
        String again = new String("shared");
        assertThat(ids.share(first)).isSameAs(first);
        assertThat(ids.share(again)).isSameAs(first);
        assertThat(ids.share(null)).isNull();
    }
}
