package org.deskcrm.persistence.totals;

import org.deskcrm.persistence.jooq.tables.DealStageHistory;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.STAGE;
import static org.deskcrm.persistence.jooq.Tables.TOTALS_STATE;
import static org.deskcrm.persistence.totals.DealTotals.CREATED;
import static org.deskcrm.persistence.totals.DealTotals.LOST;
import static org.deskcrm.persistence.totals.DealTotals.LOST_LEAD;
import static org.deskcrm.persistence.totals.DealTotals.REGISTER;
import static org.deskcrm.persistence.totals.DealTotals.WON;

/**
 * The deals of a small change read row by row for their totals (ADR 0024): each deal's figures its created, won
 * and lost contributions depend on, with its business days cut in the zone the totals are built in, and that
 * zone. {@link DealTotals#around} reads them before and after a change and adds the difference; the grouped
 * query of a rebuild forms the same keys from the same expressions.
 */
final class DealRows {
    private final DSLContext dsl;
    private final Supplier<Optional<ZoneId>> builtZone;

    DealRows(DSLContext dsl, Supplier<Optional<ZoneId>> builtZone) {
        this.dsl = dsl;
        this.builtZone = builtZone;
    }

    /** The zone the last row read was cut in (the totals' zone, read with the rows; UTC before the first read). */
    private volatile ZoneId rowZone = java.time.ZoneOffset.UTC;

    /** The figures of each selected deal that its contributions depend on, and the zone of the totals. */
    record Rows(ZoneId zone, List<Row> rows) {
        boolean built() {
            return zone != null;
        }

        void addTo(Map<DealTotals.Key, DealTotals.Cell> into, boolean subtract) {
            for (Row r : rows) {
                r.addTo(into, subtract);
            }
        }

        /** The rows' closed deals by main product and their won cycles ({@link ProductTotals}). */
        void addTo(ProductTotals.Delta into, boolean subtract) {
            for (Row r : rows) {
                if (r.closedDay() != null && (WON.equals(r.kind()) || LOST.equals(r.kind()))) {
                    into.add(r.kind(), r.closedDay(), r.mainProductId(), r.amount(), r.createdAt(), r.closedAt(), zone,
                            subtract ? -1 : 1);
                }
            }
        }
    }

    /** One deal as its contributions see it: the days are business days of the totals' zone. */
    record Row(Integer createdDay, Integer closedDay, long ownerId, long pipelineId, long sourceId,
                       String band, BigDecimal amount, String kind, long lostReasonId, long lostAtStageId,
                       long stageId, int reachedOrder, BigDecimal stageAmount, long mainProductId,
                       java.time.Instant createdAt, java.time.Instant closedAt) {
        /**
         * A created row (at the deal's stage and reached order); a won or lost row when the deal is closed in a stage
         * of that kind, and a lost lead row when it is in a lost stage (as the grouped query).
         */
        void addTo(Map<DealTotals.Key, DealTotals.Cell> into, boolean subtract) {
            DealTotals.Cell one = new DealTotals.Cell(1, DealTotals.orZero(amount), BigDecimal.ZERO);
            DealTotals.Cell cell = subtract ? one.negate() : one;
            DealTotals.Cell created = new DealTotals.Cell(1, one.amount(), DealTotals.orZero(stageAmount));
            DealTotals.addDay(into, new DealTotals.Key(CREATED, createdDay, ownerId, pipelineId, sourceId, band, 0L, stageId,
                    reachedOrder), subtract ? created.negate() : created);
            if (closedDay != null && WON.equals(kind)) {
                DealTotals.addDay(into, new DealTotals.Key(WON, closedDay, ownerId, pipelineId, sourceId, band, 0L, 0L, 0), cell);
            } else if (closedDay != null && LOST.equals(kind)) {
                DealTotals.addDay(into, new DealTotals.Key(LOST, closedDay, ownerId, pipelineId, sourceId, band, lostReasonId,
                        lostAtStageId, 0), cell);
            }
            if (LOST.equals(kind)) {
                DealTotals.addDay(into, new DealTotals.Key(LOST_LEAD, createdDay, ownerId, pipelineId, sourceId, band, lostReasonId,
                        lostAtStageId, 0), cell);
            }
        }
    }

