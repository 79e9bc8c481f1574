package org.arrivals.cli;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.imageio.ImageIO;
import org.arrivals.print.FakeZebraForCli;
import org.arrivals.station.Station;
import org.arrivals.testing.Exports;
import org.arrivals.testing.Files2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String home() {
        return dir.resolve("home").toString();
    }

    @Test
    void importPrintsTheReportAsJsonAndSearchFindsThePeople() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);

        CliRun imp = run("--home", home(), "import", file.toString(), "--json");

        assertThat(imp.exit()).isZero();
        JsonNode report = imp.json();
        assertThat(report.get("added").asInt()).isEqualTo(6);
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(report.get("unchanged").asInt()).isZero();
        assertThat(report.get("problems")).hasSize(4);
        JsonNode dup = report.get("problems").get(0);
        assertThat(dup.get("line").asInt()).isEqualTo(7);
        assertThat(dup.get("code").asText()).isEqualTo("1001");
        assertThat(dup.get("reason").asText()).contains("duplicate");

        // --home after the subcommand works too (an inherited option)
        CliRun search = run("search", "martínez", "--json", "--home", home());
        assertThat(search.exit()).isZero();
        JsonNode hits = search.json();
        assertThat(hits).hasSize(1);
        JsonNode jose = hits.get(0);
        assertThat(jose.get("code").asText()).isEqualTo("1001");
        assertThat(jose.get("first").asText()).isEqualTo("José");
        assertThat(jose.get("last").asText()).isEqualTo("Martínez García");
        assertThat(jose.get("org").asText()).isEqualTo("Casa de Esperanza, Inc.");
        assertThat(jose.get("type").asText()).isEqualTo("General Admission");
        assertThat(jose.get("status").asText()).isEqualTo("attending");
        assertThat(jose.get("checkedIn").asBoolean()).isFalse();

        assertThat(run("--home", home(), "checkin", "1001").exit()).isZero();
        assertThat(run("--home", home(), "search", "1001", "--json")
                        .json()
                        .get(0)
                        .get("checkedIn")
                        .asBoolean())
                .isTrue();
        assertThat(run("--home", home(), "checkin", "1001").exit()).isEqualTo(3);
        assertThat(run("--home", home(), "checkin", "1004").exit())
                .as("cancelled")
                .isEqualTo(5);
        assertThat(run("--home", home(), "search", "محمد", "--limit", "5", "--json")
                        .json())
                .hasSize(1);
    }

    @Test
    void brokenFileExitsTwoNamesTheLineAndChangesNothing() throws Exception {
        Path good = Files2.write(dir, "good.csv", crlf("code,first_name", "A1,Ana"), StandardCharsets.UTF_8, false);
        Path broken = Files2.write(
                dir,
                "broken.csv",
                crlf("code,first_name", "A2,Ben", "A3,\"Cy", "A4,Di"),
                StandardCharsets.UTF_8,
                false);
        assertThat(run("--home", home(), "import", good.toString()).exit()).isZero();

        CliRun r = run("--home", home(), "import", broken.toString(), "--json");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Line 3").contains("Nothing was imported");
        assertThat(r.json().get("line").asInt()).isEqualTo(3);
        assertThat(run("--home", home(), "search", "a", "--json").json()).hasSize(1);
    }

    @Test
    void fileWithOnlyProblemRowsExitsTwo() throws Exception {
        Path file =
                Files2.write(dir, "empty.csv", crlf("code,first_name", ",Ana", "B1,"), StandardCharsets.UTF_8, false);
        CliRun r = run("--home", home(), "import", file.toString(), "--json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.json().get("problems")).hasSize(2);
    }

    @Test
    void exportWritesASafeCsv() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        run("--home", home(), "import", file.toString());
        Path out = dir.resolve("out.csv");

        CliRun r = run("--home", home(), "export", "--out", out.toString());

        assertThat(r.exit()).isZero();
        assertThat(Files.readString(out)).contains("'=HYPERLINK").contains("Nguyễn");
    }

    @Test
    void versionAndHelpOnEveryCommand() {
        CliRun v = run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("arrivals ");
        for (String cmd : new String[] {
            "import",
            "search",
            "export",
            "demo",
            "checkin",
            "undo",
            "walkin",
            "edit",
            "history",
            "stats",
            "badge",
            "badges",
            "print",
            "reprint",
            "queue",
            "printers",
            "kiosk",
            "hub",
            "join",
            "certificates"
        }) {
            CliRun h = run(cmd, "--help");
            assertThat(h.exit()).as(cmd).isZero();
            assertThat(h.out()).as(cmd).contains("Usage: arrivals " + cmd).contains("--home");
            // the whole list names it too (the kiosk's start builds only its own command)
            assertThat(run("--help").out()).as(cmd).containsPattern("(?m)^  " + cmd + "\\b");
        }
        // a global option before the command, and help on a command
        assertThat(run("--home", dir.toString(), "kiosk", "--help").out()).contains("Usage: arrivals kiosk");
        assertThat(run("help", "kiosk").out()).contains("Usage: arrivals kiosk");
    }

    @Test
    void unknownEncodingAndBadMappingAreUsageErrors() throws Exception {
        Path file = Files2.write(dir, "a.csv", crlf("code,first_name", "A1,Ana"), StandardCharsets.UTF_8, false);
        CliRun enc = run("--home", home(), "import", file.toString(), "--encoding", "klingon");
        assertThat(enc.exit()).isEqualTo(2);
        assertThat(enc.err()).contains("unknown encoding");
        CliRun map = run("--home", home(), "import", file.toString(), "--map", "nonsense=Header");
        assertThat(map.exit()).isEqualTo(2);
        assertThat(map.err()).contains("unknown field");
    }

    @Test
    void demoLoadsABelievableEventAndLoadingItTwiceChangesNothing() throws Exception {
        CliRun first = run("--home", home(), "demo");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("1200 added");
        CliRun again = run("--home", home(), "demo");
        assertThat(again.out()).contains("0 added").contains("1200 unchanged");
        assertThat(run("--home", home(), "search", "nguyễn", "--limit", "100", "--json")
                        .json()
                        .size())
                .isGreaterThan(1);
    }

    @Test
    void checkInWalkInEditHistoryAndStatsSpeakJson() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        run("--home", home(), "import", file.toString());

        CliRun ok = run("--home", home(), "checkin", "B-1002", "--json", "--station", "desk-3");
        assertThat(ok.exit()).isZero();
        JsonNode okJson = ok.json();
        assertThat(okJson.get("result").asText()).isEqualTo("ok");
        assertThat(okJson.get("code").asText())
                .as("the barcode resolved to the attendee")
                .isEqualTo("1002");
        assertThat(okJson.get("name").asText()).isEqualTo("Nguyễn Thị Minh Khai");
        assertThat(okJson.get("station").asText()).isEqualTo("desk-3");
        assertThat(okJson.get("at").asText()).isNotBlank();

        CliRun already = run("--home", home(), "checkin", "1002", "--json");
        assertThat(already.exit()).isEqualTo(3);
        assertThat(already.json().get("result").asText()).isEqualTo("already");
        assertThat(already.json().get("station").asText()).isEqualTo("desk-3");

        CliRun blocked = run("--home", home(), "checkin", "1004", "--json");
        assertThat(blocked.exit()).isEqualTo(5);
        assertThat(blocked.json().get("result").asText()).isEqualTo("blocked");
        assertThat(run("--home", home(), "checkin", "1004", "--override", "paid at the door")
                        .exit())
                .isZero();

        CliRun unknown = run("--home", home(), "checkin", "NOPE-1", "--json");
        assertThat(unknown.exit()).isEqualTo(4);
        assertThat(unknown.json().get("result").asText()).isEqualTo("unknown");
        CliRun invalid = run("--home", home(), "checkin", "AR1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "--json");
        assertThat(invalid.exit()).isEqualTo(4);
        assertThat(invalid.json().get("result").asText()).isEqualTo("invalid");

        CliRun walkin = run(
                "--home", home(), "walkin", "--first", "Amina", "--last", "Yusuf", "--org", "Somali Bantu", "--json");
        assertThat(walkin.exit()).isZero();
        String code = walkin.json().get("code").asText();
        assertThat(code).startsWith("W-");
        assertThat(run("--home", home(), "search", "amina", "--json")
                        .json()
                        .get(0)
                        .get("code")
                        .asText())
                .isEqualTo(code);

        assertThat(run("--home", home(), "edit", "1005", "--badge-name", "Aung San Suu")
                        .exit())
                .isZero();
        JsonNode history = run("--home", home(), "history", "1005", "--json").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("kind").asText()).isEqualTo("ATTENDEE_EDITED");
        assertThat(history.get(0).get("details").get("new").asText()).isEqualTo("Aung San Suu");
        assertThat(run("--home", home(), "undo", "1002").exit()).isZero();
        assertThat(run("--home", home(), "history", "1002", "--json").json()).hasSize(2);

        JsonNode stats = run("--home", home(), "stats", "--json").json();
        assertThat(stats.get("arrived").asInt()).isEqualTo(1);
        assertThat(stats.get("expected").asInt())
                .as("six attending, one walk-in")
                .isEqualTo(6);
        assertThat(stats.get("byType").get("Volunteer").get("arrived").asInt()).isEqualTo(1);
        assertThat(stats.get("per15min")).hasSize(1);
    }

    @Test
    void aBadgeTokenPrintedByThisEventChecksIn() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        run("--home", home(), "import", file.toString());
        String token;
        try (var station = Station.open(Path.of(home()), "default", Clock.systemUTC())) {
            token = station.tokens().issue("1006");
        }
        CliRun r = run("--home", home(), "checkin", token, "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.json().get("code").asText()).isEqualTo("1006");
    }

    @Test
    void badgeAndBadgesWritePdfsAndPreviews() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        run("--home", home(), "import", file.toString());
        Path pdf = dir.resolve("one.pdf");
        Path png = dir.resolve("one.png");
        assertThat(run("--home", home(), "badge", "1003", "--out", pdf.toString())
                        .exit())
                .isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');
        assertThat(run("--home", home(), "badge", "1003", "--out", png.toString(), "--template", "brother-62x100")
                        .exit())
                .isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).as("62 mm at 300 dpi").isBetween(730, 734);

        Path all = dir.resolve("all.pdf");
        CliRun r = run("--home", home(), "badges", "--out", all.toString(), "--sort", "org");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Wrote 5 badges");
        assertThat(run("--home", home(), "badges", "--out", all.toString(), "--type", "Speaker")
                        .out())
                .contains("Wrote 1 badge to");
        assertThat(run("--home", home(), "badge", "NOPE", "--out", pdf.toString())
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void printReprintAndTheQueueOverARawZebra() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        run("--home", home(), "import", file.toString());
        try (var zebra = new FakeZebraForCli()) {
            String printer = "zebra://127.0.0.1:" + zebra.port();
            CliRun p = run("--home", home(), "print", "1002", "--printer", printer, "--json");
            assertThat(p.exit()).as(p.err()).isZero();
            assertThat(p.json().get("state").asText()).isEqualTo("done");
            assertThat(run("--home", home(), "print", "1002", "--printer", printer)
                            .exit())
                    .as("once")
                    .isEqualTo(6);
            assertThat(run("--home", home(), "reprint", "1002", "--reason", "lost", "--printer", printer)
                            .exit())
                    .isZero();
            zebra.paperOut(true);
            CliRun out = run("--home", home(), "print", "1003", "--printer", printer, "--json");
            assertThat(out.exit()).isEqualTo(6);
            assertThat(out.json().get("error").asText()).contains("out of labels");
            JsonNode queue = run("--home", home(), "queue", "--json").json();
            assertThat(queue).hasSize(3);
            assertThat(queue.get(2).get("state").asText()).isEqualTo("failed");
            zebra.paperOut(false);
            String id = queue.get(2).get("id").asText();
            assertThat(run("--home", home(), "queue", "retry", id).exit()).isZero();
            assertThat(run("--home", home(), "queue", "cancel", id).out()).contains("done");
            assertThat(zebra.jobCount()).isEqualTo(3);
            assertThat(run("--home", home(), "stats", "--json").exit()).isZero();
        }
        assertThat(run("--home", home(), "print", "1002").err()).contains("No printer is configured");
    }
}
