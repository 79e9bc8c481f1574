package org.arrivals.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.arrivals.cli.ArrivalsCommand;
import org.arrivals.station.DataHome;
import org.arrivals.station.LogSetup;
import org.arrivals.station.Station;
import org.arrivals.store.Store;
import org.arrivals.store.StoreKey;
import org.arrivals.testing.Exports;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditAndWipeTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    @AfterEach
    void restoreLogging() {
        LogSetup.restoreDefault();
    }

    private Run run(String... cmd) {
        List<String> args =
                new ArrayList<>(List.of("--home", dir.resolve("home").toString(), "--station", "desk-7"));
        args.addAll(List.of(cmd));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ArrivalsCommand.run(
                new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(new String[0]));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void staffActionsOnTheCommandLineAreAuditedAsTheCliAndExportable() throws Exception {
        Path csv = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        Run imp = run("import", csv.toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
        assertThat(run("checkin", "1004", "--override", "paid at the door").exit())
                .isZero();
        assertThat(run("search", "josé").exit()).isZero(); // a read: not audited
        assertThat(run("undo", "1004").exit()).isZero();
        assertThat(run("export", "--out", dir.resolve("out.csv").toString()).exit())
                .isZero();

        Run audit = run("audit", "--json");
        assertThat(audit.exit()).as(audit.err()).isZero();
        JsonNode entries = new ObjectMapper().readTree(audit.out());
        assertThat(entries).hasSize(5);
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.get("action").asText()));
        // each service writes its own entry: 1004's registration is cancelled, so this check-in is an override;
        // the export writes the list and, beside it, the session attendance rows: two files, two entries
        assertThat(actions).containsExactly("import", "override", "undo", "export", "export");
        assertThat(entries.get(4).get("subject").asText()).isEqualTo("out-attendance.csv");
        JsonNode override = entries.get(1);
        assertThat(override.get("actor").asText()).isEqualTo("cli");
        assertThat(override.get("station").asText()).isEqualTo("desk-7");
        assertThat(override.get("subject").asText()).isEqualTo("1004");
        assertThat(override.get("detail").asText()).isEqualTo("status cancelled");
        assertThat(override.get("at").asText()).isNotBlank();
        // the audit names no one: codes, not names; option names, not their values
        assertThat(audit.out())
                .doesNotContain("Łukasz")
                .doesNotContain("paid at the door")
                .doesNotContain("@");
        // the export of the audit log is itself audited
        assertThat(run("audit").out()).contains("cli  audit");
    }

    @Test
    void anEntryChangedAfterTheFactBreaksTheChain() throws Exception {
        try (Station s = Station.open(dir.resolve("home"), "default", Clock.systemUTC())) {
            s.audit().record("supervisor", "reprint", "1001", "lost");
            s.audit().record("supervisor", "queue cancel", "3", null);
            s.audit().record("admin", "printer", null, "zebra://10.0.0.5:9100");
            assertThat(s.audit().verify()).isEmpty();
        }
        Path eventDir = DataHome.eventDirectory(dir.resolve("home"), "default");
        // someone with the key rewrites history by hand
        try (Store store =
                Store.open(eventDir, StoreKey.of(System.getenv("ARRIVALS_KEY").toCharArray()))) {
            store.dsl().execute("UPDATE audit_log SET actor = 'volunteer' WHERE seq = 2");
        }
        Run audit = run("audit");
        assertThat(audit.exit()).isEqualTo(8);
        assertThat(audit.err()).contains("entry 2");
        assertThat(eventDir).exists();
    }

    @Test
    void wipeRemovesTheEventsDatabaseKeysAndLogsAndOnlyWithTheKey() throws Exception {
        Path home = dir.resolve("home");
        Path csv = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        List<String> withLogs = List.of("--config", "kiosk-config");
        assertThat(run(withLogs.get(0), withLogs.get(1), "import", csv.toString())
                        .exit())
                .isZero();
        assertThat(run("--event", "other", "demo", "--attendees", "3").exit()).isZero();
        Path eventDir = DataHome.eventDirectory(home, "default");
        assertThat(eventDir.resolve("arrivals.mv.db")).exists();
        // the badge key lives inside the encrypted database, not in event.key beside it
        assertThat(eventDir.resolve("event.key")).doesNotExist();
        assertThat(home.resolve("logs/arrivals.log")).exists();
        LogSetup.restoreDefault();

        Run unconfirmed = run("wipe");
        assertThat(unconfirmed.exit()).isNotZero();
        assertThat(unconfirmed.err()).contains("--yes");
        Path keyFile = Files.writeString(dir.resolve("wrong.key"), "not the station key");
        assertThat(run("--key-file", keyFile.toString(), "wipe", "--yes").exit())
                .isNotZero();
        assertThat(eventDir.resolve("arrivals.mv.db")).exists();

        Run wipe = run("wipe", "--yes");
        assertThat(wipe.exit()).as(wipe.err()).isZero();
        assertThat(wipe.out()).contains("wiped");
        assertThat(eventDir).doesNotExist();
        assertThat(home.resolve("logs")).doesNotExist();
        // the other event is untouched; the wiped one starts empty
        try (Station s = Station.open(home, "other", Clock.systemUTC())) {
            assertThat(s.attendees().all()).hasSize(3);
        }
        try (Station s = Station.open(home, "default", Clock.systemUTC())) {
            assertThat(s.attendees().all()).isEmpty();
            assertThat(s.audit().all()).isEmpty();
        }
    }
}
