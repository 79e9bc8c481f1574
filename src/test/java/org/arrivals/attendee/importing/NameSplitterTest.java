package org.arrivals.attendee.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameSplitterTest {
    private static NameSplitter.Split split(String s) {
        return NameSplitter.split(s);
    }

    @Test
    void eastAsianNamesPutTheFamilyNameFirst() {
        assertThat(split("王小明")).isEqualTo(new NameSplitter.Split("小明", "王"));
        assertThat(split("山田 太郎")).as("split at the space").isEqualTo(new NameSplitter.Split("太郎", "山田"));
        assertThat(split("남궁민수")).as("compound family name").isEqualTo(new NameSplitter.Split("민수", "남궁"));
        assertThat(split("やまだたろう"))
                .as("kana without a space: no guess")
                .isEqualTo(new NameSplitter.Split("やまだたろう", ""));
    }

    @Test
    void particlesStayWithTheFamilyNameAndMononymsStayWhole() {
        assertThat(split("Juan de la Cruz")).isEqualTo(new NameSplitter.Split("Juan", "de la Cruz"));
        assertThat(split("María de los Ángeles García"))
                .as("a particle inside the given names is not the family name")
                .isEqualTo(new NameSplitter.Split("María de los Ángeles", "García"));
        assertThat(split("Ludwig Mies van der Rohe")).isEqualTo(new NameSplitter.Split("Ludwig Mies", "van der Rohe"));
        assertThat(split("Ó Briain"))
                .as("no given name to split off")
                .isEqualTo(new NameSplitter.Split("Ó Briain", ""));
        assertThat(split("Madonna")).isEqualTo(new NameSplitter.Split("Madonna", ""));
        assertThat(split("")).isEqualTo(new NameSplitter.Split("", ""));
    }
}
