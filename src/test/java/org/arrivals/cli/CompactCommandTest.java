package org.arrivals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.arrivals.audit.Actor;
import org.arrivals.station.DataHome;
import org.arrivals.station.Station;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station does not compact its file when it closes (a crash then lost data): {@code arrivals
 * compact} shrinks it between the days of an event, and keeps every row, event and audit entry.
 */
class CompactCommandTest {
    @TempDir
    Path home;

    @Test
    void compactionShrinksTheFileAndKeepsEverything() throws Exception {
        List<String> before;
        try (Station s = Station.open(home, "default", "desk-1", Clock.systemUTC())) {
            s.roster().importDemo(Actor.cli(), 1200, 5).report();
            for (var a : s.attendees().all().subList(0, 300)) {
                s.log().checkIn(a.code(), null);
                s.audit().record("volunteer", "checkin", a.code(), null);
            }
            before = state(s);
        }
        Path file = DataHome.eventDirectory(home, "default").resolve("arrivals.mv.db");
        long grown = Files.size(file);

        CliRun r = CliRun.of("--home", home.toString(), "compact");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Compacted the event 'default': ").contains(" MB -> ");
        long compacted = Files.size(file);
        assertThat(compacted).as("from %d bytes", grown).isLessThan(grown / 3);

        try (Station s = Station.open(home, "default", "desk-1", Clock.systemUTC())) {
            assertThat(state(s)).isEqualTo(before);
            assertThat(s.audit().verify()).isEmpty();
            // and while the event is open, compaction is refused with a sentence
            CliRun open = CliRun.of("--home", home.toString(), "compact");
            assertThat(open.exit()).isNotZero();
            assertThat(open.err()).contains("already open");
        }
        System.out.printf("CompactCommandTest: %,d bytes after 300 check-ins, %,d compacted%n", grown, compacted);
    }

    @Test
    void noStationOpensWhileACompactionHoldsTheFileAndAStaleMarkerIsIgnored() throws Exception {
        try (Station s = Station.open(home, "default", "desk-1", Clock.systemUTC())) {
            s.roster().importDemo(Actor.cli(), 20, 5).report();
        }
        Path marker = DataHome.eventDirectory(home, "default").resolve("arrivals.compacting");
        try (var channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            CliRun during = CliRun.of("--home", home.toString(), "stats");
            assertThat(during.exit()).isNotZero();
            assertThat(during.err()).contains("is being compacted");
        }
        // the compaction was killed: its marker is left, with no lock on it
        assertThat(marker).exists();
        CliRun after = CliRun.of("--home", home.toString(), "stats");
        assertThat(after.exit()).as(after.err()).isZero();
    }

    private static List<String> state(Station s) {
        return List.of(
                Integer.toString(s.attendees().all().size()),
                s.arrivals().allEvents().toString(),
                s.audit().all().toString(),
                s.printing().jobs().toString());
    }
}
