package org.deskcrm.persistence;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.SALE;

/**
 * Set-based recomputation of the lifecycle status of many clients at once (ids in a range): one
 * UPDATE refreshes purchase count and first/last purchase from the sales, a second derives the
 * status from them with the same rules as {@code LifecycleRules}, given as cut-off dates.
 */
public class LifecycleRepository {
    private final DSLContext dsl;

    public LifecycleRepository(Database db) {
        this.dsl = db.dsl();
    }

    /**
     * @param churnedBefore a last purchase before this date means churned (today − churn_days)
     * @param freshFrom     a single purchase on or after this date means new one-time (today − fresh_days)
     */
    public int recomputeRange(long fromId, long toId, LocalDate churnedBefore, LocalDate freshFrom, Instant now) {
        var scope = CLIENT.ID.ge(fromId).and(CLIENT.ID.lt(toId));
        return dsl.transactionResult(() -> {
            int n = dsl.update(CLIENT)
                    .set(CLIENT.PURCHASE_COUNT, DSL.field(DSL.selectCount().from(SALE).where(SALE.CLIENT_ID.eq(CLIENT.ID))))
                    .set(CLIENT.FIRST_PURCHASE_ON, DSL.field(DSL.select(DSL.min(SALE.SALE_DATE)).from(SALE)
                            .where(SALE.CLIENT_ID.eq(CLIENT.ID))))
                    .set(CLIENT.LAST_PURCHASE_ON, DSL.field(DSL.select(DSL.max(SALE.SALE_DATE)).from(SALE)
                            .where(SALE.CLIENT_ID.eq(CLIENT.ID))))
                    .set(CLIENT.STATUS_COMPUTED_AT, odt(now))
                    .where(scope).execute();
            dsl.update(CLIENT).set(CLIENT.LIFECYCLE_CODE,
                            DSL.when(CLIENT.PURCHASE_COUNT.le(0).or(CLIENT.LAST_PURCHASE_ON.isNull()), DSL.inline("potential"))
                                    .when(CLIENT.LAST_PURCHASE_ON.lt(churnedBefore), DSL.inline("churned"))
                                    .when(CLIENT.PURCHASE_COUNT.eq(1).and(CLIENT.LAST_PURCHASE_ON.ge(freshFrom)),
                                            DSL.inline("new_one_time"))
                                    .when(CLIENT.PURCHASE_COUNT.eq(1), DSL.inline("old_one_time"))
                                    .otherwise(DSL.inline("regular")))
                    .where(scope).execute();
            return n;
        });
    }

    /** The smallest and largest client id, or null when there are no clients. */
    public long[] idRange() {
        var r = dsl.select(DSL.min(CLIENT.ID), DSL.max(CLIENT.ID)).from(CLIENT).fetchOne();
        return r == null || r.value1() == null ? null : new long[]{r.value1(), r.value2()};
    }
}
