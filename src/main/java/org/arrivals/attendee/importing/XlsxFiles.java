package org.arrivals.attendee.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Reads the first sheet of an .xlsx workbook into a {@link TabularFile}; "line" means the sheet's row number. */
final class XlsxFiles {
    private XlsxFiles() {}

    static boolean looksLikeXlsx(byte[] bytes) {
        return bytes.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(bytes);
    }

    static boolean looksLikeOldExcel(byte[] bytes) {
        return bytes.length >= 8 && ReadableWorkbook.isOLE2Header(bytes);
    }

    static TabularFile parse(byte[] bytes, String description) throws ImportException {
        List<TabularFile.Row> rows = new ArrayList<>();
        List<String> header = null;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) sheet::iterator) {
                List<String> cells = cells(row);
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                } else {
                    rows.add(new TabularFile.Row(row.getRowNum(), cells));
                    ImportLimits.checkRows(rows.size(), description);
                }
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportException(
                    description + " is not a readable Excel workbook (" + e.getMessage()
                            + "). Open it in a spreadsheet program and save it again as .xlsx or .csv.",
                    0,
                    e);
        }
        if (header == null) {
            throw new ImportException(description + " is empty: its first sheet has no header row.", 1);
        }
        return new TabularFile(header, rows, description);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    /** Registration numbers arrive as numeric cells; write them the way a person typed them, not as 1.2E7. */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }
}
