package org.arrivals.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.junit.jupiter.api.Test;

/** What a self-service match shows a stranger: first name, the family name's initial, the organization. */
class SelfCheckInMatchTest {
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
    void theBadgeNameIsTheFirstNameShownAndEveryWordNeedsThreeLetters() {
        Attendee withBadge = new Attendee(
                1,
                "C1",
                null,
                "Samantha",
                "Okafor",
                "Sam Okafor",
                null,
                null,
                "Org",
                null,
                "General Admission",
                RegistrationStatus.ATTENDING,
                Map.of(),
                false);
        assertThat(SelfCheckIn.match("h", withBadge).shortName()).isEqualTo("Sam O.");
        assertThat(SelfCheckIn.longEnough("gar")).isTrue();
        assertThat(SelfCheckIn.longEnough("amnesty a")).isFalse();
        assertThat(SelfCheckIn.longEnough("ana gar")).isTrue();
        assertThat(SelfCheckIn.longEnough("  ")).isFalse();
    }

    @Test
    void theArabicArticleIsNotAnInitial() {
        assertThat(SelfCheckIn.initial("العلي")).isEqualTo("ع");
        assertThat(SelfCheckIn.initial("الحسن")).isEqualTo("ح");
        assertThat(SelfCheckIn.match("h", person("محمد", "العلي")).shortName()).isEqualTo("محمد ع.");
        // a name that is only the article's letters keeps its own first letter
        assertThat(SelfCheckIn.initial("ال")).isEqualTo("ا");
        assertThat(SelfCheckIn.initial("Alvarez")).isEqualTo("A");
        assertThat(SelfCheckIn.initial("")).isEmpty();
        assertThat(SelfCheckIn.match("h", person("Minh", "")).shortName()).isEqualTo("Minh");
    }
}
