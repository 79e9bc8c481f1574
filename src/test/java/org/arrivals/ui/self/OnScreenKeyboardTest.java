package org.arrivals.ui.self;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The self-service keyboard's layouts. */
class OnScreenKeyboardTest {
    @Test
    void theKeyboardOffersArabicAndPersianLettersRightToLeft() {
        assertThat(String.join("", OnScreenKeyboard.Layout.PERSIAN.rows)).contains("پ", "چ", "ژ", "گ", "ک", "ی");
        assertThat(String.join("", OnScreenKeyboard.Layout.ARABIC.rows)).contains("ك", "ي", "ة");
        assertThat(OnScreenKeyboard.Layout.PERSIAN.rightToLeft).isTrue();
        assertThat(OnScreenKeyboard.Layout.LATIN.next()).isEqualTo(OnScreenKeyboard.Layout.ARABIC);
        assertThat(OnScreenKeyboard.Layout.ARABIC.next()).isEqualTo(OnScreenKeyboard.Layout.PERSIAN);
        assertThat(OnScreenKeyboard.Layout.PERSIAN.next()).isEqualTo(OnScreenKeyboard.Layout.LATIN);
    }
}
