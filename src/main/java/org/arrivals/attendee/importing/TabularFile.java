package org.arrivals.attendee.importing;

import java.util.List;

/**
 * A spreadsheet-shaped file read whole: its header and its data rows, each with the line (CSV) or
 * row (XLSX) it started on, so every problem can name the place a person would look.
 */
public record TabularFile(List<String> header, List<Row> rows, String description) {

    public record Row(long line, List<String> cells) {
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }
}
