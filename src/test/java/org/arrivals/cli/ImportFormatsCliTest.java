package org.arrivals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporters' files through the command line: the dry run shows the mapping, scans check people in. */
class ImportFormatsCliTest {
    @TempDir
    Path dir;

    private String home() {
        return dir.resolve("home").toString();
    }

    private Path copy(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/org/arrivals/attendee/importing/formats/" + name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void dryRunJsonNamesTheFormatAndEachFieldsColumn() throws Exception {
        Path file = copy("eventbrite-uk.csv");

        CliRun r = CliRun.of("--home", home(), "import", file.toString(), "--dry-run", "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("format").asText()).isEqualTo("eventbrite");
        JsonNode columns = doc.get("columns");
        assertThat(columns.get("code").asText()).isEqualTo("Attendee no.");
        assertThat(columns.get("first").asText()).isEqualTo("First Name");
        assertThat(columns.get("last").asText()).isEqualTo("Surname");
        assertThat(columns.get("barcode").asText()).isEqualTo("Barcode no.");
        assertThat(doc.get("added").asInt()).isEqualTo(3);
        assertThat(CliRun.of("--home", home(), "search", "kwame", "--json").json())
                .as("a dry run changes nothing")
                .isEmpty();
    }

    @Test
    void dryRunTextPrintsTheMappingAsATableAndTheWarnings() throws Exception {
        Path file = copy("pretix-checkin.csv");

        CliRun r = CliRun.of("--home", home(), "import", file.toString(), "--dry-run");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Dry run (nothing changed): 4 added")
                .contains("Format: pretix")
                .containsPattern("(?m)^  field +column$")
                .containsPattern("(?m)^  code +Secret$")
                .containsPattern("(?m)^  first +Attendee name: First name$")
                .containsPattern("(?m)^  last +Attendee name: Family name$")
                .contains("Warning: the file has no status column: everyone was imported as attending")
                .contains("Warning: the order code repeats for different people");
    }

    @Test
    void mapStillOverridesARecognizedField() throws Exception {
        Path file = copy("eventbrite-uk.csv");

        CliRun r = CliRun.of(
                "--home", home(), "import", file.toString(), "--dry-run", "--json", "--map", "code=Barcode no.");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("columns").get("code").asText()).isEqualTo("Barcode no.");
        assertThat(r.json().get("columns").has("barcode")).isFalse();
    }

    @Test
    void scanningTheTicketFromTheRegistrationEmailChecksThePersonIn() throws Exception {
        for (String f : new String[] {"pretix-checkin.csv", "eventbrite-us.csv", "luma.csv", "tito.csv"}) {
            CliRun imp = CliRun.of("--home", home(), "import", copy(f).toString());
            assertThat(imp.exit()).as(f + ": " + imp.err()).isZero();
        }
        String[][] scans = {
            {"hutjztuxhkbtwnesv2suqv26k6ttyfoo1", "Amina"}, // pretix Secret
            {"q8s7d6f5g4h3j2k1l0zxcvbnmasdfoo3", "Tou"}, // the third ticket of the same order
            {"882000100110001001", "Amara"}, // Eventbrite Barcode #
            {"https://lu.ma/check-in/evt-7Hq2Lx9?pk=g-k2J8fQ1xLm", "Ada"}, // Luma check-in QR
            {"QWER-2", "Farid"} // Tito ticket reference
        };
        for (String[] scan : scans) {
            CliRun c = CliRun.of("--home", home(), "checkin", scan[0], "--json");
            assertThat(c.exit()).as(scan[0] + ": " + c.out() + c.err()).isZero();
            assertThat(c.out()).as(scan[0]).contains(scan[1]);
        }
        CliRun declined = CliRun.of("--home", home(), "checkin", "https://lu.ma/check-in/evt-7Hq2Lx9?pk=g-p9R3sT6uVw");
        assertThat(declined.exit()).as("Luma's declined guest is blocked").isEqualTo(5);
    }
}
