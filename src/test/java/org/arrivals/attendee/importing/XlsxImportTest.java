package org.arrivals.attendee.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.arrivals.attendee.Attendee;
import org.arrivals.testing.Files2;
import org.arrivals.testing.TestStore;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxImportTest {
    @TempDir
    Path dir;

    /** A real .xlsx written by a spreadsheet library, with numeric codes, a blank row and a line break. */
    private static byte[] cventWorkbook() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Cvent", "1.0");
        Worksheet ws = wb.newWorksheet("Registrants");
        String[] header = {
            "Confirmation Number",
            "First Name",
            "Last Name",
            "Company Name",
            "Registration Type",
            "Registration Status",
            "Notes"
        };
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        ws.value(1, 0, 12345678901L);
        ws.value(1, 1, "Widelene");
        ws.value(1, 2, "Pierre-Louis");
        ws.value(1, 3, "Haitian Women's Collective");
        ws.value(1, 4, "Speaker");
        ws.value(1, 5, "Accepted");
        ws.value(1, 6, "Arrives late\nneeds ramp");
        // row 3 left blank on purpose
        ws.value(3, 0, "CV-2");
        ws.value(3, 1, "बहादुर");
        ws.value(3, 2, "गुरुङ");
        ws.value(3, 5, "Cancelled");
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void xlsxImportsWithRowNumbersNumericCodesAndScripts() throws Exception {
        try (TestStore t = new TestStore(dir.resolve("db"))) {
            Path file = Files2.write(dir, "cvent.xlsx", cventWorkbook());

            ImportReport r = t.importer.importFile(file, RosterImporter.Options.defaults());

            assertThat(r.added()).isEqualTo(2);
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).as("the sheet's own row number").isEqualTo(4);
                assertThat(p.reason()).contains("cancelled");
            });
            Attendee w = t.attendees.findByCode("12345678901").orElseThrow();
            assertThat(w.lastName()).isEqualTo("Pierre-Louis");
            assertThat(w.type()).isEqualTo("Speaker");
            assertThat(w.extra()).containsEntry("Notes", "Arrives late\nneeds ramp");
            assertThat(t.attendees.findByCode("CV-2").orElseThrow().firstName()).isEqualTo("बहादुर");
        }
    }

    @Test
    void truncatedWorkbookIsRefusedAndChangesNothing() throws Exception {
        byte[] whole = cventWorkbook();
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        try (TestStore t = new TestStore(dir.resolve("db"))) {
            Path file = Files2.write(dir, "half.xlsx", half);
            assertThatThrownBy(() -> t.importer.importFile(file, RosterImporter.Options.defaults()))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("not a readable Excel workbook");
            assertThat(t.attendees.count()).isZero();
        }
    }
}
