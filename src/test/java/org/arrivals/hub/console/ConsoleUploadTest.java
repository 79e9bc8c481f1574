package org.arrivals.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrivals.print.PrinterState;
import org.arrivals.station.Station;
import org.arrivals.sync.HubClient;
import org.arrivals.sync.PinnedCertificate;
import org.arrivals.sync.SyncWorker;
import org.arrivals.sync.protocol.StationReport;
import org.arrivals.sync.protocol.StationRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's roster and schedule upload on a real hub (HTTPS on loopback, H2), read by the
 * stations' own importers: preview (mapping, first rows, problems by line), then import of exactly
 * the file previewed, once; bad files change nothing and say which line; the form needs its CSRF
 * token; a file over the limit is refused. And the stations' reports on the stations page.
 */
class ConsoleUploadTest {
    private static final String HEADER =
            "code,barcode,first_name,last_name,badge_name,pronouns,email,organization,title,type,status\n";

    @TempDir
    Path dir;

    ConsoleFixture hub;

    @BeforeEach
    void start() throws Exception {
        hub = new ConsoleFixture(dir, 20);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private ConsoleFixture.Browser signedIn() throws Exception {
        return hub.signedIn();
    }

    private int rosterSize() {
        return hub.hub.store().roster(0, 10_000).rows().size();
    }

    private static String previewId(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/upload/preview?id=");
        return location.substring("/upload/preview?id=".length());
    }

    private static String importId(String html) {
        Matcher m = Pattern.compile("name=\"id\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the preview offers the import").isTrue();
        return m.group(1);
    }

    @Test
    void aRosterIsPreviewedWithItsMappingAndProblemsThenImportedOnce() throws Exception {
        ConsoleFixture.Browser b = signedIn();
        int before = rosterSize();
        String csrf = ConsoleFixture.Browser.csrf(b.get("/upload").body());
        String csv = HEADER
                + "NEW-1,,Amal,Haddad,,,amal@example.org,Welcome Center,Director,Speaker,attending\n"
                + "NEW-2,,Luis,Ortega,,,luis@example.org,Casa Nueva,,General Admission,attending\n"
                + ",,Nobody,Nocode,,,,,,General Admission,attending\n"
                + "NEW-3,,Mei,Chen,,,mei@example.org,Bridges,,General Admission,cancelled\n";
        HttpResponse<String> sent = b.upload(
                "/upload", Map.of("csrf", csrf, "kind", "roster"), "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        String id = previewId(sent);
        assertThat(rosterSize()).as("a preview changes nothing").isEqualTo(before);

        String preview = b.get("/upload/preview?id=" + id).body();
        assertThat(ConsoleFixture.number(preview, "up-rows")).isEqualTo(4);
        assertThat(ConsoleFixture.number(preview, "up-importable")).isEqualTo(3);
        // the mapping: which header fed which field
        assertThat(preview)
                .contains("Which column fills which field")
                .contains("first_name")
                .contains("Last name");
        // the problems by line, in words
        assertThat(preview).contains("<td class=\"num\">4</td>").contains("No attendee code; this row is skipped.");
        assertThat(preview).contains("Registration cancelled: imported, and the desk will be told.");
        assertThat(preview).contains("Amal").contains("Haddad");
        assertThat(preview).contains("Rows skipped: 1 (their problems are listed below).");

        HttpResponse<String> done = b.post("/upload/import", Map.of("csrf", csrf, "id", importId(preview)));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Imported: 3 people read, 3 added or changed at the hub.");
        assertThat(rosterSize()).isEqualTo(before + 3);

        HttpResponse<String> again = b.post("/upload/import", Map.of("csrf", csrf, "id", importId(preview)));
        assertThat(again.statusCode()).as("a previewed file imports once").isEqualTo(404);
        assertThat(rosterSize()).isEqualTo(before + 3);
    }

    @Test
    void anXlsxWorkbookIsReadByTheStationsRules() throws Exception {
        ConsoleFixture.Browser b = signedIn();
        int before = rosterSize();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Cvent", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Registrants");
        String[] header = {"Confirmation Number", "First Name", "Last Name", "Company Name", "Registration Status"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        ws.value(1, 0, 12345678901L);
        ws.value(1, 1, "Widelene");
        ws.value(1, 2, "Pierre-Louis");
        ws.value(1, 3, "Haitian Women's Collective");
        ws.value(1, 4, "Accepted");
        ws.value(2, 0, "CV-2");
        ws.value(2, 1, "बहादुर");
        ws.value(2, 2, "गुरुङ");
        ws.value(2, 4, "Accepted");
        wb.finish();
        String csrf = ConsoleFixture.Browser.csrf(b.get("/upload").body());
        String id = previewId(
                b.upload("/upload", Map.of("csrf", csrf, "kind", "roster"), "registrants.xlsx", out.toByteArray()));
        String preview = b.get("/upload/preview?id=" + id).body();
        assertThat(preview)
                .contains("Confirmation Number")
                .contains("12345678901")
                .contains("बहादुर");
        assertThat(ConsoleFixture.number(preview, "up-importable")).isEqualTo(2);
        HttpResponse<String> done = b.post("/upload/import", Map.of("csrf", csrf, "id", importId(preview)));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(rosterSize()).isEqualTo(before + 2);
    }

    @Test
    void aMalformedCsvNamesItsLineAndChangesNothing() throws Exception {
        ConsoleFixture.Browser b = signedIn();
        int before = rosterSize();
        String csrf = ConsoleFixture.Browser.csrf(b.get("/upload").body());
        String csv = HEADER
                + "BAD-1,,Ana,Ruiz,,,ana@example.org,Org,,General Admission,attending\n"
                + "BAD-2,,\"Unclosed,Quote,,,x@example.org,Org,,General Admission,attending\n";
        String id = previewId(b.upload(
                "/upload", Map.of("csrf", csrf, "kind", "roster"), "broken.csv", csv.getBytes(StandardCharsets.UTF_8)));
        String preview = b.get("/upload/preview?id=" + id).body();
        assertThat(preview).contains("This file cannot be imported: line 3 cannot be read.");
        assertThat(preview).doesNotContain("/upload/import");
        assertThat(rosterSize()).isEqualTo(before);

        // in Spanish, the same fact in Spanish words
        String es = b.get("/upload/preview?id=" + id + "&lang=es").body();
        assertThat(es).contains("Este archivo no se puede importar: la línea 3 no se puede leer.");
    }

    @Test
    void aScheduleWithABadLineLoadsNothingAndAGoodOneReplacesTheSchedule() throws Exception {
        ConsoleFixture.Browser b = signedIn();
        String csrf = ConsoleFixture.Browser.csrf(b.get("/upload").body());
        String bad = "Session ID,Title,Track,Room,Date,Start,End,Capacity\n"
                + "S1,Opening,,Hall A,2026-11-22,09:00,10:00,300\n"
                + "S2,Workshop,,Room 1,2026-11-22,11:00,10:00,40\n";
        String id = previewId(b.upload(
                "/upload",
                Map.of("csrf", csrf, "kind", "schedule", "firstDay", ""),
                "schedule.csv",
                bad.getBytes(StandardCharsets.UTF_8)));
        String preview = b.get("/upload/preview?id=" + id).body();
        assertThat(preview)
                .contains("Lines to fix before anything can be imported: 1")
                .contains("<td class=\"num\">3</td>");
        assertThat(preview)
                .contains("This session cannot be taken:")
                .contains("The end, 10:00, is not after the start, 11:00");
        assertThat(b.get("/upload/preview?id=" + id + "&lang=fr").body())
                .contains("La fin, 10:00, n’est pas après le début, 11:00");
        assertThat(preview).doesNotContain("/upload/import");
        assertThat(hub.hub.store().schedule(0).sessions()).isEmpty();

        String good = bad.replace("11:00,10:00", "10:30,11:30");
        id = previewId(b.upload(
                "/upload",
                Map.of("csrf", csrf, "kind", "schedule"),
                "schedule.csv",
                good.getBytes(StandardCharsets.UTF_8)));
        preview = b.get("/upload/preview?id=" + id).body();
        assertThat(ConsoleFixture.number(preview, "up-importable")).isEqualTo(2);
        HttpResponse<String> done = b.post("/upload/import", Map.of("csrf", csrf, "id", importId(preview)));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(hub.hub.store().schedule(0).sessions()).hasSize(2);
    }

    @Test
    void anUploadWithoutItsCsrfTokenIsRefused() throws Exception {
        ConsoleFixture.Browser b = signedIn();
        int before = rosterSize();
        String csv = HEADER + "X-1,,Ana,Ruiz,,,ana@example.org,Org,,General Admission,attending\n";
        HttpResponse<String> r =
                b.upload("/upload", Map.of("kind", "roster"), "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(403);
        HttpResponse<String> other = b.upload(
                "/upload",
                Map.of("kind", "roster", "csrf", "not-this-sessions-token"),
                "export.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(other.statusCode()).isEqualTo(403);

        // and the import button's form too
        String csrf = ConsoleFixture.Browser.csrf(b.get("/upload").body());
        String id = previewId(b.upload(
                "/upload", Map.of("csrf", csrf, "kind", "roster"), "export.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(b.post("/upload/import", Map.of("id", id)).statusCode()).isEqualTo(403);
        assertThat(rosterSize()).isEqualTo(before);
        // another session cannot import this session's file
        ConsoleFixture.Browser stranger = signedIn();
        String theirs = ConsoleFixture.Browser.csrf(stranger.get("/upload").body());
        assertThat(stranger.post("/upload/import", Map.of("csrf", theirs, "id", id))
                        .statusCode())
                .isEqualTo(404);
        assertThat(rosterSize()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedClearly() throws Exception {
        hub.hub.uploadLimit(200_000);
        ConsoleFixture.Browser b = signedIn();
        int before = rosterSize();
        String csrf = ConsoleFixture.Browser.csrf(b.get("/upload").body());
        byte[] big = new byte[400_000];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> r = b.upload("/upload", Map.of("csrf", csrf, "kind", "roster"), "huge.csv", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than").contains("Nothing was read or changed.");
        assertThat(rosterSize()).isEqualTo(before);
    }

    @Test
    void theStationsPageShowsWhatEachStationReported() throws Exception {
        try (Station desk = hub.joinedStation("desk-1")) {
            SyncWorker sync = ConsoleFixture.sync(desk);
            sync.syncOnce();
        }
        // a station whose printer ran out of labels, with events not yet sent and one set aside
        String token = hub.hub.addStation("desk-2", StationRole.DESK);
        HubClient client = new HubClient(
                URI.create(hub.url()),
                token,
                Duration.ofSeconds(5),
                PinnedCertificate.of(hub.hub.fingerprint(null, null)));
        client.report(new StationReport(PrinterState.Condition.OUT_OF_LABELS.name(), 2, 1));
        client.pullEvents(0, 10);

        ConsoleFixture.Browser b = signedIn();
        String page = b.get("/stations").body();
        assertThat(row(page, "desk-1"))
                .contains("No printer")
                .contains("Online")
                .contains(">0</td>");
        assertThat(row(page, "desk-2"))
                .contains("data-printer=\"OUT_OF_LABELS\"")
                .contains("Out of labels")
                .contains("class=\"num pending\">2<")
                .contains("class=\"num quarantined bad\">1<");
        assertThat(row(b.get("/stations?lang=ar").body(), "desk-2")).contains("نفدت الملصقات");

        // a malformed report is ignored, never refused
        HubClient older = new HubClient(
                URI.create(hub.url()),
                token,
                Duration.ofSeconds(5),
                PinnedCertificate.of(hub.hub.fingerprint(null, null)));
        older.pullEvents(0, 10);
        assertThat(row(b.get("/stations?lang=en").body(), "desk-2")).contains("Out of labels");
    }

    @Test
    void everyPrinterConditionHasWordsInEveryLanguage() {
        for (String lang : ConsoleTexts.LANGUAGES) {
            ConsoleTexts t = ConsoleTexts.of(lang);
            for (PrinterState.Condition c : PrinterState.Condition.values()) {
                assertThat(t.get("printer." + c.name())).as(lang + " " + c).isNotEqualTo("printer." + c.name());
            }
            for (org.arrivals.attendee.importing.ImportProblem.Kind k :
                    org.arrivals.attendee.importing.ImportProblem.Kind.values()) {
                assertThat(t.get("problem." + k.name())).as(lang + " " + k).isNotEqualTo("problem." + k.name());
            }
            for (org.arrivals.attendee.importing.ImportWarning.Kind k :
                    org.arrivals.attendee.importing.ImportWarning.Kind.values()) {
                assertThat(t.get("warning." + k.name())).as(lang + " " + k).isNotEqualTo("warning." + k.name());
            }
            for (org.arrivals.attendee.importing.ImportProblem.Why w :
                    org.arrivals.attendee.importing.ImportProblem.Why.values()) {
                assertThat(t.get("why." + w.name())).as(lang + " " + w).isNotEqualTo("why." + w.name());
            }
            for (org.arrivals.sync.protocol.Problem.Rule r : org.arrivals.sync.protocol.Problem.Rule.values()) {
                assertThat(t.get("rule." + r.name())).as(lang + " " + r).isNotEqualTo("rule." + r.name());
            }
            for (org.arrivals.attendee.AttendeeField f : org.arrivals.attendee.AttendeeField.values()) {
                assertThat(t.get("field." + f.cliName())).as(lang + " " + f).isNotEqualTo("field." + f.cliName());
            }
        }
    }

    /** The table row of one station. */
    private static String row(String html, String station) {
        Matcher m = Pattern.compile("<tr><th scope=\"row\"><bdi>" + Pattern.quote(station) + "</bdi>.*?</tr>")
                .matcher(html);
        assertThat(m.find()).as("the page lists " + station).isTrue();
        return m.group();
    }
}
