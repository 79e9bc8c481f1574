package org.arrivals.attendee.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFilesTest {
    @Test
    void quotedCommasLineBreaksAndBlankLinesKeepTheirLineNumbers() throws Exception {
        String text =
                "code,name,notes\r\n\r\nA,\"Smith, Jr.\",\"two\r\nlines\"\r\n\r\n,,\r\nB,Lee,\"He said \"\"hi\"\"\"\r\n";
        TabularFile f = CsvFiles.parse(text, "t.csv");
        assertThat(f.header()).containsExactly("code", "name", "notes");
        assertThat(f.rows()).extracting(TabularFile.Row::line).containsExactly(3L, 7L);
        assertThat(f.rows().get(0).cells()).containsExactly("A", "Smith, Jr.", "two\r\nlines");
        assertThat(f.rows().get(1).cell(2)).isEqualTo("He said \"hi\"");
        assertThat(f.rows().get(1).cell(9)).as("missing cells read as empty").isEmpty();
    }

    @Test
    void semicolonAndTabSeparatedExportsAreRecognized() throws Exception {
        assertThat(CsvFiles.parse("code;name\n1;Ana; Maria\n", "s.csv")
                        .rows()
                        .get(0)
                        .cells())
                .containsExactly("1", "Ana", " Maria");
        assertThat(CsvFiles.parse("code\tname\n1\tAna, Maria\n", "t.tsv")
                        .rows()
                        .get(0)
                        .cells())
                .containsExactly("1", "Ana, Maria");
    }

    @Test
    void unterminatedQuoteNamesTheLineItOpenedOn() {
        assertThatThrownBy(() -> CsvFiles.parse("a,b\n1,2\n3,\"open\n4,5\n6,7\n", "u.csv"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Line 3")
                .hasMessageContaining("never closes");
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithItsLine() {
        assertThatThrownBy(() -> CsvFiles.parse("a,b\n1,2\n3,\"x\"y\n", "q.csv"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void quoteInsideAnUnquotedFieldIsText() throws Exception {
        TabularFile f = CsvFiles.parse("a,b\n1,5\" tall\n", "x.csv");
        assertThat(f.rows().get(0).cells()).isEqualTo(List.of("1", "5\" tall"));
    }

    @Test
    void emptyFileHasNoHeader() {
        assertThatThrownBy(() -> CsvFiles.parse("\r\n\r\n", "e.csv")).hasMessageContaining("no header");
    }
}
