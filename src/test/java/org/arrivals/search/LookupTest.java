package org.arrivals.search;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.WalkIn;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.station.Station;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index a station searches stays current through imports, walk-ins, edits and check-ins. */
class LookupTest {
    @TempDir
    Path dir;

    private static List<String> codes(Lookup l, String q) {
        return l.search(q, 10).stream().map(h -> h.attendee().code()).toList();
    }

    @Test
    void theIndexFollowsEveryChange() throws Exception {
        try (Station s = Station.open(dir.resolve("home"), "test", "desk-1", TestStore.CLOCK)) {
            Lookup lookup = s.lookup();
            assertThat(codes(lookup, "nguyen")).isEmpty();

            s.importer()
                    .importFile(
                            Files2.write(
                                    dir,
                                    "r.csv",
                                    crlf(
                                            "code,first_name,last_name",
                                            "V1,Minh,Nguyễn",
                                            "V2,Lan,Nguyễn",
                                            "P1,Ana,Silva"),
                                    StandardCharsets.UTF_8,
                                    false),
                            RosterImporter.Options.defaults());
            assertThat(codes(lookup, "nguyen")).containsExactly("V2", "V1");

            var walkIn = s.log().registerWalkIn(new WalkIn("Hùng", "Nguyễn", null, null, null, null, null, null));
            assertThat(codes(lookup, "nguyen")).contains(walkIn.code()).hasSize(3);

            s.log().edit("P1", Map.of(AttendeeField.LAST, "Nguyen-Silva"));
            assertThat(codes(lookup, "nguyen")).contains("P1").hasSize(4);
            assertThat(codes(lookup, "silva")).containsExactly("P1");

            s.log().checkIn("V2", null);
            assertThat(codes(lookup, "lan nguyen")).containsExactly("V2");
            assertThat(lookup.search("nguyen", 10))
                    .filteredOn(h -> h.attendee().code().equals("V2"))
                    .singleElement()
                    .satisfies(h -> assertThat(h.arrived()).isTrue());
            assertThat(codes(lookup, "nguyen"))
                    .as("arrived people rank after those still expected")
                    .endsWith("V2");
        }
    }

    @Test
    void aFreshStationBuildsItsIndexFromTheStore() throws Exception {
        Path home = dir.resolve("home");
        try (Station s = Station.open(home, "test", "desk-1", Clock.systemUTC())) {
            s.importer()
                    .importFile(
                            Files2.write(
                                    dir,
                                    "r.csv",
                                    crlf("code,first_name,last_name", "K1,민준,김"),
                                    StandardCharsets.UTF_8,
                                    false),
                            RosterImporter.Options.defaults());
        }
        try (Station s = Station.open(home, "test", "desk-1", Clock.systemUTC())) {
            assertThat(codes(s.lookup(), "민준")).containsExactly("K1");
        }
    }
}
