package org.deskcrm.persistence.totals;

import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.DayLength;
import org.deskcrm.persistence.jooq.tables.DealStageHistory;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.DURATION_COUNT;
import static org.deskcrm.persistence.jooq.Tables.DURATION_TOTAL;
import static org.deskcrm.persistence.jooq.Tables.PIPELINE;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/**
 * The stored lengths of stays and sales cycles (docs/decisions/0035-stay-and-cycle-lengths.md), part of the deal
 * totals: {@link DealTotals} reads a changed deal's lengths before and after the change, as it reads its other
 * figures, and adds the difference; its rebuild rebuilds them. A deal contributes each ended stay of its history
 * (kind {@link #STAY}, scope: the stage, filed under the business day the stay ended) and, while it is won, its
 * sales cycle from creation to closing (kind {@link #CYCLE}, scope: the pipeline, filed under the closed day). Each
 * length, in whole hundredths of a day ({@link DayLength}), counts in two tables: {@code duration_total} per day, month
 * and whole days (count, sum), and {@code duration_count} per whole days, day or month and exact length (count).
 */
public final class DurationTotals {
    /** A stay that ended, scoped by its stage. */
    public static final String STAY = "stay";
    /** The cycle of a deal now won, scoped by its pipeline. */
    public static final String CYCLE = "cycle";
    /** The cycle of a deal now won, scoped by its main product (0: none; {@link ProductTotals}, ADR 0037). */
    public static final String PRODUCT = "product";

    /** A row of {@code duration_total}: kind, scope, day (yyyymmdd) or month (yyyymm), length in whole days. */
    record TotalKey(String kind, long scopeId, int day, int wholeDays) {
    }

    /** A row of {@code duration_count}: kind, scope, length in whole days, day (yyyymmdd) or month (yyyymm), length in hundredths. */
    record CountKey(String kind, long scopeId, int wholeDays, int day, int hundredths) {
    }

    /** The figures of a {@code duration_total} row: lengths counted and the sum of their hundredths. */
    record Sum(long count, long hundredths) {
        Sum plus(Sum o) {
            return new Sum(count + o.count, hundredths + o.hundredths);
        }
    }

    /** The lengths a change moved (or a rebuild computed), by row of either table. */
    static final class Delta {
        final Map<TotalKey, Sum> totals = new HashMap<>();
        final Map<CountKey, Long> counts = new HashMap<>();

        /** Adds ({@code sign} 1) or takes out (−1) the length from {@code from} to {@code to}, filed under {@code to}'s day. */
        void add(String kind, long scopeId, Instant from, Instant to, ZoneId zone, int sign) {
            add(kind, scopeId, dayNo(to, zone), DayLength.hundredths(from, to), sign);
        }

        /** Adds ({@code sign} 1) or takes out (−1) a length of {@code h} hundredths filed under the day (yyyymmdd). */
        void add(String kind, long scopeId, int day, long h, int sign) {
            int whole = (int) Math.floorDiv(h, 100);
            Sum one = new Sum(sign, sign * h);
            totals.merge(new TotalKey(kind, scopeId, day, whole), one, Sum::plus);
            totals.merge(new TotalKey(kind, scopeId, day / 100, whole), one, Sum::plus);
            counts.merge(new CountKey(kind, scopeId, whole, day, Math.toIntExact(h)), (long) sign, Long::sum);
            counts.merge(new CountKey(kind, scopeId, whole, day / 100, Math.toIntExact(h)), (long) sign, Long::sum);
        }
    }