    /**
     * Reads the selected deals row by row (locking them with {@code lock}) with the zone the totals are built in
     * (null: not built); the days are cut in that zone — when it is not the one the statement was written for
     * (the first read, or a rebuild in another zone meanwhile), the rows are read again in it.
     */
    Rows read(Condition deals, Long oneDeal, boolean lock) {
        ZoneId zone = rowZone;
        List<org.jooq.Record> read = oneDeal != null ? readDeal(oneDeal, zone, lock) : readRows(deals, zone, lock);
        String built = read.isEmpty() ? builtZone.get().map(ZoneId::getId).orElse(null) : read.get(0).get(13, String.class);
        if (built == null) {
            return new Rows(null, List.of());
        }
        ZoneId builtIn = ZoneId.of(built);
        if (!builtIn.equals(zone)) {
            rowZone = builtIn;
            read = oneDeal != null ? readDeal(oneDeal, builtIn, false) : readRows(deals, builtIn, false);
        }
        List<Row> rows = new ArrayList<>(read.size());
        for (org.jooq.Record r : read) {
            rows.add(new Row(r.get(0, Integer.class), r.get(1, Integer.class), r.get(2, Long.class), r.get(3, Long.class),
                    r.get(4, Long.class), r.get(5, String.class), r.get(6, BigDecimal.class), r.get(7, String.class),
                    r.get(8, Long.class), r.get(9, Long.class), r.get(10, Long.class), r.get(11, Integer.class),
                    r.get(12, BigDecimal.class), r.get(14, Long.class), r.get(15, java.time.OffsetDateTime.class).toInstant(),
                    instant(r.get(16, java.time.OffsetDateTime.class))));
        }
        return new Rows(builtIn, rows);
    }

    private static java.time.Instant instant(java.time.OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** The statements that read one deal's row, rendered once per zone (a write renders none). */
    private record OneDeal(ZoneId zone, String read, String lock) {
    }

    private volatile OneDeal oneDeal;

    /** {@link #readRows} of one deal, by statements jOOQ rendered once for the zone (bound by the deal's id). */
    private List<org.jooq.Record> readDeal(long dealId, ZoneId zone, boolean lock) {
        OneDeal sql = oneDeal;
        if (sql == null || !sql.zone().equals(zone)) {
            Condition one = DEAL.ID.eq(DSL.param("deal", Long.class));
            var select = rowSelect(one, zone);
            sql = new OneDeal(zone, dsl.render(select), dsl.dialect().family() == SQLDialect.H2
                    ? dsl.render(dsl.select(DEAL.ID).from(DEAL).where(one).forUpdate()) // then the kept read
                    : dsl.render(select.forUpdate()));
            oneDeal = sql;
        }
        if (!lock) {
            return new ArrayList<>(dsl.resultQuery(sql.read(), dealId).fetch());
        }
        List<org.jooq.Record> locked = new ArrayList<>(dsl.resultQuery(sql.lock(), dealId).fetch());
        return dsl.dialect().family() == SQLDialect.H2 ? new ArrayList<>(dsl.resultQuery(sql.read(), dealId).fetch())
                : locked;
    }

    private List<org.jooq.Record> readRows(Condition deals, ZoneId zone, boolean lock) {
        var select = rowSelect(deals, zone);
        if (lock && dsl.dialect().family() == SQLDialect.H2) {
            // H2 keeps no parsed form of a SELECT … FOR UPDATE: lock with the smallest one, read with a kept one
            dsl.select(DEAL.ID).from(DEAL).where(deals).forUpdate().fetch();
            return new ArrayList<>(select.fetch());
        }
        return new ArrayList<>(lock ? select.forUpdate().fetch() : select.fetch());
    }

    /** Each selected deal's figures its contributions depend on, and the zone the totals are built in (or null). */
    private org.jooq.SelectConditionStep<?> rowSelect(Condition deals, ZoneId zone) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        Field<String> kind = DSL.field(DSL.select(STAGE.KIND_CODE).from(STAGE).where(STAGE.ID.eq(DEAL.STAGE_ID)));
        // the stage a lost deal was lost at: its current history row's "from" (max: one row, as it must be)
        Field<Long> lostAt = DSL.field(DSL.select(DSL.max(h.FROM_STAGE_ID)).from(h)
                .where(h.DEAL_ID.eq(DEAL.ID)).and(h.LEFT_AT.isNull()));
        // the amount it had when it entered its current stage: the same row's (sum: as the rebuild's join)
        Field<BigDecimal> stageAmount = DSL.field(DSL.select(DSL.sum(h.AMOUNT)).from(h)
                .where(h.DEAL_ID.eq(DEAL.ID)).and(h.LEFT_AT.isNull()));
        Field<String> built = DSL.field(DSL.select(TOTALS_STATE.ZONE).from(TOTALS_STATE)
                .where(TOTALS_STATE.REGISTER.eq(DSL.inline(REGISTER))));
        return dsl.select(Registers.businessDay(DEAL.CREATED_AT, zone),
                        Registers.businessDay(DEAL.CLOSED_AT, zone), DEAL.OWNER_ID, DEAL.PIPELINE_ID,
                        DSL.coalesce(DEAL.SOURCE_ID, DSL.inline(0L)), DEAL.SCORE_BAND, DEAL.AMOUNT, kind,
                        DSL.coalesce(DEAL.LOST_REASON_ID, DSL.inline(0L)), DSL.coalesce(lostAt, DSL.inline(0L)),
                        DEAL.STAGE_ID, DEAL.REACHED_ORDER, stageAmount, built,
                        DSL.coalesce(DEAL.MAIN_PRODUCT_ID, DSL.inline(0L)), DEAL.CREATED_AT, DEAL.CLOSED_AT)
                .from(DEAL).where(deals);
    }

}
