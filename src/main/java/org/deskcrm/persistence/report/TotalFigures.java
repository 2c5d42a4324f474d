package org.deskcrm.persistence.report;

import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.CohortCell;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.DEAL_TOTAL;

/**
 * Deal figures read from the stored totals ({@link DealTotals}): the same counts and amounts as the grouped
 * queries over the deal records of {@link DealFigures}, from month rows for the whole months of a period and
 * day rows for the rest. Read only when the totals are built in the scope's business zone
 * ({@link #readable}); otherwise the records are counted.
 */
final class TotalFigures {
    private final DSLContext dsl;
    private final DealTotals totals;

    TotalFigures(DSLContext dsl, DealTotals totals) {
        this.dsl = dsl;
        this.totals = totals;
    }

    /** The totals are built, and cut in the scope's business zone. */
    boolean readable(ReportScope s) {
        Optional<java.time.ZoneId> zone = totals.builtZone();
        return zone.isPresent() && zone.get().equals(s.zone());
    }

    static String kind(DealFigures.Outcome outcome) {
        return switch (outcome) {
            case WON -> DealTotals.WON;
            case LOST -> DealTotals.LOST;
            case CREATED -> DealTotals.CREATED;
        };
    }

    private static Field<Long> column(DealFigures.By by) {
        return switch (by) {
            case OWNER -> DEAL_TOTAL.OWNER_ID;
            case SOURCE -> DEAL_TOTAL.SOURCE_ID;
            case LOST_REASON -> DEAL_TOTAL.LOST_REASON_ID;
            case PIPELINE -> DEAL_TOTAL.PIPELINE_ID;
        };
    }

    List<Tally> grouped(DealFigures.Outcome outcome, DealFigures.By by, ReportScope s) {
        return grouped(kind(outcome), column(by), s);
    }

    /** Lost deals of the period by the stage they were lost at. */
    List<Tally> lostByStage(ReportScope s) {
        return grouped(DealTotals.LOST, DEAL_TOTAL.STAGE_ID, s);
    }

    /** Deals created plus deals closed (won or lost) in the period, by pipeline ({@link PipelineActivity#busiest}). */
    Map<Long, Long> movesByPipeline(ReportScope s) {
        Map<Long, Long> moves = new java.util.HashMap<>();
        for (String kind : List.of(DealTotals.CREATED, DealTotals.WON, DealTotals.LOST)) {
            grouped(kind, DEAL_TOTAL.PIPELINE_ID, s).forEach(t -> moves.merge(t.key(), t.count(), Long::sum));
        }
        return moves;
    }

    /** The cohort funnel's cells: the period's created deals by reached order and current stage. */
    List<CohortCell> cohort(ReportScope s) {
        Map<List<Long>, CohortCell> cells = new LinkedHashMap<>();
        for (Condition part : parts(s.filter(), null, s.filter().from(), s.filter().to())) {
            dsl.select(DEAL_TOTAL.REACHED_ORDER, DEAL_TOTAL.STAGE_ID, DSL.sum(DEAL_TOTAL.DEAL_COUNT),
                            DSL.sum(DEAL_TOTAL.AMOUNT)).from(DEAL_TOTAL)
                    .where(DEAL_TOTAL.KIND.eq(DealTotals.CREATED)).and(part)
                    .and(filter(s.filter())).groupBy(DEAL_TOTAL.REACHED_ORDER, DEAL_TOTAL.STAGE_ID)
                    .forEach(r -> cells.merge(List.of((long) r.value1(), r.value2()),
                            new CohortCell(r.value1(), r.value2(), r.value3().longValue(), r.value4()),
                            (a, b) -> new CohortCell(a.reachedOrder(), a.stageId(), a.count() + b.count(),
                                    a.amount().add(b.amount()))));
        }
        return List.copyOf(cells.values());
    }

