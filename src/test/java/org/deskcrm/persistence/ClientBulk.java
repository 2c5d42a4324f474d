package org.deskcrm.persistence;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.deskcrm.persistence.jooq.Tables.CLIENT;

/** Inserts many plain clients with one INSERT ... SELECT over a number series (scale and paging tests). */
public final class ClientBulk {
    private ClientBulk() {
    }

    /**
     * Inserts {@code n} clients named "Bulk client 000001"...: created one minute apart from {@code start},
     * every second one with a last purchase (several share a date), every tenth one archived.
     */
    public static void insert(Database db, int n, Instant start, Long ownerId) {
        var series = DSL.generateSeries(1, n).as("g", "n");
        Field<Integer> i = series.field("n", Integer.class);
        Field<String> num = DSL.lpad(i.cast(SQLDataType.VARCHAR(10)), 6, "0");
        Field<String> name = DSL.concat(DSL.inline("Bulk client "), num);
        Field<OffsetDateTime> created = DSL.field("{0} + {1} * interval '1' minute", SQLDataType.TIMESTAMPWITHTIMEZONE,
                DSL.inline(start.atOffset(ZoneOffset.UTC)), i);
        Field<LocalDate> last = DSL.when(i.mod(2).eq(0), DSL.field("{0} + ({1} - {2})", SQLDataType.LOCALDATE,
                DSL.inline(LocalDate.of(2025, 1, 1)), i.mod(400), i.mod(2)));
        db.dsl().insertInto(CLIENT, CLIENT.KIND, CLIENT.NAME, CLIENT.NAME_NORM, CLIENT.CREATED_AT, CLIENT.UPDATED_AT,
                        CLIENT.LAST_PURCHASE_ON, CLIENT.ARCHIVED, CLIENT.OWNER_ID, CLIENT.LIFECYCLE_CODE)
                .select(DSL.select(DSL.inline("company"), name, DSL.lower(name), created, created, last,
                                i.mod(10).eq(0), DSL.inline(ownerId),
                                DSL.when(i.mod(2).eq(0), DSL.inline("regular")).otherwise(DSL.inline("potential")))
                        .from(series))
                .execute();
    }
}
