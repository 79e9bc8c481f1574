package org.arrivals.checkin;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.badge.BadgeToken;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanResolverTest {
    @TempDir
    Path dir;

    static final BadgeToken TOKENS =
            new BadgeToken("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void codesBarcodesAndGenuineTokensResolveForgedOnesAreInvalid() throws Exception {
        try (TestStore t = new TestStore(dir.resolve("db"))) {
            t.importer.importFile(
                    Files2.write(
                            dir,
                            "r.csv",
                            crlf("code,barcode,first_name", "AR-1,84730001,Ana", "AR-2,84730002,Ben"),
                            StandardCharsets.UTF_8,
                            false),
                    RosterImporter.Options.defaults());
            ScanResolver plain = new ScanResolver(t.attendees, TOKENS, "", "");
            ScanResolver tagged = new ScanResolver(t.attendees, TOKENS, "]Q1", "#");

            assertThat(plain.resolve("AR-1").attendee().firstName()).isEqualTo("Ana");
            assertThat(plain.resolve("84730002\r\n").attendee().firstName()).isEqualTo("Ben");
            assertThat(plain.resolve(TOKENS.issue("AR-2")).attendee().firstName())
                    .isEqualTo("Ben");
            assertThat(tagged.resolve("]Q1" + TOKENS.issue("AR-1") + "#")
                            .attendee()
                            .firstName())
                    .isEqualTo("Ana");
            assertThat(tagged.resolve("]Q1AR-2#").attendee().firstName()).isEqualTo("Ben");

            assertThat(plain.resolve("AR-9").kind()).isEqualTo(ScanResolver.Kind.NOT_FOUND);
            assertThat(plain.resolve("").kind()).isEqualTo(ScanResolver.Kind.NOT_FOUND);
            String forged = "AR1:" + "A".repeat(30);
            assertThat(plain.resolve(forged).kind()).isEqualTo(ScanResolver.Kind.INVALID);
            BadgeToken otherEvent =
                    new BadgeToken("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
            assertThat(plain.resolve(otherEvent.issue("AR-1")).kind()).isEqualTo(ScanResolver.Kind.INVALID);
            assertThat(plain.resolve(TOKENS.issue("AR-404")).kind())
                    .as("genuine token, unknown person")
                    .isEqualTo(ScanResolver.Kind.NOT_FOUND);
        }
    }
}
