package org.arrivals.attendee.export;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arrivals.attendee.importing.ImportReport;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterExportTest {
    @TempDir
    Path dir;

    @Test
    void exportNeutralizesFormulasCarriesArrivalStateAndReimportsUnchanged() throws Exception {
        try (TestStore t = new TestStore(dir.resolve("db"))) {
            t.importer.importFile(
                    Files2.write(
                            dir,
                            "in.csv",
                            crlf(
                                    "code,first_name,last_name,organization,title,Dietary",
                                    "X1,Ana,Silva,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",+1 555,Vegan",
                                    "X2,محمد,عبد الله,@SUM(A1),-2,",
                                    "X3,王,小明,\"Org, Inc.\",Director,"),
                            StandardCharsets.UTF_8,
                            false),
                    RosterImporter.Options.defaults());
            t.checkIns.checkIn("X2", null);
            RosterExport export = new RosterExport(t.attendees, t.arrivals);
            Path out = dir.resolve("export.csv");

            assertThat(export.write(out)).isEqualTo(3);

            byte[] bytes = Files.readAllBytes(out);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text)
                    .contains("'=HYPERLINK")
                    .contains("'+1 555")
                    .contains("'@SUM(A1)")
                    .contains("'-2")
                    .doesNotContain(",=")
                    .doesNotContain(",+")
                    .doesNotContain(",@");
            String arrived =
                    text.lines().filter(l -> l.startsWith("X2,")).findFirst().orElseThrow();
            assertThat(arrived).contains("محمد").contains(",yes,2026-11-22T08:30Z,desk-1");
            assertThat(text.lines().filter(l -> l.startsWith("X1,")).findFirst().orElseThrow())
                    .contains(",no,,");
            assertThat(text).contains("\"Org, Inc.\"").contains("Vegan");
            assertThat(dir).isDirectoryNotContaining("glob:**.part");

            // The export reads back as a roster: the same people, the same codes.
            try (TestStore other = new TestStore(dir.resolve("db2"))) {
                ImportReport r = other.importer.importFile(out, RosterImporter.Options.defaults());
                assertThat(r.added()).isEqualTo(3);
                assertThat(other.attendees.findByCode("X3").orElseThrow().organization())
                        .isEqualTo("Org, Inc.");
            }
        }
    }

    @Test
    void spreadsheetSafeCellLeavesOrdinaryTextAlone() {
        assertThat(SpreadsheetSafe.cell("Nguyễn")).isEqualTo("Nguyễn");
        assertThat(SpreadsheetSafe.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetSafe.cell("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetSafe.cell(null)).isEmpty();
    }

    @Test
    void exportKeepsTheSourcesExtraColumnsInTheirOrderEvenWhenTheFirstRowsLeaveSomeEmpty() throws Exception {
        try (TestStore t = new TestStore(dir.resolve("db"))) {
            // The first rows have no value in the earlier columns, so a first-seen order would be
            // Track, Zone, Dietary, Arrival; the file says Arrival, Dietary, Zone, Track.
            t.importer.importFile(
                    Files2.write(
                            dir,
                            "order.csv",
                            crlf(
                                    "code,first_name,Arrival,Dietary,Zone,Track",
                                    "O1,Ana,,,,Health",
                                    "O2,Ben,,,B,Youth",
                                    "O3,Cy,,Vegan,,Health",
                                    "O4,Di,Monday,,,",
                                    "O5,Ed,Tuesday,Halal,A,Youth"),
                            StandardCharsets.UTF_8,
                            false),
                    RosterImporter.Options.defaults());
            Path out = dir.resolve("export.csv");

            new RosterExport(t.attendees, t.arrivals).write(out);

            String header = Files.readString(out, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElseThrow();
            assertThat(header).endsWith(",checked_in_station,Arrival,Dietary,Zone,Track");
        }
    }

    @Test
    void columnOrderMergesEveryRowsPieceOfTheHeader() {
        assertThat(ColumnOrder.merge(List.of(List.of("D"), List.of("C", "D"), List.of("A", "B", "C"))))
                .containsExactly("A", "B", "C", "D");
        assertThat(ColumnOrder.merge(List.of(List.of("A", "B"), List.of("B", "A"))))
                .as("two files that disagree still give every column once")
                .containsExactlyInAnyOrder("A", "B");
    }
}
