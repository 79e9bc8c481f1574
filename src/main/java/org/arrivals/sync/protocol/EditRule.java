package org.arrivals.sync.protocol;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How on-site edits become a person's values, the same at every station and at the hub: each
 * {@link EventKind#ATTENDEE_EDITED} event changes one field; for each field the last edit in log
 * order (clock, then station, then id) wins; an edit to blank removes the correction, so the
 * roster's own value shows again. Edits to a field this version does not know are ignored.
 */
public final class EditRule {
    /** The fields a person may correct on site. */
    public static final List<PersonField> EDITABLE = List.of(PersonField.values());

    /** One edit event, as either end holds it. */
    public record Edit(long hlc, String stationId, UUID id, String details) {}

    /** The log's one order: clock, then station, then id. */
    public static final Comparator<Edit> LOG_ORDER =
            Comparator.comparingLong(Edit::hlc).thenComparing(Edit::stationId).thenComparing(Edit::id);

    private EditRule() {}

    /** The details of an edit of {@code field} from {@code before} to {@code after} (null: none). */
    public static Map<String, String> details(PersonField field, String before, String after) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(Details.FIELD, field.key());
        d.put(Details.OLD, before == null ? "" : before);
        d.put(Details.NEW, after == null ? "" : after);
        return d;
    }

    /**
     * For each field some edit changed, the value the last one in log order gave it: a stripped
     * value, or null when that edit removed the correction. An edit the contract refuses (one an
     * older hub or station let through, too long for the roster's column) is applied nowhere.
     */
    public static Map<PersonField, String> latest(Collection<Edit> edits) {
        Map<PersonField, String> out = new EnumMap<>(PersonField.class);
        edits.stream().sorted(LOG_ORDER).forEach(e -> {
            if (EventContract.checkDetails(EventKind.ATTENDEE_EDITED, e.details())
                    .isPresent()) {
                return;
            }
            Details.Read read = Details.read(e.details());
            Map<String, String> d = read.values();
            PersonField f = PersonField.byKey(d.get(Details.FIELD)).orElseThrow();
            String now = d.get(Details.NEW);
            out.put(f, now == null || now.isBlank() ? null : now.strip());
        });
        return out;
    }
}
