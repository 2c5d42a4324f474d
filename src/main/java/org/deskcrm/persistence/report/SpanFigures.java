package org.deskcrm.persistence.report;

import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.List;
import java.util.function.Function;

import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.CALL_TOTAL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/**
 * The figures of many consecutive periods in one query each: the span's rows (the same WHERE as
 * {@link DealFigures} and {@link ActivityFigures} over the whole span) counted per bucket and user, where
 * the cuts — business days, ascending, inside the span — split the span into buckets: bucket 0 runs from
 * the span's first day to the first cut, bucket i from cut i−1 to cut i, the last from the last cut to the
 * span's end. A period made of whole buckets is then the sum of its buckets, with the very rows a query
 * over that period alone would count. The cuts are inlined as literals so that the bucket expression is the
 * same text in the select list and the GROUP BY (PostgreSQL matches them textually).
 */
public class SpanFigures {
    /** The records of one bucket and user: how many, and the sum of their amounts (deals). */
    public record Cell(int bucket, Long userId, long count, BigDecimal amount) {
        public Cell {
            amount = amount == null ? BigDecimal.ZERO : amount;
        }
    }

    /** Open deals of one bucket (by expected close), owner and stage. */
    public record OpenCell(int bucket, DealFigures.StageAmount amount) {
    }

    private final DSLContext dsl;
    private final TotalFigures totals;
    private final CallFigures calls;
    private final ActivityFigures activities;

    public SpanFigures(Database db) {
        this.dsl = db.dsl();
        this.totals = new TotalFigures(dsl, new org.deskcrm.persistence.totals.DealTotals(db.dsl()));
        this.calls = new CallFigures(db);
        this.activities = new ActivityFigures(db);
    }

    /**
     * Deals won in the span (the revenue rule, {@link Scopes#wonIn}) by bucket of their close and owner. Read
     * as every deal closed in the span grouped by stage too, the won stages kept here: a pure range scan of
     * the covering {@code ix_deal_closed_facts}, where a stage condition per row (EXISTS) cost H2 twice the time.
     */
    public List<Cell> won(ReportScope span, List<LocalDate> cuts) {
        return totals.readable(span) ? totals.wonByBucket(span, cuts) : wonRecorded(span, cuts);
    }

    /** {@link #won} counted from the deal records (the reference the stored totals are checked against). */
    public List<Cell> wonRecorded(ReportScope span, List<LocalDate> cuts) {
        Set<Long> won = Scopes.stageIds(dsl, StageKind.WON);
        Field<Integer> b = bucket(DEAL.CLOSED_AT, cuts, span.zone());
        Map<List<Object>, Cell> cells = new LinkedHashMap<>();
        dsl.select(b, DEAL.OWNER_ID, DEAL.STAGE_ID, DSL.count(), DSL.sum(DEAL.AMOUNT)).from(DEAL)
                .where(Scopes.inPeriod(DEAL.CLOSED_AT, span)).and(Scopes.deals(span.filter()))
                .groupBy(groups(b, DEAL.OWNER_ID, DEAL.STAGE_ID))
                .forEach(r -> {
                    if (won.contains(r.value3())) {
                        cells.merge(Arrays.asList(r.value1(), r.value2()), new Cell(r.value1(), r.value2(), r.value4(),
                                r.value5()), (x, y) -> new Cell(x.bucket(), x.userId(), x.count() + y.count(),
                                x.amount().add(y.amount())));
                    }
                });
        return List.copyOf(cells.values());
    }

    /**
     * Outgoing calls, meetings, proposals or new clients of the span by bucket and user; calls from the stored
     * call totals, meetings and proposals from the stored activity totals, when they are readable.
     */
    public List<Cell> activity(ActivityFigures.Kind kind, ReportScope span, List<LocalDate> cuts) {
        if (kind == ActivityFigures.Kind.OUTGOING_CALLS && calls.fromTotals(span)) {
            return TotalFigures.countsByBucket(dsl, CALL_TOTAL.DAY_NO, CALL_TOTAL.USER_ID, CALL_TOTAL.CALL_COUNT,
                    CALL_TOTAL.DIRECTION.eq("out").and(Scopes.people(CALL_TOTAL.USER_ID, span.filter())), span.filter(), cuts);
        }
        if ((kind == ActivityFigures.Kind.MEETINGS || kind == ActivityFigures.Kind.PROPOSALS)
                && activities.activitiesFromTotals(span)) {
            return activities.byBucketFromTotals(kind, span.filter(), cuts);
        }
        return recorded(kind, span, cuts);
    }