    /** The business day of the instant in the zone, as yyyymmdd (the day a length is filed under). */
    static int dayNo(Instant at, ZoneId zone) {
        LocalDate d = LocalDate.ofInstant(at, zone);
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private final DSLContext dsl;

    DurationTotals(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Adds to {@code into} the lengths of the selected deals ({@code sign} 1) or takes them out (−1): their won cycles
     * and their history's ended stays, cut in {@code zone}. {@code oneDeal}: the condition selects that deal alone
     * (its history is then read by the deal's id, without a join).
     */
    void read(Delta into, Condition deals, Long oneDeal, ZoneId zone, int sign) {
        if (oneDeal != null) {
            for (org.jooq.Record r : dsl.resultQuery(oneDealSql(), oneDeal, oneDeal).fetch()) {
                into.add(r.get(3, Integer.class) == 0 ? STAY : CYCLE, r.get(0, Long.class),
                        r.get(1, OffsetDateTime.class).toInstant(), r.get(2, OffsetDateTime.class).toInstant(), zone, sign);
            }
            return;
        }
        cycles(deals, zone, sign, into);
        DealStageHistory h = DEAL_STAGE_HISTORY;
        try (var cursor = dsl.select(h.TO_STAGE_ID, h.CHANGED_AT, h.LEFT_AT).from(h).join(DEAL).on(DEAL.ID.eq(h.DEAL_ID))
                .where(deals).and(h.LEFT_AT.isNotNull()).fetchSize(2_000).fetchLazy()) {
            for (var r : cursor) {
                into.add(STAY, r.value1(), r.value2().toInstant(), r.value3().toInstant(), zone, sign);
            }
        }
    }

    /** One deal's ended stays (0) and its cycle while won (1) in one statement, rendered once (a move reads it twice). */
    private volatile String oneDealSql;

    private String oneDealSql() {
        String sql = oneDealSql;
        if (sql == null) {
            DealStageHistory h = DEAL_STAGE_HISTORY;
            sql = dsl.render(dsl.select(h.TO_STAGE_ID, h.CHANGED_AT, h.LEFT_AT, DSL.inline(0)).from(h)
                    .where(h.DEAL_ID.eq(DSL.param("deal", Long.class))).and(h.LEFT_AT.isNotNull())
                    .unionAll(DSL.select(DEAL.PIPELINE_ID, DEAL.CREATED_AT, DEAL.CLOSED_AT, DSL.inline(1)).from(DEAL)
                            .join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID).and(STAGE.KIND_CODE.eq(DSL.inline(StageKind.WON.code()))))
                            .where(DEAL.ID.eq(DSL.param("won", Long.class))).and(DEAL.CLOSED_AT.isNotNull())));
            oneDealSql = sql;
        }
        return sql;
    }

    private void cycles(Condition deals, ZoneId zone, int sign, Delta into) {
        try (var cursor = dsl.select(DEAL.PIPELINE_ID, DEAL.CREATED_AT, DEAL.CLOSED_AT).from(DEAL)
                .join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID).and(STAGE.KIND_CODE.eq(StageKind.WON.code())))
                .where(deals).and(DEAL.CLOSED_AT.isNotNull()).fetchSize(2_000).fetchLazy()) {
            for (var r : cursor) {
                into.add(CYCLE, r.value1(), r.value2().toInstant(), r.value3().toInstant(), zone, sign);
            }
        }
    }

    /** Adds the differences to the stored rows of both tables ({@link Registers#apply}). */
    void apply(Delta delta) {
        Registers.apply(dsl, delta.totals, TOTAL_ROWS);
        Registers.apply(dsl, delta.counts, COUNT_ROWS);
    }

    /**
     * Recomputes every row from the records in {@code zone}, scope by scope (a stage's stays, a pipeline's cycles:
     * at 1 000 000 deals the busiest stage holds a few hundred thousand), replacing what is stored; returns how many
     * stored rows differed (missing, other figures, or extra).
     */
    int rebuild(ZoneId zone, Consumer<String> progress) {
        int repaired = 0;
        List<Long> stages = dsl.select(STAGE.ID).from(STAGE).orderBy(STAGE.ID).fetch(STAGE.ID);
        List<Long> pipelines = dsl.select(PIPELINE.ID).from(PIPELINE).orderBy(PIPELINE.ID).fetch(PIPELINE.ID);
        progress.accept("totals.step.lengths");
        DealStageHistory h = DEAL_STAGE_HISTORY;
        for (long stage : stages) {
            Delta fresh = new Delta();
            try (var cursor = dsl.select(h.CHANGED_AT, h.LEFT_AT).from(h).where(h.TO_STAGE_ID.eq(stage))
                    .and(h.LEFT_AT.isNotNull()).fetchSize(5_000).fetchLazy()) {
                for (var r : cursor) {
                    fresh.add(STAY, stage, r.value1().toInstant(), r.value2().toInstant(), zone, 1);
                }
            }
            repaired += replace(STAY, stage, fresh);
        }
        for (long pipeline : pipelines) {
            Delta fresh = new Delta();
            cycles(DEAL.PIPELINE_ID.eq(pipeline), zone, 1, fresh);
            repaired += replace(CYCLE, pipeline, fresh);
        }
        // rows of stages or pipelines no longer there (none can be removed while it has deals or history)
        repaired += dsl.deleteFrom(DURATION_TOTAL).where(others(DURATION_TOTAL.KIND, DURATION_TOTAL.SCOPE_ID, stages, pipelines)).execute();
        dsl.deleteFrom(DURATION_COUNT).where(others(DURATION_COUNT.KIND, DURATION_COUNT.SCOPE_ID, stages, pipelines)).execute();
        return repaired;
    }

    private static Condition others(Field<String> kind, Field<Long> scope, List<Long> stages, List<Long> pipelines) {
        return kind.eq(STAY).and(stages.isEmpty() ? DSL.trueCondition() : scope.notIn(stages))
                .or(kind.eq(CYCLE).and(pipelines.isEmpty() ? DSL.trueCondition() : scope.notIn(pipelines)))
                .or(kind.notIn(STAY, CYCLE, PRODUCT)); // a product's rows: ProductTotals#rebuild
    }

    /** Replaces the stored rows of one kind and scope by the rebuild's; returns how many stored rows differed. */
    int replace(String kind, long scope, Delta fresh) {
        Map<TotalKey, Sum> totals = new HashMap<>();
        dsl.selectFrom(DURATION_TOTAL).where(DURATION_TOTAL.KIND.eq(kind)).and(DURATION_TOTAL.SCOPE_ID.eq(scope))
                .forEach(r -> totals.put(new TotalKey(kind, scope, r.getDayNo(), r.getWholeDays()),
                        new Sum(r.getLengthCount(), r.getHundredthsSum())));
        Map<CountKey, Long> counts = new HashMap<>();
        dsl.selectFrom(DURATION_COUNT).where(DURATION_COUNT.KIND.eq(kind)).and(DURATION_COUNT.SCOPE_ID.eq(scope))
                .forEach(r -> counts.put(new CountKey(kind, scope, r.getWholeDays(), r.getDayNo(), r.getHundredths()),
                        r.getLengthCount()));
        return Registers.replace(dsl, fresh.totals, totals, TOTAL_ROWS,
                DURATION_TOTAL.KIND.eq(kind).and(DURATION_TOTAL.SCOPE_ID.eq(scope)))
                + Registers.replace(dsl, fresh.counts, counts, COUNT_ROWS,
                DURATION_COUNT.KIND.eq(kind).and(DURATION_COUNT.SCOPE_ID.eq(scope)));
    }

    private static final Registers.Rows<TotalKey, Sum> TOTAL_ROWS = new Registers.Rows<>() {
        @Override
        public String table() {
            return DURATION_TOTAL.getName();
        }

        @Override
        public List<String> keyColumns() {
            return names(DURATION_TOTAL.KIND, DURATION_TOTAL.SCOPE_ID, DURATION_TOTAL.DAY_NO, DURATION_TOTAL.WHOLE_DAYS);
        }

        @Override
        public List<String> figureColumns() {
            return names(DURATION_TOTAL.LENGTH_COUNT, DURATION_TOTAL.HUNDREDTHS_SUM);
        }

        @Override
        public Object[] key(TotalKey k) {
            return new Object[]{k.kind(), k.scopeId(), k.day(), k.wholeDays()};
        }

        @Override
        public Object[] figures(Sum s) {
            return new Object[]{s.count(), s.hundredths()};
        }

        @Override
        public boolean zero(Sum s) {
            return s.count() == 0 && s.hundredths() == 0;
        }

        @Override
        public boolean shrinks(Sum s) {
            return s.count() < 0;
        }

        @Override
        public boolean same(Sum a, Sum b) {
            return a.equals(b);
        }
    };

    private static final Registers.Rows<CountKey, Long> COUNT_ROWS = new Registers.CountRows<>() {
        @Override
        public String table() {
            return DURATION_COUNT.getName();
        }

        @Override
        public List<String> keyColumns() {
            return names(DURATION_COUNT.KIND, DURATION_COUNT.SCOPE_ID, DURATION_COUNT.WHOLE_DAYS, DURATION_COUNT.DAY_NO,
                    DURATION_COUNT.HUNDREDTHS);
        }

        @Override
        public List<String> figureColumns() {
            return names(DURATION_COUNT.LENGTH_COUNT);
        }

        @Override
        public Object[] key(CountKey k) {
            return new Object[]{k.kind(), k.scopeId(), k.wholeDays(), k.day(), k.hundredths()};
        }
    };

    private static List<String> names(Field<?>... fields) {
        List<String> names = new ArrayList<>(fields.length);
        for (Field<?> f : fields) {
            names.add(f.getName());
        }
        return names;
    }
}
