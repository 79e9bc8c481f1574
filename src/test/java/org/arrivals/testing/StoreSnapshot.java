package org.arrivals.testing;

import java.util.ArrayList;
import java.util.List;
import org.arrivals.store.jooq.DefaultSchema;
import org.jooq.DSLContext;
import org.jooq.Table;

/** Every row of every roster table, for proving that a failed operation changed nothing. */
public final class StoreSnapshot {
    private StoreSnapshot() {}

    public static List<String> of(DSLContext dsl) {
        List<String> rows = new ArrayList<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            dsl.selectFrom(t).fetch().forEach(r -> rows.add(t.getName() + ": " + r.formatCSV(false)));
        }
        rows.sort(null);
        return rows;
    }
}
