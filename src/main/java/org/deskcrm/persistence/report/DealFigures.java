package org.deskcrm.persistence.report;

import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.jooq.tables.DealStageHistory;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.List;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;

/**
 * Deal counts and amounts grouped by one column of the deal table: won in the period (revenue),
 * lost in the period, created in the period (leads). Each is a single-table GROUP BY on an index
 * ({@code ix_deal_closed_facts}, {@code ix_deal_created}, {@code ix_deal_cohort}); each has a drill-down listing the same deals.
 */
public class DealFigures {
    /** What deals a figure counts. */
    public enum Outcome { WON, LOST, CREATED }

    /** The deal column a figure is grouped by. */
    public enum By { OWNER, SOURCE, LOST_REASON, PIPELINE }

    private final DSLContext dsl;
    private final TotalFigures totals;

    public DealFigures(Database db) {
        this.dsl = db.dsl();
        this.totals = new TotalFigures(dsl, new DealTotals(db.dsl()));
    }

    /**
     * Whether the grouped figures of this scope come from the stored totals; false when the totals are not
     * built or were cut in another business zone (the figures then come from the records, more slowly, and
     * a rebuild is due).
     */
    public boolean fromTotals(ReportScope s) {
        return totals.readable(s);
    }

    static Field<Long> column(By by) {
        return switch (by) {
            case OWNER -> DEAL.OWNER_ID;
            case SOURCE -> DEAL.SOURCE_ID;
            case LOST_REASON -> DEAL.LOST_REASON_ID;
            case PIPELINE -> DEAL.PIPELINE_ID;
        };
    }

    private Condition where(Outcome outcome, ReportScope s) {
        return switch (outcome) {
            case WON -> Scopes.wonIn(dsl, s);
            case LOST -> Scopes.lostIn(dsl, s);
            case CREATED -> Scopes.createdIn(s);
        };
    }

    /**
     * The deals of an outcome in the period grouped by a column: from the stored totals when they are readable
     * (lost reason is a key of lost deals only; other outcomes by lost reason count the records).
     */
    public List<Tally> grouped(Outcome outcome, By by, ReportScope s) {
        boolean keyed = by != By.LOST_REASON || outcome == Outcome.LOST;
        return keyed && totals.readable(s) ? totals.grouped(outcome, by, s) : recorded(outcome, by, s);
    }

    /** {@link #grouped} counted from the deal records (the reference the stored totals are checked against). */
    public List<Tally> recorded(Outcome outcome, By by, ReportScope s) {
        Field<Long> key = column(by);
        return dsl.select(key, DSL.count(), DSL.sum(DEAL.AMOUNT)).from(DEAL).where(where(outcome, s))
                .groupBy(key).fetch(r -> new Tally(r.value1(), r.value2(), r.value3()));
    }

    public List<DrillItem> drill(Outcome outcome, By by, Pick pick, ReportScope s) {
        return dsl.select(DEAL.ID, DEAL.TITLE, DEAL.AMOUNT).from(DEAL)
                .where(where(outcome, s)).and(Scopes.pick(column(by), pick, Long.class))
                .orderBy(DEAL.ID).fetch(r -> new DrillItem("deal", r.value1(), r.value2(), r.value3()));
    }

    /** Lost deals of the period by the stage they were lost at (the from-stage of their current history row). */
    public List<Tally> lostByStage(ReportScope s) {
        return totals.readable(s) ? totals.lostByStage(s) : lostByStageRecorded(s);
    }

    /** {@link #lostByStage} counted from the deal records and their stage history. */
    public List<Tally> lostByStageRecorded(ReportScope s) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        return dsl.select(h.FROM_STAGE_ID, DSL.count(), DSL.sum(DEAL.AMOUNT)).from(DEAL)
                .join(h).on(h.DEAL_ID.eq(DEAL.ID).and(h.LEFT_AT.isNull()))
                .where(Scopes.lostIn(dsl, s)).groupBy(h.FROM_STAGE_ID)
                .fetch(r -> new Tally(r.value1(), r.value2(), r.value3()));
    }

    public List<DrillItem> lostByStageDrill(Pick pick, ReportScope s) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        return dsl.select(DEAL.ID, DEAL.TITLE, DEAL.AMOUNT).from(DEAL)
                .join(h).on(h.DEAL_ID.eq(DEAL.ID).and(h.LEFT_AT.isNull()))
                .where(Scopes.lostIn(dsl, s)).and(Scopes.pick(h.FROM_STAGE_ID, pick, Long.class))
                .orderBy(DEAL.ID).fetch(r -> new DrillItem("deal", r.value1(), r.value2(), r.value3()));
    }

    /** Open deals now, by owner: count and amount (manager load); from the stored totals when they are readable. */
    public List<Tally> openByOwner(ReportScope s) {
        return totals.readable(s) ? totals.openByOwner(s) : openByOwnerRecorded(s);
    }

    /** {@link #openByOwner} counted from the deal records. */
    public List<Tally> openByOwnerRecorded(ReportScope s) {
        return dsl.select(DEAL.OWNER_ID, DSL.count(), DSL.sum(DEAL.AMOUNT)).from(DEAL)
                .where(Scopes.stageOfKind(DEAL.STAGE_ID, StageKind.OPEN)).and(Scopes.deals(s.filter()))
                .groupBy(DEAL.OWNER_ID).fetch(r -> new Tally(r.value1(), r.value2(), r.value3()));
    }

    public List<DrillItem> openDrill(Pick owner, ReportScope s) {
        return dsl.select(DEAL.ID, DEAL.TITLE, DEAL.AMOUNT).from(DEAL)
                .where(Scopes.stageOfKind(DEAL.STAGE_ID, StageKind.OPEN)).and(Scopes.deals(s.filter()))
                .and(Scopes.pick(DEAL.OWNER_ID, owner, Long.class))
                .orderBy(DEAL.ID).fetch(r -> new DrillItem("deal", r.value1(), r.value2(), r.value3()));
    }

    /**
     * Open deals expected to close within [from, to], by owner and stage: the raw material of a
     * forecast (amount × the stage's probability).
     */
    public List<StageAmount> openExpected(ReportScope s) {
        return dsl.select(DEAL.OWNER_ID, DEAL.STAGE_ID, DSL.count(), DSL.sum(DEAL.AMOUNT)).from(DEAL)
                .where(DEAL.EXPECTED_CLOSE.between(s.filter().from(), s.filter().to()))
                .and(Scopes.stageOfKind(DEAL.STAGE_ID, StageKind.OPEN)).and(Scopes.deals(s.filter()))
                .groupBy(DEAL.OWNER_ID, DEAL.STAGE_ID)
                .fetch(r -> new StageAmount(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Open deals of one owner at one stage: count and amount. */
    public record StageAmount(long ownerId, long stageId, long count, BigDecimal amount) {
        public StageAmount {
            amount = amount == null ? BigDecimal.ZERO : amount;
        }
    }
}