    /**
     * Every deal of the filter (whenever created) by its current stage: count, and the amounts the deals had when
     * they entered it (the snapshot funnel's base, ADR 0030). Read from every month's created rows — the roll-up
     * rows when the filter names no source or band — a few hundred rows a month.
     */
    List<Tally> byCurrentStage(ReportScope s) {
        return dsl.select(DEAL_TOTAL.STAGE_ID, DSL.sum(DEAL_TOTAL.DEAL_COUNT), DSL.sum(DEAL_TOTAL.STAGE_AMOUNT))
                .from(DEAL_TOTAL).where(createdEveryMonth(s.filter()))
                .groupBy(DEAL_TOTAL.STAGE_ID).fetch(r -> new Tally(r.value1(), r.value2().longValue(), r.value3()));
    }

    /**
     * Deals now in an open stage, by owner: count and current amount (manager load, the pipeline tile; ADR 0032). The
     * same created rows of every month as {@link #byCurrentStage}, their current amounts; an owner whose rows sum to
     * no deal is left out, as the records would not name him.
     */
    List<Tally> openByOwner(ReportScope s) {
        List<Tally> open = new ArrayList<>();
        dsl.select(DEAL_TOTAL.OWNER_ID, DSL.sum(DEAL_TOTAL.DEAL_COUNT), DSL.sum(DEAL_TOTAL.AMOUNT)).from(DEAL_TOTAL)
                .where(createdEveryMonth(s.filter()))
                .and(Scopes.stageIs(dsl, DEAL_TOTAL.STAGE_ID, StageKind.OPEN)).groupBy(DEAL_TOTAL.OWNER_ID)
                .forEach(r -> {
                    if (r.value2().signum() != 0) {
                        open.add(new Tally(r.value1() == 0L ? null : r.value1(), r.value2().longValue(), r.value3()));
                    }
                });
        return open;
    }

    /**
     * The filter's created rows of every month — every deal of the filter at its current stage: the month roll-up rows
     * when the filter names no source or band (they sum every source and band), else the month rows themselves.
     */
    private static Condition createdEveryMonth(ReportFilter f) {
        boolean rollUp = f.sourceId() == null && f.band() == null;
        return DEAL_TOTAL.KIND.eq(DealTotals.CREATED)
                .and(rollUp ? DEAL_TOTAL.DAY_NO.lt(0) : DEAL_TOTAL.DAY_NO.between(1, MAX_MONTH)).and(filter(f));
    }

    /** The largest month number (yyyymm) below the first day number (yyyymmdd of the year 1000). */
    private static final int MAX_MONTH = 999_999;

    /** The period's created deals now lost, by the stage they were lost at (null: created in a lost stage). */
    List<Tally> lostLeadsByStage(ReportScope s) {
        return grouped(DealTotals.LOST_LEAD, DEAL_TOTAL.STAGE_ID, s);
    }

    /**
     * The period's created deals now in a won stage, grouped by a column. The won stages' ids are written into the
     * statement: as {@code stage_id IN (subquery)} H2 ran the subquery for every row (lead sources at 1 000 000
     * deals: 263 ms for a year's created month rows that take 85 ms without it).
     */
    List<Tally> wonLeads(DealFigures.By by, ReportScope s) {
        return grouped(DealTotals.CREATED, column(by), s, Scopes.stageIs(dsl, DEAL_TOTAL.STAGE_ID, StageKind.WON));
    }

    private List<Tally> grouped(String kind, Field<Long> key, ReportScope s) {
        return grouped(kind, key, s, DSL.noCondition());
    }

    private List<Tally> grouped(String kind, Field<Long> key, ReportScope s, Condition also) {
        Map<Long, Tally> tallies = new LinkedHashMap<>();
        for (Condition part : parts(s.filter(), key, s.filter().from(), s.filter().to())) {
            dsl.select(key, DSL.sum(DEAL_TOTAL.DEAL_COUNT), DSL.sum(DEAL_TOTAL.AMOUNT)).from(DEAL_TOTAL)
                    .where(DEAL_TOTAL.KIND.eq(kind)).and(part).and(filter(s.filter())).and(also).groupBy(key)
                    .forEach(r -> {
                        Long k = r.value1() == 0L ? null : r.value1();
                        tallies.merge(r.value1(), new Tally(k, r.value2().longValue(), r.value3()),
                                (a, b) -> new Tally(k, a.count() + b.count(), a.amount().add(b.amount())));
                    });
        }
        return List.copyOf(tallies.values());
    }

