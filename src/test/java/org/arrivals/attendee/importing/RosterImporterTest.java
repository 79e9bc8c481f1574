package org.arrivals.attendee.importing;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.testing.Exports;
import org.arrivals.testing.Files2;
import org.arrivals.testing.StoreSnapshot;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterImporterTest {
    @TempDir
    Path dir;

    TestStore t;

    @BeforeEach
    void open() {
        t = new TestStore(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        t.close();
    }

    private ImportReport importText(String name, String text) throws Exception {
        return t.importer.importFile(
                Files2.write(dir, name, text, StandardCharsets.UTF_8, false), RosterImporter.Options.defaults());
    }

    @Test
    void messyRealWorldExportImportsWithExactCountsAndProblemsByLine() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);

        ImportReport r = t.importer.importFile(file, RosterImporter.Options.defaults());

        assertThat(r.added()).isEqualTo(6);
        assertThat(r.updated()).isZero();
        assertThat(r.unchanged()).isZero();
        assertThat(r.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(7L, "1001"),
                        org.assertj.core.groups.Tuple.tuple(8L, "1004"),
                        org.assertj.core.groups.Tuple.tuple(11L, null),
                        org.assertj.core.groups.Tuple.tuple(12L, "1008"));
        assertThat(r.problems().get(0).reason()).contains("duplicate code").contains("line 2");
        assertThat(r.problems().get(1).reason()).contains("cancelled");
        assertThat(r.problems().get(2).reason()).contains("no attendee code");
        assertThat(r.problems().get(3).reason()).contains("no name");

        Attendee jose = t.attendees.findByCode("1001").orElseThrow();
        assertThat(jose.lastName()).isEqualTo("Martínez García");
        assertThat(jose.organization()).isEqualTo("Casa de Esperanza, Inc.");
        assertThat(jose.barcode()).isEqualTo("B-1001");
        Attendee minh = t.attendees.findByCode("1002").orElseThrow();
        assertThat(minh.firstName()).isEqualTo("Nguyễn");
        assertThat(minh.type()).isEqualTo("Speaker");
        assertThat(minh.extra()).containsEntry("Dietary needs", "No pork\nno alcohol");
        Attendee mohammed = t.attendees.findByCode("1003").orElseThrow();
        assertThat(mohammed.firstName()).isEqualTo("محمد");
        assertThat(mohammed.type()).as("event types match without case").isEqualTo("General Admission");
        assertThat(mohammed.organization())
                .as("kept as written; neutralized on export")
                .isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(t.attendees.findByCode("1004").orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        Attendee aung = t.attendees.findByCode("1005").orElseThrow();
        assertThat(aung.firstName()).as("trimmed, inner spaces folded").isEqualTo("Aung San");
        assertThat(aung.lastName()).as("a single name is a normal attendee").isEmpty();
        assertThat(aung.displayName()).isEqualTo("Aung San");
        assertThat(t.attendees.findByBarcode("B-1006").orElseThrow().firstName())
                .isEqualTo("አበበ");
    }

    @Test
    void reimportingTheSameFileReportsEverythingUnchanged() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        t.importer.importFile(file, RosterImporter.Options.defaults());
        List<String> before = StoreSnapshot.of(t.store.dsl());

        ImportReport again = t.importer.importFile(file, RosterImporter.Options.defaults());

        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(6);
        assertThat(StoreSnapshot.of(t.store.dsl())).isEqualTo(before);
    }

    @Test
    void windows1252FileImportsWithCorrectAccents() throws Exception {
        String text = crlf(
                "code,first_name,last_name,organization",
                "A1,François,Müller,Café Société",
                "A2,Ñandú,Peña,Asociación Latina");
        Path file = Files2.write(dir, "excel.csv", text.getBytes(TextEncoding.WINDOWS_1252));

        ImportReport r = t.importer.importFile(file, RosterImporter.Options.defaults());

        assertThat(r.added()).isEqualTo(2);
        Attendee a = t.attendees.findByCode("A1").orElseThrow();
        assertThat(a.firstName()).isEqualTo("François");
        assertThat(a.lastName()).isEqualTo("Müller");
        assertThat(a.organization()).isEqualTo("Café Société");
        assertThat(t.attendees.findByCode("A2").orElseThrow().firstName()).isEqualTo("Ñandú");
    }

    @Test
    void utf16WithAndWithoutByteOrderMarkImports() throws Exception {
        String text = crlf("code,first_name,last_name", "U1,Zoë,Ørsted", "U2,王,小明");
        for (var cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            for (boolean bom : List.of(true, false)) {
                Path file = Files2.write(dir, "u16.csv", text, cs, bom);
                ImportReport r = t.importer.importFile(file, RosterImporter.Options.defaults());
                assertThat(r.added() + r.unchanged()).as(cs + " bom=" + bom).isEqualTo(2);
            }
        }
        assertThat(t.attendees.findByCode("U1").orElseThrow().firstName()).isEqualTo("Zoë");
        assertThat(t.attendees.findByCode("U2").orElseThrow().firstName()).isEqualTo("王");
    }

    @Test
    void namesAreNormalizedToNfcAndOtherwiseKeptAsWritten() throws Exception {
        String decomposed = "Jose\u0301 Nguye\u0302\u0303n";
        importText("nfc.csv", crlf("code,first_name,last_name", "N1," + decomposed + ",de la Cruz"));
        Attendee a = t.attendees.findByCode("N1").orElseThrow();
        assertThat(a.firstName()).isEqualTo("José Nguyễn");
        assertThat(a.lastName()).isEqualTo("de la Cruz");
    }

    @Test
    void unterminatedQuoteFailsNamingTheLineAndChangesNothing() throws Exception {
        importText("first.csv", crlf("code,first_name,last_name", "K1,Kim,Lee"));
        List<String> before = StoreSnapshot.of(t.store.dsl());
        String broken = crlf(
                "code,first_name,last_name,organization",
                "K1,Kim,Lee,Changed Org",
                "K2,Ana,Silva,Org",
                "K3,\"Broken,Name,Org",
                "K4,Last,Row,Org");

        assertThatThrownBy(() -> importText("broken.csv", broken))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Line 4")
                .satisfies(e -> assertThat(((ImportException) e).line()).isEqualTo(4));
        assertThat(StoreSnapshot.of(t.store.dsl())).isEqualTo(before);
    }

    @Test
    void invalidTextInAForcedEncodingFailsNamingTheLine() throws Exception {
        byte[] bytes = crlf("code,first_name", "X1,Ana", "X2,Caf\u00e9").getBytes(TextEncoding.WINDOWS_1252);
        Path file = Files2.write(dir, "bad.csv", bytes);
        assertThatThrownBy(() -> t.importer.importFile(
                        file, new RosterImporter.Options(Map.of(), StandardCharsets.UTF_8, false)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Line 3");
        assertThat(t.attendees.count()).isZero();
    }

    @Test
    void fileWithoutCodeColumnIsRefusedWithTheColumnsListed() throws Exception {
        assertThatThrownBy(() -> importText("nocode.csv", crlf("Given,Family", "Ana,Silva")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no attendee code column")
                .hasMessageContaining("Given, Family");
    }

    @Test
    void explicitMappingNamesColumnsTheRecognizerDoesNotKnow() throws Exception {
        Path file = Files2.write(
                dir,
                "custom.csv",
                crlf("Ref,Given,Family,Kind", "R1,Ana,Silva,Speaker"),
                StandardCharsets.UTF_8,
                false);
        ImportReport r = t.importer.importFile(
                file,
                new RosterImporter.Options(
                        ColumnMapping.parseExplicit(List.of("code=Ref", "first=Given", "last=Family", "type=Kind")),
                        null,
                        false));
        assertThat(r.added()).isEqualTo(1);
        Attendee a = t.attendees.findByCode("R1").orElseThrow();
        assertThat(a.firstName()).isEqualTo("Ana");
        assertThat(a.type()).isEqualTo("Speaker");
    }

    @Test
    void cventAndPretixHeadersAreRecognized() throws Exception {
        importText(
                "cvent.csv",
                crlf(
                        "Confirmation Number,First Name,Last Name,Email Address,Company Name,Title,Registration Type,"
                                + "Registration Status",
                        "CV-77,Hodan,Abdi Warsame,h@example.org,Somali Family Services,Case Manager,Attendee,Accepted",
                        "CV-78,Tou,Lee,t@example.org,Hmong American Partnership,,Attendee,Pending"));
        importText(
                "pretix.csv",
                crlf(
                        "Order code,Position ID,Secret,Attendee name: Given name,Attendee name: Family name,Email,"
                                + "Attendee email,Product,Order status",
                        "ABC12,1,s3cr3tqr,Marie-Ève,Tremblay,orders@example.org,marie@example.org,Speaker,Paid",
                        "ABC12,2,s3cr3tqs,Jean-Baptiste,Joseph,orders@example.org,jb@example.org,General Admission,Canceled"));

        Attendee hodan = t.attendees.findByCode("CV-77").orElseThrow();
        assertThat(hodan.status()).isEqualTo(RegistrationStatus.ATTENDING);
        assertThat(hodan.organization()).isEqualTo("Somali Family Services");
        assertThat(t.attendees.findByCode("CV-78").orElseThrow().status()).isEqualTo(RegistrationStatus.PENDING);
        Attendee marie = t.attendees.findByCode("ABC12-1").orElseThrow();
        assertThat(marie.email()).as("the attendee's own email wins").isEqualTo("marie@example.org");
        assertThat(marie.barcode()).isEqualTo("s3cr3tqr");
        assertThat(marie.type()).isEqualTo("Speaker");
        assertThat(t.attendees.findByCode("ABC12-2").orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void reimportUpdatesByCodeKeepsOnSiteEditsAndReportsThem() throws Exception {
        importText(
                "v1.csv",
                crlf(
                        "code,first_name,last_name,badge_name,organization",
                        "E1,Robert,Smith,,Old Org",
                        "E2,Ana,Silva,,Org"));
        t.checkIns.edit("E1", Map.of(AttendeeField.BADGE_NAME, "Bob Smith"));

        ImportReport r = importText(
                "v2.csv",
                crlf(
                        "code,first_name,last_name,badge_name,organization",
                        "E1,Robert,Smith,Rob Smith,New Org",
                        "E2,Ana,Silva,,Org"));

        assertThat(r.updated()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.code()).isEqualTo("E1");
            assertThat(p.reason()).contains("kept the on-site edit of badgeName");
        });
        Attendee e1 = t.attendees.findByCode("E1").orElseThrow();
        assertThat(e1.badgeName()).isEqualTo("Bob Smith");
        assertThat(e1.organization()).isEqualTo("New Org");
    }

    @Test
    void reimportNeverLosesACheckIn() throws Exception {
        importText("v1.csv", crlf("code,first_name,last_name,status", "C1,Ana,Silva,Attending"));
        t.checkIns.checkIn("C1", null);

        importText("v2.csv", crlf("code,first_name,last_name,status", "C1,Ana María,Silva,Attending"));

        assertThat(t.attendees.findByCode("C1").orElseThrow().firstName()).isEqualTo("Ana María");
        assertThat(t.checkIns.arrival("C1").checkedIn()).isTrue();
    }

    @Test
    void dryRunReportsAndChangesNothing() throws Exception {
        Path file = Files2.write(dir, "eventbrite.csv", Exports.MESSY_EVENTBRITE, StandardCharsets.UTF_8, true);
        List<String> before = StoreSnapshot.of(t.store.dsl());

        ImportReport r = t.importer.importFile(file, new RosterImporter.Options(Map.of(), null, true));

        assertThat(r.dryRun()).isTrue();
        assertThat(r.added()).isEqualTo(6);
        assertThat(StoreSnapshot.of(t.store.dsl())).isEqualTo(before);
    }

    @Test
    void barcodeMovesBetweenAttendeesOnlyWhenTheFileSaysSo() throws Exception {
        importText("v1.csv", crlf("code,first_name,barcode", "M1,Ana,QR-1", "M2,Ben,QR-2"));
        ImportReport clash = importText("v2.csv", crlf("code,first_name,barcode", "M3,Cy,QR-1"));
        assertThat(clash.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("already belongs to M1"));
        assertThat(t.attendees.findByBarcode("QR-1").orElseThrow().code()).isEqualTo("M1");

        ImportReport swap = importText("v3.csv", crlf("code,first_name,barcode", "M1,Ana,QR-2", "M2,Ben,QR-1"));
        assertThat(swap.problems()).isEmpty();
        assertThat(t.attendees.findByBarcode("QR-1").orElseThrow().code()).isEqualTo("M2");
        assertThat(t.attendees.findByBarcode("QR-2").orElseThrow().code()).isEqualTo("M1");
    }

    @Test
    void invisibleControlAndBidiOverrideCharactersAreRemovedFromNames() throws Exception {
        importText("bidi.csv", crlf("code,first_name,last_name", "B1,Ana\u202E\u0007,Sil\u2066va"));
        Attendee a = t.attendees.findByCode("B1").orElseThrow();
        assertThat(a.firstName()).isEqualTo("Ana");
        assertThat(a.lastName()).isEqualTo("Silva");
    }

    @Test
    void overlongNameIsReportedNotImported() throws Exception {
        ImportReport r = importText("long.csv", crlf("code,first_name", "L1," + "a".repeat(5000), "L2,Ana"));
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("longer than 300");
        });
    }

    @Test
    void unknownStatusImportsAsPendingAndIsReported() throws Exception {
        ImportReport r = importText("s.csv", crlf("code,first_name,status", "S1,Ana,Maybe"));
        assertThat(t.attendees.findByCode("S1").orElseThrow().status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(r.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("unknown registration status"));
    }

    @Test
    void theDocumentedPlainTemplateImports() throws Exception {
        ImportReport r =
                t.importer.importFile(Path.of("kiosk-config/import-template.csv"), RosterImporter.Options.defaults());
        assertThat(r.added()).isEqualTo(3);
        assertThat(r.problems()).isEmpty();
        Attendee jose = t.attendees.findByCode("NIR-0001").orElseThrow();
        assertThat(jose.barcode()).isEqualTo("QR-0001");
        assertThat(jose.pronouns()).isEqualTo("él");
        assertThat(jose.extra()).containsEntry("track", "Workforce & Economic Inclusion");
        assertThat(t.attendees.findByCode("NIR-0003").orElseThrow().lastName()).isEmpty();
    }
}
