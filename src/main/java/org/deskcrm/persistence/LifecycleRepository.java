package org.deskcrm.persistence;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.SALE;

/**
 * Set-based recomputation of the lifecycle status of many clients at once (ids in a range), with the
 * same rules as {@code LifecycleRules}, given as cut-off dates.
 */
public class LifecycleRepository {
    private final DSLContext dsl;

    public LifecycleRepository(Database db) {
        this.dsl = db.dsl();
    }

    /**
     * Recomputes the clients with ids in [fromId, toId) in one statement: a derived table joins each
     * client to the aggregate of its sales (GROUP BY over the covering sale index) and derives the
     * status; only clients whose stored values differ are written. Returns how many changed.
     *
     * @param churnedBefore a last purchase before this date means churned (today − churn_days)
     * @param freshFrom     a single purchase on or after this date means new one-time (today − fresh_days)
     */
    public int recomputeRange(long fromId, long toId, LocalDate churnedBefore, LocalDate freshFrom, Instant now) {
        Table<?> agg = DSL.select(SALE.CLIENT_ID.as("aid"), DSL.count().as("cnt"),
                        DSL.min(SALE.SALE_DATE).as("first_on"), DSL.max(SALE.SALE_DATE).as("last_on"))
                .from(SALE).where(SALE.CLIENT_ID.ge(fromId).and(SALE.CLIENT_ID.lt(toId)))
                .groupBy(SALE.CLIENT_ID).asTable("agg");
        Field<Integer> cnt = DSL.coalesce(agg.field("cnt", Integer.class), DSL.inline(0));
        Field<LocalDate> firstOn = agg.field("first_on", LocalDate.class);
        Field<LocalDate> lastOn = agg.field("last_on", LocalDate.class);
        Field<String> status = DSL.when(cnt.le(0).or(lastOn.isNull()), DSL.inline("potential"))
                .when(lastOn.lt(churnedBefore), DSL.inline("churned"))
                .when(cnt.eq(1).and(lastOn.ge(freshFrom)), DSL.inline("new_one_time"))
                .when(cnt.eq(1), DSL.inline("old_one_time"))
                .otherwise(DSL.inline("regular"));
        Table<?> x = DSL.select(CLIENT.ID.as("cid"), cnt.as("n"), firstOn.as("f"), lastOn.as("l"), status.as("st"))
                .from(CLIENT).leftJoin(agg).on(agg.field("aid", Long.class).eq(CLIENT.ID))
                .where(CLIENT.ID.ge(fromId).and(CLIENT.ID.lt(toId))).asTable("x");
        Field<Long> cid = x.field("cid", Long.class);
        Field<Integer> n = x.field("n", Integer.class);
        Field<LocalDate> f = x.field("f", LocalDate.class);
        Field<LocalDate> l = x.field("l", LocalDate.class);
        Field<String> st = x.field("st", String.class);
        Condition changed = CLIENT.PURCHASE_COUNT.ne(n).or(CLIENT.LIFECYCLE_CODE.ne(st))
                .or(CLIENT.FIRST_PURCHASE_ON.isDistinctFrom(f)).or(CLIENT.LAST_PURCHASE_ON.isDistinctFrom(l));
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            return dsl.update(CLIENT).set(CLIENT.PURCHASE_COUNT, n).set(CLIENT.FIRST_PURCHASE_ON, f)
                    .set(CLIENT.LAST_PURCHASE_ON, l).set(CLIENT.LIFECYCLE_CODE, st)
                    .set(CLIENT.STATUS_COMPUTED_AT, odt(now))
                    .from(x).where(CLIENT.ID.eq(cid)).and(changed).execute();
        }
        return dsl.mergeInto(CLIENT).using(x).on(CLIENT.ID.eq(cid))
                .whenMatchedAnd(changed).thenUpdate()
                .set(CLIENT.PURCHASE_COUNT, n).set(CLIENT.FIRST_PURCHASE_ON, f)
                .set(CLIENT.LAST_PURCHASE_ON, l).set(CLIENT.LIFECYCLE_CODE, st)
                .set(CLIENT.STATUS_COMPUTED_AT, odt(now))
                .execute();
    }

    /** The smallest and largest client id, or null when there are no clients. */
    public long[] idRange() {
        var r = dsl.select(DSL.min(CLIENT.ID), DSL.max(CLIENT.ID)).from(CLIENT).fetchOne();
        return r == null || r.value1() == null ? null : new long[]{r.value1(), r.value2()};
    }
}
