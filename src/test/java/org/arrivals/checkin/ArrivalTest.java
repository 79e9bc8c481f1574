package org.arrivals.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.arrivals.sync.protocol.EventKind;
import org.junit.jupiter.api.Test;

class ArrivalTest {
    private static CheckInEvent event(EventKind kind, String station, long millis, int counter) {
        long hlc = millis << 16 | counter;
        return new CheckInEvent(
                Uuid7.at(millis),
                "A1",
                kind,
                station,
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC),
                hlc,
                null);
    }

    @Test
    void theSameEventsInAnyOrderGiveTheSameArrival() {
        long t0 = 1_795_000_000_000L;
        List<CheckInEvent> events = List.of(
                event(EventKind.CHECKED_IN, "desk-3", t0, 0),
                event(EventKind.CHECKED_IN, "desk-1", t0 + 5, 0),
                event(EventKind.BADGE_PRINTED, "desk-3", t0 + 6, 0),
                event(EventKind.CHECK_IN_UNDONE, "desk-1", t0 + 9, 0),
                event(EventKind.CHECKED_IN, "kiosk-2", t0 + 9, 1),
                event(EventKind.BADGE_REPRINTED, "kiosk-2", t0 + 20, 0));
        Arrival expected = Arrival.of("A1", events);
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            List<CheckInEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(Arrival.of("A1", shuffled)).isEqualTo(expected);
        }
        assertThat(expected.checkedIn()).isTrue();
        assertThat(expected.stationId()).isEqualTo("kiosk-2");
        assertThat(expected.badgesPrinted()).isEqualTo(2);
        assertThat(expected.reprints()).isEqualTo(1);
    }

    @Test
    void firstCheckInWinsWhenTwoStationsCheckTheSamePersonIn() {
        long t0 = 1_795_000_000_000L;
        Arrival a = Arrival.of(
                "A1",
                List.of(
                        event(EventKind.CHECKED_IN, "desk-2", t0 + 1, 0),
                        event(EventKind.CHECKED_IN, "desk-1", t0, 0)));
        assertThat(a.stationId()).isEqualTo("desk-1");
        assertThat(a.checkedInAt().toInstant().toEpochMilli()).isEqualTo(t0);
    }

    @Test
    void uuid7CarriesItsVersionVariantAndTime() {
        var id = Uuid7.at(1_795_000_000_000L);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_795_000_000_000L);
    }
}
