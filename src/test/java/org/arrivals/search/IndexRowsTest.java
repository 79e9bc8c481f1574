package org.arrivals.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeField;
import org.arrivals.attendee.WalkIn;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's index is built from the store's lean read ({@code AttendeeStore.forIndex}): it must
 * answer every query exactly as an index built from the full roster ({@code all()}) does, edits
 * and walk-ins included.
 */
class IndexRowsTest {
    @TempDir
    Path dir;

    @Test
    void theLeanReadGivesTheSameIndexAsTheFullRoster() throws Exception {
        try (TestStore t = new TestStore(dir)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(buf, StandardCharsets.UTF_8)) {
                DemoEventGenerator.writeCsv(w, 5, 3000);
            }
            t.importer.importBytes(buf.toByteArray(), "roster.csv", RosterImporter.Options.defaults());
            List<Attendee> all = t.attendees.all();
            t.checkIns.edit(all.get(10).code(), Map.of(AttendeeField.FIRST, "Zoë", AttendeeField.ORG, "Ökobüro"));
            t.checkIns.edit(all.get(11).code(), Map.of(AttendeeField.LAST, "Nguyễn", AttendeeField.EMAIL, "x@y.org"));
            t.checkIns.edit(
                    all.get(12).code(), Map.of(AttendeeField.BADGE_NAME, "Chema", AttendeeField.TYPE, "Speaker"));
            t.checkIns.edit(all.get(13).code(), Map.of(AttendeeField.PRONOUNS, "they/them"));
            t.checkIns.registerWalkIn(
                    new WalkIn("Ada", "Lovelace", null, null, "ada@example.org", "Analytical", null, "Attendee"));
            all = t.attendees.all();

            List<Attendee> lean = t.attendees.forIndex();
            assertThat(lean).hasSameSizeAs(all);
            // what the index reads is the same, person by person
            Comparator<Attendee> byCode = Comparator.comparing(Attendee::code);
            List<Attendee> a = all.stream().sorted(byCode).toList();
            List<Attendee> b = lean.stream().sorted(byCode).toList();
            for (int i = 0; i < a.size(); i++) {
                assertThat(indexed(b.get(i))).isEqualTo(indexed(a.get(i)));
            }

            SearchIndex full = SearchIndex.build(all);
            SearchIndex leanIndex = SearchIndex.build(lean);
            List<String> queries =
                    new ArrayList<>(List.of("Zoë", "zoe", "Ökob", "nguyen", "x@y.org", "Chema", "Ada Love", "they"));
            Random random = new Random(3);
            for (int i = 0; i < 300; i++) {
                Attendee p = all.get(random.nextInt(all.size()));
                String name = p.firstName() + " " + p.lastName();
                queries.add(name.substring(0, 1 + random.nextInt(name.length())));
                queries.add(p.code());
                if (p.email() != null) {
                    queries.add(p.email());
                }
                if (p.organization() != null) {
                    queries.add(p.organization());
                }
            }
            for (String q : queries) {
                assertThat(leanIndex.search(q, 20)).as(q).isEqualTo(full.search(q, 20));
            }
        }
    }

    private static List<Object> indexed(Attendee a) {
        return java.util.Arrays.asList(
                a.id(),
                a.code(),
                a.firstName(),
                a.lastName(),
                a.badgeName(),
                a.pronouns(),
                a.email(),
                a.organization(),
                a.type(),
                a.status(),
                a.walkIn());
    }
}
