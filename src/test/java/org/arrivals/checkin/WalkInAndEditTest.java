package org.arrivals.checkin;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.WalkIn;
import org.arrivals.attendee.importing.ImportReport;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.sync.protocol.EventKind;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkInAndEditTest {
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

    private ImportReport importRoster(String name, String... lines) throws Exception {
        return t.importer.importFile(
                Files2.write(dir, name, crlf(lines), StandardCharsets.UTF_8, false), RosterImporter.Options.defaults());
    }

    @Test
    void walkInGetsAFreshCodeIsMarkedAndCanCheckIn() {
        Attendee a = t.checkIns.registerWalkIn(
                new WalkIn("  Amina ", "Yusuf", null, "she/her", null, "Somali Bantu Association", null, null));
        Attendee b = t.checkIns.registerWalkIn(new WalkIn("Thiha", null, null, null, null, null, null, "Press"));

        assertThat(a.code()).matches("W-[A-Z2-7]{7}");
        assertThat(b.code()).isNotEqualTo(a.code());
        assertThat(a.walkIn()).isTrue();
        assertThat(a.firstName()).isEqualTo("Amina");
        assertThat(a.type()).isEqualTo("General Admission");
        assertThat(b.lastName()).as("a single name").isEmpty();
        assertThat(b.type()).isEqualTo("Press");
        assertThat(t.arrivals.events(a.code())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.WALK_IN_REGISTERED);
            assertThat(e.details()).contains("Somali Bantu Association");
        });
        assertThat(t.checkIns.checkIn(a.code(), null).outcome()).isEqualTo(CheckInResult.Outcome.CHECKED_IN);
    }

    @Test
    void walkInWithoutAnyNameIsRefused() {
        assertThatThrownBy(() -> new WalkIn(" ", "Lee", null, null, null, null, null, null))
                .hasMessageContaining("first name");
    }

    @Test
    void editsAreEventsWithOldAndNewValuesAndSurviveReimport() throws Exception {
        importRoster("v1.csv", "code,first_name,last_name,organization", "E1,Jhon,Smith,Old Org");

        Attendee fixed = t.checkIns.edit("E1", Map.of(AttendeeField.FIRST, "John", AttendeeField.BADGE_NAME, "Johnny"));

        assertThat(fixed.firstName()).isEqualTo("John");
        assertThat(fixed.badgeName()).isEqualTo("Johnny");
        assertThat(t.arrivals.events("E1"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.kind()).isEqualTo(EventKind.ATTENDEE_EDITED));
        assertThat(t.arrivals.events("E1"))
                .anySatisfy(e -> assertThat(e.details())
                        .contains("\"field\":\"first\"")
                        .contains("\"old\":\"Jhon\"")
                        .contains("\"new\":\"John\""));

        ImportReport again = importRoster("v2.csv", "code,first_name,last_name,organization", "E1,Jhon,Smith,New Org");
        Attendee after = t.attendees.findByCode("E1").orElseThrow();
        assertThat(after.firstName()).as("the desk's correction stands").isEqualTo("John");
        assertThat(after.organization()).isEqualTo("New Org");
        assertThat(again.updated()).isEqualTo(1);
    }

    @Test
    void editingToTheSameValueRecordsNothingAndIdsAreNotEditable() throws Exception {
        importRoster("v1.csv", "code,first_name,last_name", "E2,Ana,Silva");
        t.checkIns.edit("E2", Map.of(AttendeeField.FIRST, "Ana"));
        assertThat(t.arrivals.events("E2")).isEmpty();
        assertThatThrownBy(() -> t.checkIns.edit("E2", Map.of(AttendeeField.CODE, "X")))
                .hasMessageContaining("cannot be edited");
        assertThatThrownBy(() -> t.checkIns.edit("NOPE", Map.of(AttendeeField.FIRST, "X")))
                .hasMessageContaining("No attendee");
    }

    @Test
    void removingAnEditRestoresTheImportedValue() throws Exception {
        importRoster("v1.csv", "code,first_name,last_name,badge_name", "E3,Robert,Smith,");
        t.checkIns.edit("E3", Map.of(AttendeeField.BADGE_NAME, "Bob"));
        Attendee back = t.checkIns.edit("E3", Map.of(AttendeeField.BADGE_NAME, ""));
        assertThat(back.badgeName()).isNull();
        assertThat(back.displayName()).isEqualTo("Robert Smith");
    }

    @Test
    void statsCountArrivedAgainstExpectedByTypeAndPerQuarterHour() throws Exception {
        importRoster(
                "v1.csv",
                "code,first_name,type,status",
                "S1,Ana,Speaker,",
                "S2,Ben,Speaker,",
                "G1,Cy,,",
                "G2,Di,,Cancelled");
        t.checkIns.checkIn("S1", null);
        t.checkIns.checkIn("G2", "paid at the door");
        Stats s = t.stats.stats();
        assertThat(s.arrived()).isEqualTo(2);
        assertThat(s.expected()).isEqualTo(3);
        assertThat(s.byType().get("Speaker")).isEqualTo(new Stats.TypeCount(1, 2));
        assertThat(s.byType().get("General Admission")).isEqualTo(new Stats.TypeCount(1, 1));
        assertThat(s.per15min()).singleElement().satisfies(b -> {
            assertThat(b.count()).isEqualTo(2);
            assertThat(b.start().toString()).isEqualTo("2026-11-22T08:30Z");
        });
    }
}
