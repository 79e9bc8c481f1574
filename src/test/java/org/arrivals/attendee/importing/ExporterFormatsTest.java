package org.arrivals.attendee.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One file per recognized exporter, built from the columns each exporter documents (see
 * kiosk-config/README.md for where each header comes from), imported without --map.
 */
class ExporterFormatsTest {
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

    static byte[] file(String name) throws Exception {
        try (InputStream in = ExporterFormatsTest.class.getResourceAsStream("formats/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private ImportReport load(String name) throws Exception {
        return t.importer.importBytes(file(name), name, RosterImporter.Options.defaults());
    }

    private Attendee person(String code) {
        return t.attendees.findByCode(code).orElseThrow(() -> new AssertionError("no attendee " + code));
    }

    private RegistrationStatus status(String code) {
        return person(code).status();
    }

    @ParameterizedTest
    @CsvSource({
        "eventbrite-us.csv, eventbrite, 5",
        "eventbrite-uk.csv, eventbrite, 3",
        "eventbrite-ca.csv, eventbrite, 2",
        "eventbrite-au.csv, eventbrite, 2",
        "eventbrite-es.csv, eventbrite, 5",
        "eventbrite-fr.csv, eventbrite, 5",
        "pretix-checkin.csv, pretix, 4",
        "pretix-checkin-no-secret.csv, pretix, 4",
        "pretix-orders.csv, pretix, 4",
        "cvent.csv, cvent, 4",
        "tito.csv, tito, 3",
        "hievents.csv, hievents, 3",
        "luma.csv, luma, 4",
        "indico.csv, indico, 5",
        "full-name.csv, other, 10"
    })
    void everyExportImportsWithoutAMapAndSaysWhatItIs(String name, String format, int people) throws Exception {
        ImportReport r = load(name);

        assertThat(r.format().id()).isEqualTo(format);
        assertThat(r.added()).as(name + ": " + r.problems()).isEqualTo(people);
        assertThat(r.problems())
                .as("only status notes, nothing dropped")
                .allSatisfy(p -> assertThat(p.reason()).startsWith("registration "));
        assertThat(r.columns().keySet()).contains("code").containsAnyOf("first", "name");
    }

    @Test
    void thePlainTemplateIsRecognizedAsTheTemplate() throws Exception {
        ImportReport r =
                t.importer.importFile(Path.of("kiosk-config/import-template.csv"), RosterImporter.Options.defaults());
        assertThat(r.format()).isEqualTo(SourceFormat.TEMPLATE);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void eventbriteUsReportFillsEveryFieldAndKeepsPrefixAndSuffixAsExtras() throws Exception {
        ImportReport r = load("eventbrite-us.csv");

        assertThat(r.columns())
                .containsEntry("code", "Attendee #")
                .containsEntry("barcode", "Barcode #")
                .containsEntry("first", "First Name")
                .containsEntry("last", "Last Name")
                .containsEntry("email", "Email")
                .containsEntry("org", "Company")
                .containsEntry("title", "Job Title")
                .containsEntry("type", "Ticket Type")
                .containsEntry("status", "Attendee Status")
                .containsEntry("order", "Order #")
                .containsEntry("prefix", "Prefix");
        Attendee amara = person("8820001001");
        assertThat(amara.displayName()).isEqualTo("Amara Okafor");
        assertThat(amara.barcode()).isEqualTo("882000100110001001");
        assertThat(amara.organization()).isEqualTo("Welcome Ohio, Inc.");
        assertThat(amara.type()).isEqualTo("Speaker");
        assertThat(amara.extra())
                .containsEntry("Prefix", "Dr.")
                .containsEntry("Order #", "4410001001")
                .containsEntry("Dietary needs", "Vegetarian");
        assertThat(person("8820001002").lastName()).isEqualTo("de la Cruz");
        assertThat(person("8820001002").extra()).containsEntry("Suffix", "Jr.");
        assertThat(status("8820001002")).as("Checked In").isEqualTo(RegistrationStatus.ATTENDING);
        assertThat(status("8820001003")).as("Not Attending").isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status("8820001004")).isEqualTo(RegistrationStatus.REFUNDED);
        assertThat(status("8820001005")).as("Transferred").isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void eventbriteOutsideTheUsReadsAttendeeNoOrderNoAndSurname() throws Exception {
        ImportReport uk = load("eventbrite-uk.csv");
        assertThat(uk.columns())
                .containsEntry("code", "Attendee no.")
                .containsEntry("order", "Order no.")
                .containsEntry("last", "Surname")
                .containsEntry("barcode", "Barcode no.");
        assertThat(person("9920002001").lastName()).isEqualTo("Ní Bhriain");
        assertThat(person("9920002002").firstName())
                .as("second ticket of the order")
                .isEqualTo("Kwame");
        assertThat(status("9920002003")).isEqualTo(RegistrationStatus.CANCELLED);

        load("eventbrite-au.csv");
        assertThat(person("6640004001").lastName()).isEqualTo("Te Rangi");
        load("eventbrite-ca.csv");
        assertThat(person("7730003001").barcode()).isEqualTo("773000300110003001");
    }

    @Test
    void eventbriteInSpanishAndFrenchWithTheirStatuses() throws Exception {
        ImportReport es = load("eventbrite-es.csv");
        assertThat(es.columns())
                .containsEntry("code", "N.º de asistente")
                .containsEntry("first", "Nombre")
                .containsEntry("last", "Apellidos")
                .containsEntry("barcode", "N.º de código de barras")
                .containsEntry("status", "Estado del asistente");
        assertThat(person("5520005001").displayName()).isEqualTo("María José Hernández López");
        assertThat(person("5520005001").organization()).isEqualTo("Red de Acogida de Madrid");
        assertThat(status("5520005001")).isEqualTo(RegistrationStatus.ATTENDING);
        assertThat(status("5520005002")).as("Check-in realizado").isEqualTo(RegistrationStatus.ATTENDING);
        assertThat(status("5520005003")).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status("5520005004")).isEqualTo(RegistrationStatus.REFUNDED);
        assertThat(status("5520005005")).as("En lista de espera").isEqualTo(RegistrationStatus.PENDING);

        ImportReport fr = load("eventbrite-fr.csv");
        assertThat(fr.columns())
                .containsEntry("code", "N° de participant")
                .containsEntry("first", "Prénom")
                .containsEntry("last", "Nom")
                .containsEntry("email", "E-mail")
                .containsEntry("status", "Statut du participant");
        assertThat(person("4430006001").title()).isEqualTo("Chercheuse");
        assertThat(status("4430006001")).isEqualTo(RegistrationStatus.ATTENDING);
        assertThat(status("4430006002")).as("Enregistré").isEqualTo(RegistrationStatus.ATTENDING);
        assertThat(status("4430006003")).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status("4430006004")).isEqualTo(RegistrationStatus.REFUNDED);
        assertThat(status("4430006005")).as("Refusé").isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void pretixOrderOfThreeTicketsIsThreePeopleCodedByTheirSecrets() throws Exception {
        ImportReport r = load("pretix-checkin.csv");

        assertThat(r.added()).isEqualTo(4);
        assertThat(r.columns())
                .containsEntry("code", "Secret")
                .containsEntry("barcode", "Secret")
                .containsEntry("order", "Order code")
                .containsEntry("first", "Attendee name: First name")
                .containsEntry("last", "Attendee name: Family name")
                .containsEntry("prefix", "Attendee name: Title")
                .containsEntry("middle", "Attendee name: Middle name")
                .containsEntry("name", "Attendee name");
        assertThat(r.warnings())
                .extracting(ImportWarning::kind, ImportWarning::column)
                .containsExactly(
                        tuple(ImportWarning.Kind.NO_STATUS_COLUMN, null),
                        tuple(ImportWarning.Kind.TICKET_CODES_FROM_COLUMN, "Secret"));
        Attendee amina =
                t.attendees.findByBarcode("hutjztuxhkbtwnesv2suqv26k6ttyfoo1").orElseThrow();
        assertThat(amina.firstName()).as("given name, not the family name").isEqualTo("Amina");
        assertThat(amina.lastName()).isEqualTo("Hassan");
        assertThat(amina.extra())
                .containsEntry("Attendee name: Title", "Dr")
                .containsEntry("Attendee name: Middle name", "Yusuf")
                .containsEntry("Order code", "FOO");
        assertThat(amina.type()).isEqualTo("Speaker");
        assertThat(amina.organization()).isEqualTo("Somali Family Services");
        assertThat(t.attendees.all())
                .filteredOn(a -> "FOO".equals(a.extra().get("Order code")))
                .extracting(Attendee::displayName)
                .containsExactlyInAnyOrder("Amina Hassan", "Sam Lee", "Tou Vang");
        assertThat(t.attendees.all()).allSatisfy(a -> assertThat(a.status()).isEqualTo(RegistrationStatus.ATTENDING));
    }

    @Test
    void pretixOrderWithoutAPerTicketColumnNumbersTheTicketsAndSaysSo() throws Exception {
        ImportReport r = load("pretix-checkin-no-secret.csv");

        assertThat(r.added()).isEqualTo(4);
        assertThat(r.columns()).containsEntry("code", "Order code");
        assertThat(r.warnings()).extracting(ImportWarning::kind).contains(ImportWarning.Kind.TICKET_CODES_NUMBERED);
        assertThat(person("FOO-1").displayName()).isEqualTo("Amina Hassan");
        assertThat(person("FOO-2").displayName()).isEqualTo("Sam Lee");
        assertThat(person("FOO-3").displayName()).isEqualTo("Tou Vang");
        assertThat(person("BAR-1").displayName()).isEqualTo("Andrea Zulu");

        ImportReport again = load("pretix-checkin-no-secret.csv");
        assertThat(again.unchanged()).as("the numbering is stable").isEqualTo(4);
    }

    @Test
    void theSamePersonTwiceInOneOrderIsStillADuplicate() throws Exception {
        String text = "\"Order code\",\"Attendee name\",\"Product\"\r\n"
                + "\"FOO\",\"Ana Silva\",\"Ticket\"\r\n"
                + "\"FOO\",\"Ben Okoro\",\"Ticket\"\r\n"
                + "\"FOO\",\"Ana Silva\",\"Ticket\"\r\n";
        ImportReport r = t.importer.importBytes(
                text.getBytes(StandardCharsets.UTF_8), "dup.csv", RosterImporter.Options.defaults());

        assertThat(r.added()).isEqualTo(2);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.code()).isEqualTo("FOO-1");
            assertThat(p.reason()).contains("duplicate code").contains("line 2");
        });
    }

    @Test
    void pretixOrderDataExportJoinsOrderAndPositionAndPrefersTheAttendeesOwnColumns() throws Exception {
        ImportReport r = load("pretix-orders.csv");

        assertThat(r.columns())
                .containsEntry("code", "Order code")
                .containsEntry("position", "Position ID")
                .containsEntry("barcode", "Ticket secret")
                .containsEntry("email", "Attendee email")
                .containsEntry("first", "Attendee name: Given name")
                .containsEntry("status", "Status");
        Attendee hodan = person("Q7XKP-1");
        assertThat(hodan.email()).isEqualTo("hodan@example.org");
        assertThat(hodan.lastName()).as("not the buyer's invoice name").isEqualTo("Abdi Warsame");
        assertThat(hodan.organization()).isEqualTo("Somali Family Services");
        assertThat(person("Q7XKP-2").firstName()).isEqualTo("Chue");
        assertThat(status("ZZ9AB-1")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status("CC1DE-1")).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(t.attendees
                        .findByBarcode("yl30gk4mt1el4kg9t3le0g4k3lq7xkp2")
                        .orElseThrow()
                        .code())
                .isEqualTo("Q7XKP-2");
    }

    @Test
    void cventTitoHiEventsAndIndico() throws Exception {
        load("cvent.csv");
        assertThat(person("CV7K2M9P4Q").title()).isEqualTo("Case Manager");
        assertThat(status("CV3J8N1R6T")).as("Declined").isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status("CV5H2W7X0Z")).as("Waitlisted").isEqualTo(RegistrationStatus.PENDING);
        assertThat(person("CV3J8N1R6T").extra()).containsEntry("Prefix", "Ms.");

        ImportReport tito = load("tito.csv");
        assertThat(tito.columns())
                .containsEntry("code", "Ticket Reference")
                .containsEntry("first", "Ticket First Name")
                .containsEntry("email", "Ticket Email")
                .containsEntry("org", "Ticket Company Name")
                .containsEntry("type", "Ticket")
                .containsEntry("order", "Order Reference");
        assertThat(tito.warnings())
                .extracting(ImportWarning::kind)
                .containsExactly(ImportWarning.Kind.NO_STATUS_COLUMN);
        assertThat(person("QWER-2").displayName()).isEqualTo("Farid Karimi");
        assertThat(person("QWER-2").email()).as("the ticket's, not the order's").isEqualTo("farid@example.org");
        assertThat(status("QWER-2")).isEqualTo(RegistrationStatus.ATTENDING);

        ImportReport hi = load("hievents.csv");
        assertThat(hi.columns()).containsEntry("code", "Public ID").containsEntry("type", "Product Name");
        assertThat(person("A-7FK2QX9M").extra()).containsEntry("ID", "101").containsEntry("Dietary needs", "Vegan");
        assertThat(status("A-3JD8WP1L")).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status("A-9ZT4RV6C")).as("AWAITING_PAYMENT").isEqualTo(RegistrationStatus.PENDING);

        ImportReport indico = load("indico.csv");
        assertThat(indico.columns())
                .containsEntry("code", "ID")
                .containsEntry("prefix", "Title")
                .containsEntry("title", "Position")
                .containsEntry("org", "Affiliation")
                .containsEntry("status", "Registration state");
        assertThat(person("1").title()).as("Indico's Title is a salutation").isEqualTo("Physicist");
        assertThat(person("1").extra()).containsEntry("Title", "Dr");
        assertThat(status("2")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status("3")).as("Rejected").isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status("4")).as("Withdrawn").isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status("5")).as("Awaiting payment").isEqualTo(RegistrationStatus.PENDING);
    }

    @Test
    void lumaSnakeCaseExportWithADeclinedGuestBlocked() throws Exception {
        ImportReport r = load("luma.csv");

        assertThat(r.columns())
                .containsEntry("code", "api_id")
                .containsEntry("first", "first_name")
                .containsEntry("last", "last_name")
                .containsEntry("barcode", "qr_code_url")
                .containsEntry("status", "approval_status")
                .containsEntry("type", "ticket_name");
        assertThat(status("gst-k2J8fQ1xLm")).isEqualTo(RegistrationStatus.ATTENDING);
        assertThat(status("gst-p9R3sT6uVw")).as("declined").isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status("gst-a1B2c3D4e5")).as("pending_approval").isEqualTo(RegistrationStatus.PENDING);
        assertThat(status("gst-f6G7h8I9j0")).as("waitlist").isEqualTo(RegistrationStatus.PENDING);
        assertThat(r.problems())
                .extracting(ImportProblem::line, ImportProblem::code)
                .contains(tuple(3L, "gst-p9R3sT6uVw"));
        assertThat(t.attendees
                        .findByBarcode("https://lu.ma/check-in/evt-7Hq2Lx9?pk=g-k2J8fQ1xLm")
                        .orElseThrow()
                        .displayName())
                .isEqualTo("Ada Okonkwo");
        assertThat(person("gst-f6G7h8I9j0").type()).isEqualTo("Speaker");
    }

    @Test
    void aWholeNameColumnIsSplitByTheBadgesRulesAndPrintsAsWritten() throws Exception {
        ImportReport r = load("full-name.csv");

        assertThat(r.warnings())
                .extracting(ImportWarning::kind, ImportWarning::column)
                .containsExactly(tuple(ImportWarning.Kind.FULL_NAMES_SPLIT, "Full Name"));
        assertThat(List.of("FN-1", "FN-2", "FN-3", "FN-4", "FN-5", "FN-6", "FN-7", "FN-8", "FN-9", "FN-10"))
                .extracting(c -> List.of(person(c).firstName(), person(c).lastName()))
                .containsExactly(
                        List.of("小明", "王"),
                        List.of("민준", "김"),
                        List.of("María", "de la Cruz"),
                        List.of("Ludwig", "van der Berg"),
                        List.of("Suharto", ""),
                        List.of("José Luis Martínez", "García"),
                        List.of("娜娜", "欧阳"),
                        List.of("Seán", "Ó Briain"),
                        List.of("ကျော်ဇော်ဝင်း", ""),
                        List.of("محمد", "عبد الله"));
        assertThat(person("FN-1").displayName()).isEqualTo("王小明");
        assertThat(person("FN-3").displayName()).isEqualTo("María de la Cruz");
        assertThat(person("FN-7").displayName()).isEqualTo("欧阳娜娜");
    }

    @Test
    void noStatusColumnImportsEveryoneAsAttendingWithAWarningNotAnError() throws Exception {
        String text = "code,first_name,last_name\r\nS1,Ana,Silva\r\nS2,Ben,Okoro\r\n";
        ImportReport r = t.importer.importBytes(
                text.getBytes(StandardCharsets.UTF_8), "plain.csv", RosterImporter.Options.defaults());

        assertThat(r.added()).isEqualTo(2);
        assertThat(r.problems()).isEmpty();
        assertThat(r.warnings()).containsExactly(new ImportWarning(ImportWarning.Kind.NO_STATUS_COLUMN, null));
        assertThat(status("S1")).isEqualTo(RegistrationStatus.ATTENDING);
    }

    @Test
    void anExplicitMapStillOverridesTheRecognizedColumns() throws Exception {
        ImportReport r = t.importer.importBytes(
                file("luma.csv"),
                "luma.csv",
                new RosterImporter.Options(
                        ColumnMapping.parseExplicit(List.of("code=email", "barcode=api_id")), null, true));

        assertThat(r.columns()).containsEntry("code", "email").containsEntry("barcode", "api_id");
        assertThat(r.columns()).doesNotContainKey("email");
        assertThat(r.added()).isEqualTo(4);
    }
}
