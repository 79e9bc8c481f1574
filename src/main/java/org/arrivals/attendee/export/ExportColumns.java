package org.arrivals.attendee.export;

import java.util.List;

/**
 * Columns another feature adds to the list's export after the arrival columns (what each person
 * attended): their headers, and each person's values in the same order. An interface here so the
 * roster does not depend on the features built on it.
 */
public interface ExportColumns {
    List<String> headers();

    /** The values of a person's row, one per header ("" where there is none). */
    List<String> values(String code);

    ExportColumns NONE = new ExportColumns() {
        @Override
        public List<String> headers() {
            return List.of();
        }

        @Override
        public List<String> values(String code) {
            return List.of();
        }
    };
}
