package org.arrivals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.arrivals.station.HubHost;
import org.arrivals.station.LogSetup;
import org.arrivals.testing.Exports;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's log (kiosk-config/logback.xml) lands in the data folder and names nobody. */
class LogPrivacyTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreLogging() {
        LogSetup.restoreDefault();
    }

    @Test
    void aFullRunLogsToTheDataFolderWithoutNamesOrEmails() throws Exception {
        Path home = dir.resolve("home");
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        String[] common = {"--home", home.toString(), "--config", "kiosk-config"};
        for (List<String> cmd : List.of(
                List.of("import", file.toString()),
                List.of("checkin", "1001"),
                List.of("checkin", "1004", "--override", "paid at the door"),
                List.of("undo", "1001"),
                List.of("search", "nguyễn"),
                List.of("export", "--out", dir.resolve("out.csv").toString()))) {
            String[] args = new String[common.length + cmd.size()];
            System.arraycopy(common, 0, args, 0, common.length);
            System.arraycopy(cmd.toArray(new String[0]), 0, args, common.length, cmd.size());
            ArrivalsCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
        }

        Path log = home.resolve("logs/arrivals.log");
        assertThat(log).exists();
        String text = Files.readString(log);
        assertThat(text)
                .contains("Import of")
                .contains("checked in")
                .contains("undone")
                .contains("Exported");
        for (String personal : List.of(
                "José",
                "Martínez",
                "jose@example.org",
                "Nguyễn",
                "محمد",
                "Łukasz",
                "Żółć",
                "Aung San",
                "አበበ",
                "Casa de Esperanza",
                "eventbrite",
                "HYPERLINK",
                "@example.org")) {
            assertThat(text).as("log must not contain " + personal).doesNotContain(personal);
        }
    }

    @Test
    void theHubAndSyncLogNobody() throws Exception {
        Path home = dir.resolve("home");
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        String[] common = {"--home", home.toString(), "--config", "kiosk-config"};
        Function<String[], String> run = cmd -> {
            String[] args = new String[common.length + cmd.length];
            System.arraycopy(common, 0, args, 0, common.length);
            System.arraycopy(cmd, 0, args, common.length, cmd.length);
            StringWriter out = new StringWriter();
            ArrivalsCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
            return out.toString().strip();
        };
        run.apply(new String[] {"hub", "import", file.toString()});
        String token = run.apply(new String[] {"hub", "add-station", "desk-1"});
        try (HubHost host = HubHost.open(home, null, Clock.systemUTC())) {
            String url = "http://127.0.0.1:" + host.serve("127.0.0.1", 0, 2);
            for (String[] cmd : List.of(
                    new String[] {"sync", "--once", "--hub", url, "--token", token},
                    new String[] {"checkin", "1001"},
                    new String[] {"walkin", "--first", "Żółć", "--last", "Łukasz", "--email", "zolc@example.org"},
                    new String[] {"sync", "--once", "--hub", url, "--token", token})) {
                run.apply(cmd);
            }
        }
        String text = Files.readString(home.resolve("logs/arrivals.log"));
        assertThat(text).contains("Roster import at the hub").contains("Synced with the hub");
        for (String personal : List.of(
                "José",
                "Martínez",
                "jose@example.org",
                "Nguyễn",
                "محمد",
                "Łukasz",
                "Żółć",
                "Aung San",
                "አበበ",
                "Casa de Esperanza",
                "@example.org")) {
            assertThat(text).as("log must not contain " + personal).doesNotContain(personal);
        }
    }
}
