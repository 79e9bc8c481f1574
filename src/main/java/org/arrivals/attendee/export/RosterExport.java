package org.arrivals.attendee.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.AttendeeStore;
import org.arrivals.store.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the roster with each person's arrival state as a CSV a spreadsheet opens safely: UTF-8
 * with a byte-order mark (so Excel reads accents and every script right), CRLF line ends, every
 * cell neutralized against formula injection. Written to a temporary file and moved into place,
 * so a crash never leaves half an export that looks whole. The imported file's other columns
 * follow ours in the order the file had them ({@link ColumnOrder}). A column per event day gives
 * the time of that day's check-in ({@code day_2026-11-22}); {@code checked_in_at} is the first.
 */
public final class RosterExport {
    private static final Logger LOG = LoggerFactory.getLogger(RosterExport.class);
    static final List<String> COLUMNS = List.of(
            "code",
            "first_name",
            "last_name",
            "badge_name",
            "pronouns",
            "email",
            "organization",
            "title",
            "type",
            "status",
            "walk_in",
            "barcode",
            "checked_in",
            "checked_in_at",
            "checked_in_station");

    private final AttendeeStore attendees;
    private final ArrivalStates arrivals;
    private final java.util.function.Supplier<ExportColumns> more;

    public RosterExport(AttendeeStore attendees, ArrivalStates arrivals) {
        this(attendees, arrivals, () -> ExportColumns.NONE);
    }

    /**
     * @param more columns another feature adds after the arrival columns (what each person
     *     attended), made once per export
     */
    public RosterExport(
            AttendeeStore attendees, ArrivalStates arrivals, java.util.function.Supplier<ExportColumns> more) {
        this.attendees = attendees;
        this.arrivals = arrivals;
        this.more = more;
    }

    /** Returns the number of attendees written. */
    public int write(Path out) throws IOException {
        int[] n = new int[1];
        AtomicFile.write(out, os -> n[0] = write(os));
        LOG.info("Exported {} attendees", n[0]);
        return n[0];
    }

    public int write(OutputStream os) throws IOException {
        List<Attendee> everyone = attendees.all();
        Map<String, ArrivalStates.State> states = arrivals.byCode();
        // a column per event day (the time of that day's check-in), then what other features add
        List<java.time.LocalDate> days = arrivals.eventDays();
        ExportColumns extra = more.get();
        List<String> extraColumns = ColumnOrder.merge(
                everyone.stream().map(a -> List.copyOf(a.extra().keySet())).toList());
        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(w);
        List<String> header = new ArrayList<>(COLUMNS);
        days.forEach(d -> header.add("day_" + d));
        header.addAll(extra.headers());
        extraColumns.forEach(c -> header.add(SpreadsheetSafe.cell(c)));
        csv.writeRecord(header);
        for (Attendee a : everyone) {
            ArrivalStates.State s = states.get(a.code());
            List<String> row = new ArrayList<>(header.size());
            row.add(a.code());
            row.add(a.firstName());
            row.add(a.lastName());
            row.add(a.badgeName());
            row.add(a.pronouns());
            row.add(a.email());
            row.add(a.organization());
            row.add(a.title());
            row.add(a.type());
            row.add(a.status().label());
            row.add(a.walkIn() ? "yes" : "no");
            row.add(a.barcode());
            row.add(s != null && s.checkedIn() ? "yes" : "no");
            row.add(s != null && s.checkedIn() ? s.at().toString() : "");
            row.add(s != null && s.checkedIn() ? s.station() : "");
            for (java.time.LocalDate d : days) {
                java.time.OffsetDateTime at = s == null ? null : s.days().get(d);
                row.add(at == null ? "" : at.toString());
            }
            row.addAll(extra.values(a.code()));
            for (String c : extraColumns) {
                row.add(a.extra().get(c));
            }
            csv.writeRecord(row.stream().map(SpreadsheetSafe::cell).toList());
        }
        csv.flush();
        return everyone.size();
    }
}
