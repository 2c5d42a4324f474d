package org.deskcrm.persistence.report;

import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.CohortCell;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.CursorReader;
import org.deskcrm.persistence.IdScopes;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.ReachedStages;
import org.deskcrm.persistence.jooq.tables.DealStageHistory;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;

/**
 * The funnel's queries. The cohort, its lost leads and the won leads come from the stored totals when they are
 * readable (ADR 0026: "created" rows keyed by current stage and reached order, "lostlead" rows by the stage lost
 * at); otherwise, and as the reference the drift contracts compare with, from the records: one GROUP BY over
 * {@code ix_deal_cohort} (pipeline, created, reached order, stage, amount). {@code deal.reached_order} is the
 * highest open/won stage order the deal's history reached, kept by the same transaction that writes the history.
 * The snapshot reads every deal's current stage from the created rows of the totals and corrects it by the moves
 * since its instant (ADR 0030), or reads the history itself ({@code ix_dsh_to_stage}).
 */
public class FunnelQueries {
    private final DSLContext dsl;
    private final TotalFigures totals;
    private final ReportLookups lookups;

    public FunnelQueries(Database db) {
        this.dsl = db.dsl();
        this.totals = new TotalFigures(dsl, new DealTotals(dsl));
        this.lookups = new ReportLookups(db);
    }

    public List<CohortCell> cohort(ReportScope s) {
        return totals.readable(s) ? totals.cohort(s) : cohortRecorded(s);
    }

