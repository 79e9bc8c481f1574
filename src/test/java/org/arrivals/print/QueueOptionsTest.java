package org.arrivals.print;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueOptionsTest {
    private static final String ZEBRA = """
            PageSize/Media Size: A4 w216h216 w288h216 *w288h432 w432h288 Custom.WIDTHxHEIGHT
            Resolution/Resolution: *203dpi 300dpi 600dpi
            Darkness/Darkness: *-1 1 2 3
            """;

    @Test
    void aFourByThreeBadgePicksTheDriversFourByThreeSizeAndKeepsItsOrientation() {
        assertThat(QueueOptions.settings(ZEBRA, new LabelStock(101.6, 76.2, 203)))
                .containsExactly("PageSize=w288h216");
        assertThat(QueueOptions.settings(ZEBRA, new LabelStock(152.4, 101.6, 203)))
                .containsExactly("PageSize=w432h288");
    }

    @Test
    void nothingChangesWhenTheQueueAlreadyPrintsTheStock() {
        assertThat(QueueOptions.settings(ZEBRA, new LabelStock(101.6, 152.4, 203)))
                .isEmpty();
    }

    @Test
    void aSizeTheDriverDoesNotListGoesAsACustomSizeAndTheResolutionFollowsTheTemplate() {
        assertThat(QueueOptions.settings(ZEBRA, new LabelStock(62, 100, 300)))
                .containsExactly("PageSize=Custom.176x283", "Resolution=300dpi");
    }

    @Test
    void aDriverWithoutCustomSizesOrTheResolutionIsLeftAlone() {
        String brother = """
                PageSize/Media Size: *62x100 29x90
                Resolution/Output Resolution: *300dpi
                """;
        assertThat(QueueOptions.settings(brother, new LabelStock(54, 86, 600))).isEmpty();
    }
}