    /** {@link #activity} counted from the records (the reference the stored totals are checked against). */
    public List<Cell> recorded(ActivityFigures.Kind kind, ReportScope span, List<LocalDate> cuts) {
        return switch (kind) {
            case OUTGOING_CALLS -> counted(PHONE_CALL.STARTED_AT, PHONE_CALL.USER_ID, ActivityFigures.calls(span), cuts, span);
            case MEETINGS, PROPOSALS -> counted(ACTIVITY.OCCURRED_AT, ACTIVITY.USER_ID,
                    ActivityFigures.activities(kind, span), cuts, span);
            case NEW_CLIENTS -> counted(CLIENT.CREATED_AT, CLIENT.OWNER_ID, ActivityFigures.newClients(span), cuts, span);
        };
    }

    private List<Cell> counted(TableField<?, OffsetDateTime> at, Field<Long> user, Condition where, List<LocalDate> cuts,
                               ReportScope span) {
        Field<Integer> b = bucket(at, cuts, span.zone());
        return dsl.select(b, user, DSL.count()).from(at.getTable())
                .where(where).groupBy(groups(b, user))
                .fetch(r -> new Cell(r.value1(), r.value2(), r.value3(), BigDecimal.ZERO));
    }

    /**
     * Open deals expected to close within the span, by bucket of the expected close (a calendar date, no
     * time zone), owner and stage: the same rows as {@link DealFigures#openExpected} over each bucket. Read
     * as the open stages' ranges of {@code ix_deal_stage_expected} (stage, expected close; V49): at 1 000 000
     * deals a year's span holds 660 000 deals of every stage and 18 500 open ones. One grouped read per open stage
     * (its range of the index: the stage, then the span), all in one statement: for an IN list of stages H2 reads
     * every entry of those stages, whatever their expected close (at 1 000 000 deals 1.06 s with the stages as
     * parameters, 0.15 s written into the statement).
     */
    public List<OpenCell> openExpected(ReportScope span, List<LocalDate> cuts) {
        Set<Long> open = Scopes.stageIds(dsl, StageKind.OPEN);
        Field<Integer> b = bucket(DEAL.EXPECTED_CLOSE, cuts, d -> d);
        org.jooq.Select<org.jooq.Record5<Integer, Long, Long, Integer, BigDecimal>> all = null;
        for (long stage : open) {
            var one = dsl.select(b, DEAL.OWNER_ID, DSL.inline(stage), DSL.count(), DSL.sum(DEAL.AMOUNT)).from(DEAL)
                    .where(DEAL.STAGE_ID.eq(DSL.inline(stage)))
                    .and(DEAL.EXPECTED_CLOSE.between(span.filter().from(), span.filter().to()))
                    .and(Scopes.deals(span.filter()))
                    .groupBy(groups(b, DEAL.OWNER_ID));
            all = all == null ? one : all.unionAll(one);
        }
        if (all == null) {
            return List.of();
        }
        return dsl.fetch(all).map(r -> new OpenCell(r.value1(), new DealFigures.StageAmount(r.value2(), r.value3(),
                r.value4(), r.value5())));
    }

    /**
     * The GROUP BY: the bucket and the keys, or the keys alone when there is one bucket (its expression is
     * then the literal 0, which PostgreSQL would read in a GROUP BY as a column position).
     */
    private static List<Field<?>> groups(Field<Integer> bucket, Field<?>... keys) {
        List<Field<?>> list = new ArrayList<>(List.of(keys));
        if (!(bucket instanceof Param<?>)) {
            list.add(0, bucket);
        }
        return list;
    }

    /** The bucket of an instant: the business day's midnight of each cut, in the business time zone. */
    private static Field<Integer> bucket(Field<OffsetDateTime> at, List<LocalDate> cuts, ZoneId zone) {
        return bucket(at, cuts, d -> Scopes.odt(d.atStartOfDay(zone).toInstant()));
    }

    private static <T> Field<Integer> bucket(Field<T> at, List<LocalDate> cuts, Function<LocalDate, T> boundary) {
        if (cuts.isEmpty()) {
            return DSL.inline(0);
        }
        return search(at, cuts, boundary, 0, cuts.size());
    }

    /**
     * The bucket among buckets lo..hi (cuts lo..hi−1 between them) as a balanced CASE: about log2(cuts)
     * comparisons a row instead of one per cut.
     */
    private static <T> Field<Integer> search(Field<T> at, List<LocalDate> cuts, Function<LocalDate, T> boundary,
                                             int lo, int hi) {
        if (lo == hi) {
            return DSL.inline(lo);
        }
        int mid = (lo + hi) / 2;
        Condition before = at.lt(DSL.inline(boundary.apply(cuts.get(mid)), at.getDataType()));
        return DSL.when(before, search(at, cuts, boundary, lo, mid)).otherwise(search(at, cuts, boundary, mid + 1, hi));
    }
}