    /** {@link #cohort} counted from the deal records. */
    public List<CohortCell> cohortRecorded(ReportScope s) {
        return dsl.select(DEAL.REACHED_ORDER, DEAL.STAGE_ID, DSL.count(), DSL.sum(DEAL.AMOUNT)).from(DEAL)
                .where(Scopes.createdIn(s)).groupBy(DEAL.REACHED_ORDER, DEAL.STAGE_ID)
                .fetch(r -> new CohortCell(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Cohort deals lost now, by the stage they were lost at (null: created directly in a lost stage). */
    public List<Tally> lostAt(ReportScope s) {
        return totals.readable(s) ? totals.lostLeadsByStage(s) : lostAtRecorded(s);
    }

    /** {@link #lostAt} counted from the deal records and their current history rows. */
    public List<Tally> lostAtRecorded(ReportScope s) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        return dsl.select(h.FROM_STAGE_ID, DSL.count(), DSL.sum(DEAL.AMOUNT)).from(DEAL)
                .leftJoin(h).on(h.DEAL_ID.eq(DEAL.ID).and(h.LEFT_AT.isNull()))
                .where(Scopes.createdIn(s)).and(Scopes.stageOfKind(DEAL.STAGE_ID, StageKind.LOST))
                .groupBy(h.FROM_STAGE_ID).fetch(r -> new Tally(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Won leads: deals created in the period (leads) that are in a won stage now, grouped by a deal column; a
     * part of the period's leads, so won leads / leads never exceeds 1 (conversion of lead sources and managers).
     */
    public List<Tally> wonLeads(DealFigures.By by, ReportScope s) {
        return totals.readable(s) ? totals.wonLeads(by, s) : wonLeadsRecorded(by, s);
    }

    /** {@link #wonLeads} counted from the deal records. */
    public List<Tally> wonLeadsRecorded(DealFigures.By by, ReportScope s) {
        Field<Long> key = DealFigures.column(by);
        return dsl.select(key, DSL.count(), DSL.sum(DEAL.AMOUNT)).from(DEAL)
                .where(Scopes.createdIn(s)).and(Scopes.stageOfKind(DEAL.STAGE_ID, StageKind.WON))
                .groupBy(key).fetch(r -> new Tally(r.value1(), r.value2(), r.value3()));
    }

    public List<DrillItem> wonLeadsDrill(DealFigures.By by, Pick pick, ReportScope s) {
        return deals(Scopes.createdIn(s).and(Scopes.stageOfKind(DEAL.STAGE_ID, StageKind.WON))
                .and(Scopes.pick(DealFigures.column(by), pick, Long.class)));
    }

    public List<DrillItem> reachedDrill(ReportScope s, int minOrder) {
        return deals(Scopes.createdIn(s).and(DEAL.REACHED_ORDER.ge(minOrder)));
    }

    public List<DrillItem> atStageDrill(ReportScope s, Pick stage) {
        return deals(Scopes.createdIn(s).and(Scopes.pick(DEAL.STAGE_ID, stage, Long.class)));
    }

    public List<DrillItem> ofKindDrill(ReportScope s, StageKind kind) {
        return deals(Scopes.createdIn(s).and(Scopes.stageOfKind(DEAL.STAGE_ID, kind)));
    }

    public List<DrillItem> lostAtDrill(ReportScope s, Pick fromStage) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        return dsl.select(DEAL.ID, DEAL.TITLE, DEAL.AMOUNT).from(DEAL)
                .leftJoin(h).on(h.DEAL_ID.eq(DEAL.ID).and(h.LEFT_AT.isNull()))
                .where(Scopes.createdIn(s)).and(Scopes.stageOfKind(DEAL.STAGE_ID, StageKind.LOST))
                .and(Scopes.pick(h.FROM_STAGE_ID, fromStage, Long.class))
                .orderBy(DEAL.ID).fetch(r -> new DrillItem("deal", r.value1(), r.value2(), r.value3()));
    }

    private List<DrillItem> deals(Condition c) {
        return dsl.select(DEAL.ID, DEAL.TITLE, DEAL.AMOUNT).from(DEAL).where(c).orderBy(DEAL.ID)
                .fetch(r -> new DrillItem("deal", r.value1(), r.value2(), r.value3()));
    }

    /**
     * Where every deal stood at the instant, by stage, with the amount it had then: from the totals when readable
     * and few of the filter's deals moved since the instant ({@link #snapshotFromTotals}), otherwise from the
     * history ({@link #snapshotRecorded}).
     */
    public List<Tally> snapshot(ReportScope s, Instant at) {
        if (!totals.readable(s)) {
            return snapshotRecorded(s, at);
        }
        List<Tally> now = totals.byCurrentStage(s);
        Set<Long> moved = movedSince(s.filter(), at);
        long deals = now.stream().mapToLong(Tally::count).sum();
        // an instant long ago: reading the history at it reads less
        return moved.size() > deals / MOVED_SHARE ? snapshotRecorded(s, at) : corrected(now, moved, s.filter(), at);
    }

    /** {@link #snapshot} from the history: every stay entered before the instant and not left by then. */
    public List<Tally> snapshotRecorded(ReportScope s, Instant at) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        return dsl.select(h.TO_STAGE_ID, DSL.count(), DSL.sum(h.AMOUNT)).from(h)
                .join(DEAL).on(DEAL.ID.eq(h.DEAL_ID))
                .where(standing(h, at)).and(Scopes.deals(s.filter()))
                .groupBy(h.TO_STAGE_ID).fetch(r -> new Tally(r.value1(), r.value2(), r.value3()));
    }

    /**
     * {@link #snapshot} from the totals (ADR 0030), however many deals moved since: every deal of the filter at its
     * current stage with the amount it entered it with (the created rows of every month), corrected by the deals
     * whose history has a row entered at or after the instant — their current stay is taken out and the stay they
     * stood in at the instant, if any, put in. A deal with no such row has stood in its current stay since before
     * the instant (its history is a chain: each row left when the next is entered, the last one open).
     */
    public List<Tally> snapshotFromTotals(ReportScope s, Instant at) {
        return corrected(totals.byCurrentStage(s), movedSince(s.filter(), at), s.filter(), at);
    }

    /**
     * The deals of the filter's pipeline (every pipeline without one) with a history row entered at or after the
     * instant: one range of the stage index per stage (for "to_stage_id IN (…)" H2 reads every entry of those
     * stages, and for an IN of their UNION it reads the whole history).
     */
    private Set<Long> movedSince(ReportFilter f, Instant at) {
        DealStageHistory later = DEAL_STAGE_HISTORY.as("later");
        Set<Long> moved = new TreeSet<>();
        for (Stage stage : f.pipelineId() == null ? lookups.stages().values() : lookups.stagesOf(f.pipelineId())) {
            CursorReader.eachRow(dsl, d -> d.select(later.DEAL_ID).from(later).where(later.TO_STAGE_ID.eq(stage.id()))
                    .and(later.CHANGED_AT.ge(Scopes.odt(at))), row -> moved.add(row.getLong(1)));
        }
        return moved;
    }

    /**
     * The deals by current stage, each moved deal's current stay taken out and its stay at the instant put in. On H2
     * by the stages' rows ({@link #correctedByStages}); on PostgreSQL by the movers' rows, read by their ids
     * ({@link #correctedByIds}): there the stage joins were planned as hash joins over the whole history (100 000 deals:
     * 218–245 ms of statements against 52–103 ms by ids), on H2 the ids were (see below).
     */
    private List<Tally> corrected(List<Tally> now, Set<Long> moved, ReportFilter f, Instant at) {
        Map<Long, Tally> byStage = new HashMap<>();
        now.forEach(t -> add(byStage, t.key(), t.count(), t.amount()));
        if (moved.isEmpty()) {
            // nobody moved since the instant: the standing now is the standing then
        } else if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            correctedByIds(byStage, moved, f, at);
        } else {
            correctedByStages(byStage, f, at);
        }
        byStage.values().removeIf(t -> t.count() == 0 && t.amount().signum() == 0);
        return List.copyOf(byStage.values());
    }

    /** Each mover's rows, read by lists of its ids: the current stay out, the stay at the instant in. */
    private void correctedByIds(Map<Long, Tally> byStage, Set<Long> moved, ReportFilter f, Instant at) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        for (Condition one : IdScopes.of(h.DEAL_ID, moved)) {
            // the movers were found among the stages of the filter's pipeline: their rows are of that pipeline
            CursorReader.eachRow(dsl, d -> Scopes.historyOfDeals(
                    d.select(h.TO_STAGE_ID, h.CHANGED_AT, h.LEFT_AT, h.AMOUNT).from(h), h, one, f), row -> {
                long stage = row.getLong(1);
                Instant entered = CursorReader.instant(row, 2);
                Instant left = CursorReader.instant(row, 3);
                BigDecimal amount = row.getBigDecimal(4);
                if (left == null) {
                    add(byStage, stage, -1, amount.negate());
                }
                if (entered.isBefore(at) && (left == null || !left.isBefore(at))) {
                    add(byStage, stage, 1, amount);
                }
            });
        }
    }

    /**
     * The same corrections read stage by stage from the rows entered at or after the instant (the range of the stage
     * index): those still open are the movers' current stays; the row each of them follows — entered before the
     * instant and left when it was entered (the history is a chain) — is a mover's stay at the instant, found by the
     * deal's rows. Two statements a stage, whatever the number of movers: on H2 the movers' ids as lists of a
     * thousand took longer to plan and check than to read (at 1 000 000 deals, a snapshot a week back: 2.5 s of 3.1).
     */
    private void correctedByStages(Map<Long, Tally> byStage, ReportFilter f, Instant at) {
        DealStageHistory later = DEAL_STAGE_HISTORY.as("later");
        DealStageHistory before = DEAL_STAGE_HISTORY.as("before");
        Set<Long> counted = new java.util.HashSet<>();
        for (Stage stage : f.pipelineId() == null ? lookups.stages().values() : lookups.stagesOf(f.pipelineId())) {
            Condition entered = later.TO_STAGE_ID.eq(stage.id()).and(later.CHANGED_AT.ge(Scopes.odt(at)));
            CursorReader.eachRow(dsl, d -> Scopes.historyOfDeals(d.select(later.AMOUNT).from(later), later,
                    entered.and(later.LEFT_AT.isNull()), f), row -> add(byStage, stage.id(), -1, row.getBigDecimal(1).negate()));
            CursorReader.eachRow(dsl, d -> Scopes.historyOfDeals(d.select(before.ID, before.TO_STAGE_ID, before.AMOUNT)
                            .from(later).join(before).on(before.DEAL_ID.eq(later.DEAL_ID)
                                    .and(before.LEFT_AT.eq(later.CHANGED_AT)).and(before.CHANGED_AT.lt(Scopes.odt(at)))),
                    later, entered, f), row -> {
                if (counted.add(row.getLong(1))) { // a row followed by several entered at the same instant counts once
                    add(byStage, row.getLong(2), 1, row.getBigDecimal(3));
                }
            });
        }
    }

    /**
     * When more than one in this many of the filter's deals moved since the instant, the snapshot reads the history
     * at the instant instead: that reads the stage index in order, the corrections read each mover's rows at random
     * places: on H2 about 30 µs a moved deal at 1 000 000 deals (the history query of a 167 000-deal pipeline
     * 1.1-1.3 s) and at 100 000 (the history query of 17 000 deals about 0.1 s).
     */
    static final int MOVED_SHARE = 8;

    private static void add(Map<Long, Tally> byStage, Long stage, long count, BigDecimal amount) {
        byStage.merge(stage, new Tally(stage, count, amount),
                (a, b) -> new Tally(stage, a.count() + b.count(), a.amount().add(b.amount())));
    }

    public List<DrillItem> snapshotDrill(ReportScope s, Instant at, Pick stage) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        return dsl.select(DEAL.ID, DEAL.TITLE, h.AMOUNT).from(h)
                .join(DEAL).on(DEAL.ID.eq(h.DEAL_ID))
                .where(standing(h, at)).and(Scopes.deals(s.filter()))
                .and(Scopes.pick(h.TO_STAGE_ID, stage, Long.class))
                .orderBy(DEAL.ID).fetch(r -> new DrillItem("deal", r.value1(), r.value2(), r.value3()));
    }

    private static Condition standing(DealStageHistory h, Instant at) {
        return h.CHANGED_AT.lt(Scopes.odt(at)).and(h.LEFT_AT.isNull().or(h.LEFT_AT.ge(Scopes.odt(at))));
    }

    /** Deals whose stored reached order disagrees with their history (should be none). */
    public List<Long> reachedOrderMismatches() {
        return dsl.select(DEAL.ID).from(DEAL).where(DEAL.REACHED_ORDER.ne(ReachedStages.fromHistory(DEAL.ID)))
                .orderBy(DEAL.ID).fetch(DEAL.ID);
    }
}