    /**
     * Won deals by owner in each bucket [bounds i, bounds i+1 − 1 day] (the last ends on the span's last day):
     * one query over the rows of every bucket, grouped by day or month row and owner, added up per bucket here.
     */
    List<SpanFigures.Cell> wonByBucket(ReportScope span, List<LocalDate> cuts) {
        List<LocalDate> starts = new ArrayList<>();
        starts.add(span.filter().from());
        starts.addAll(cuts);
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate end = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : span.filter().to();
            if (!end.isBefore(starts.get(i))) {
                parts.addAll(parts(span.filter(), null, starts.get(i), end));
            }
        }
        Map<List<Long>, SpanFigures.Cell> cells = new LinkedHashMap<>();
        for (Condition part : parts) {
            dsl.select(DEAL_TOTAL.DAY_NO, DEAL_TOTAL.OWNER_ID, DSL.sum(DEAL_TOTAL.DEAL_COUNT), DSL.sum(DEAL_TOTAL.AMOUNT))
                .from(DEAL_TOTAL).where(DEAL_TOTAL.KIND.eq(DealTotals.WON)).and(part).and(filter(span.filter()))
                .groupBy(DEAL_TOTAL.DAY_NO, DEAL_TOTAL.OWNER_ID)
                .forEach(r -> {
                    int day = Math.abs(r.value1()); // a month's roll-up row: −yyyymm
                    LocalDate first = day > 1_000_000 ? BusinessDays.date(day) : LocalDate.of(day / 100, day % 100, 1);
                    int bucket = bucket(cuts, first);
                    SpanFigures.Cell c = new SpanFigures.Cell(bucket, r.value2(), r.value3().longValue(), r.value4());
                    cells.merge(Arrays.asList((long) bucket, r.value2()), c, (x, y) -> new SpanFigures.Cell(x.bucket(),
                            x.userId(), x.count() + y.count(), x.amount().add(y.amount())));
                });
        }
        return List.copyOf(cells.values());
    }

    /** How many cuts are on or before the day: the index of its bucket. */
    static int bucket(List<LocalDate> cuts, LocalDate day) {
        int lo = 0;
        int hi = cuts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts.get(mid).isAfter(day)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Counts of a totals table (day rows yyyymmdd, month rows yyyymm, user 0 = none) by bucket and user over the
     * filter's days: each bucket's days (bucket 0 from the first day to the first cut, bucket i from cut i−1 to cut i,
     * as {@link SpanFigures}) read as its whole months' rows and its partial months' day rows, one statement per range.
     */
    static List<SpanFigures.Cell> countsByBucket(DSLContext dsl, TableField<?, Integer> dayNo, Field<Long> userId,
                                                 Field<Long> count, Condition where, ReportFilter f,
                                                 List<LocalDate> cuts) {
        List<LocalDate> starts = new ArrayList<>();
        starts.add(f.from());
        starts.addAll(cuts);
        Field<Long> user = DSL.nullif(userId, DSL.inline(0L));
        Map<List<Object>, SpanFigures.Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate end = f.to();
            if (i + 1 < starts.size() && starts.get(i + 1).minusDays(1).isBefore(end)) {
                end = starts.get(i + 1).minusDays(1);
            }
            if (end.isBefore(starts.get(i))) {
                continue;
            }
            int bucket = i;
            for (Condition part : periodParts(dayNo, starts.get(i), end)) {
                dsl.select(user, DSL.sum(count)).from(dayNo.getTable())
                        .where(where).and(part).groupBy(user)
                        .forEach(r -> cells.merge(Arrays.asList(bucket, r.value1()),
                                new SpanFigures.Cell(bucket, r.value1(), r.value2().longValue(), BigDecimal.ZERO),
                                (x, y) -> new SpanFigures.Cell(x.bucket(), x.userId(), x.count() + y.count(),
                                        BigDecimal.ZERO)));
            }
        }
        return List.copyOf(cells.values());
    }

    /**
     * The rows that make up the days [from, to]: the month rows of the whole months inside it, and the day
     * rows of the partial months at either end (day rows are yyyymmdd, month rows yyyymm: the ranges never
     * overlap), over the day number column of any totals table.
     */
    static Condition period(Field<Integer> dayNo, LocalDate from, LocalDate to) {
        return DSL.or(periodParts(dayNo, from, to));
    }

    /**
     * {@link #period} as its one to three ranges of day numbers, each read by a query of its own: H2 reads a
     * range of the primary key for {@code kind = ? AND day_no BETWEEN ? AND ?}, but for an OR of ranges it
     * reads every row of the kind (at 1 M deals 460 000 lost rows instead of the 100 000 of twelve months).
     */
    static List<Condition> periodParts(Field<Integer> dayNo, LocalDate from, LocalDate to) {
        return periodParts(dayNo, from, to, false);
    }

    /** {@link #periodParts}; {@code rollUp}: the whole months from their roll-up rows (−yyyymm). */
    private static List<Condition> periodParts(Field<Integer> dayNo, LocalDate from, LocalDate to, boolean rollUp) {
        List<Condition> parts = new ArrayList<>();
        for (int[] range : periodRanges(from, to, rollUp)) {
            parts.add(dayNo.between(range[0], range[1]));
        }
        return parts;
    }

    /**
     * {@link #periodParts} as the first and last day number of each range: the days of the partial month at the start,
     * the whole months (their month rows, or with {@code rollUp} their roll-up rows −yyyymm), the days of the partial
     * month at the end.
     */
    static List<int[]> periodRanges(LocalDate from, LocalDate to, boolean rollUp) {
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterWhole = to.plusDays(1).withDayOfMonth(1);
        if (!firstWhole.isBefore(afterWhole)) {
            return List.of(dayRange(from, to));
        }
        List<int[]> parts = new ArrayList<>();
        if (from.isBefore(firstWhole)) {
            parts.add(dayRange(from, firstWhole.minusDays(1)));
        }
        LocalDate lastWhole = afterWhole.minusMonths(1);
        parts.add(rollUp ? new int[]{-month(lastWhole), -month(firstWhole)}
                : new int[]{month(firstWhole), month(lastWhole)});
        if (!afterWhole.isAfter(to)) {
            parts.add(dayRange(afterWhole, to));
        }
        return parts;
    }

    private static int[] dayRange(LocalDate from, LocalDate to) {
        return new int[]{BusinessDays.number(from), BusinessDays.number(to)};
    }

    /**
     * The ranges of deal totals rows a figure reads for the days [from, to]: as {@link #periodParts}, with the whole
     * months read from their roll-up rows (every source and band summed, ADR 0026) when the filter asks for no
     * source or band and the figure is not grouped by source.
     */
    private static List<Condition> parts(ReportFilter f, Field<Long> groupedBy, LocalDate from, LocalDate to) {
        boolean rollUp = f.sourceId() == null && f.band() == null && !DEAL_TOTAL.SOURCE_ID.equals(groupedBy);
        return periodParts(DEAL_TOTAL.DAY_NO, from, to, rollUp);
    }

    /** The day rows of the days [from, to] (no month rows). */
    static Condition days(Field<Integer> dayNo, LocalDate from, LocalDate to) {
        int[] range = dayRange(from, to);
        return dayNo.between(range[0], range[1]);
    }

    private static int month(LocalDate d) {
        return d.getYear() * 100 + d.getMonthValue();
    }

    /** Pipeline, manager or team, source and score band: the same filter as {@link Scopes#deals} on the totals' keys. */
    private static Condition filter(ReportFilter f) {
        Condition c = DSL.noCondition();
        if (f.pipelineId() != null) {
            c = c.and(DEAL_TOTAL.PIPELINE_ID.eq(f.pipelineId()));
        }
        if (f.sourceId() != null) {
            c = c.and(DEAL_TOTAL.SOURCE_ID.eq(f.sourceId()));
        }
        if (f.band() != null) {
            c = c.and(DEAL_TOTAL.SCORE_BAND.eq(f.band().code()));
        }
        return c.and(Scopes.people(DEAL_TOTAL.OWNER_ID, f));
    }
}
