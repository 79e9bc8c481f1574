package org.arrivals.ui.self;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.junit.jupiter.api.Test;

/** What a self-service match shows a stranger: first name, the family name's initial, the organization. */
class SelfServiceMatchTest {
    private static Attendee person(String first, String last) {
        return new Attendee(
                1,
                "C1",
                null,
                first,
                last,
                null,
                null,
                null,
                "Org",
                null,
                "General Admission",
                RegistrationStatus.ATTENDING,
                Map.of(),
                false);
    }

    @Test
    void theArabicArticleIsNotAnInitial() {
        assertThat(SelfServiceModel.initial("العلي")).isEqualTo("ع");
        assertThat(SelfServiceModel.initial("الحسن")).isEqualTo("ح");
        assertThat(SelfServiceModel.match(person("محمد", "العلي")).shortName()).isEqualTo("محمد ع.");
        // a name that is only the article's letters keeps its own first letter
        assertThat(SelfServiceModel.initial("ال")).isEqualTo("ا");
        assertThat(SelfServiceModel.initial("Alvarez")).isEqualTo("A");
        assertThat(SelfServiceModel.initial("")).isEmpty();
        assertThat(SelfServiceModel.match(person("Minh", "")).shortName()).isEqualTo("Minh");
    }

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
