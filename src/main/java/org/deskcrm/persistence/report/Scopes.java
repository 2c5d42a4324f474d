package org.deskcrm.persistence.report;

import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.jooq.tables.DealStageHistory;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/** The WHERE clauses every report shares, so that two reports filter a deal or a call the same way. */
final class Scopes {
    private Scopes() {
    }

    static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    /** Instants in [start, end) of the scope's period, compared as instants on both databases. */
    static Condition inPeriod(Field<OffsetDateTime> field, ReportScope s) {
        return field.ge(odt(s.start())).and(field.lt(odt(s.end())));
    }

    /** Pipeline, manager or team, source and score band of deals. */
    static Condition deals(ReportFilter f) {
        return deals(f, DEAL.PIPELINE_ID, DEAL.SOURCE_ID);
    }

    /**
     * The stage-history rows {@code where} selects, of the deals the filter selects, where {@code where} already keeps
     * to stages of the filter's pipeline (a deal never changes pipeline, so its stages name it): the deal is joined
     * only when the filter also narrows by manager, team, source or band. The stage index alone then serves the read
     * ({@code ix_dsh_to_stage}: stage, entered, left) instead of a row fetch of each deal.
     */
    static <R extends Record> SelectConditionStep<R> historyOfDeals(SelectJoinStep<R> rows, DealStageHistory h,
                                                                     Condition where, ReportFilter f) {
        boolean onlyPipeline = f.managerId() == null && f.teamId() == null && f.sourceId() == null && f.band() == null;
        return onlyPipeline ? rows.where(where) : rows.join(DEAL).on(DEAL.ID.eq(h.DEAL_ID)).where(where).and(deals(f));
    }

    /**
     * {@link #deals} for deals a period of {@code closed_at} already narrows: the pipeline and the source written so
     * that no index on them applies ({@code coalesce}, as {@link #stageIs}), so H2 reads the period's range of the
     * closed-deals index, which holds both, instead of fetching every deal of the pipeline from the table. At
     * 1 000 000 deals, a year's won deals of one pipeline (42 127): the pipeline index, 167 612 rows fetched, 0.7-1.8 s;
     * the range, 639 663 index entries, 0.34-0.60 s.
     */
    static Condition closedDeals(ReportFilter f) {
        return deals(f, DSL.coalesce(DEAL.PIPELINE_ID, DSL.inline(-1L)), DSL.coalesce(DEAL.SOURCE_ID, DSL.inline(-1L)));
    }

    private static Condition deals(ReportFilter f, Field<Long> pipeline, Field<Long> source) {
        Condition c = DSL.noCondition();
        if (f.pipelineId() != null) {
            c = c.and(pipeline.eq(f.pipelineId()));
        }
        if (f.sourceId() != null) {
            c = c.and(source.eq(f.sourceId()));
        }
        if (f.band() != null) {
            c = c.and(DEAL.SCORE_BAND.eq(f.band().code()));
        }
        return c.and(people(DEAL.OWNER_ID, f));
    }

    /** Manager or team of a record's user column (calls, activities, tasks, client owners). */
    static Condition people(Field<Long> userField, ReportFilter f) {
        Condition c = DSL.noCondition();
        if (f.managerId() != null) {
            c = c.and(userField.eq(f.managerId()));
        }
        if (f.teamId() != null) {
            c = c.and(userField.in(DSL.select(APP_USER.ID).from(APP_USER).where(APP_USER.TEAM_ID.eq(f.teamId()))));
        }
        return c;
    }

    /**
     * The stage is of the kind, as {@code IN (stages of the kind)}: lets the database drive the query from a
     * stage index (deals open now). Where a period already narrows the rows, use {@link #stageIs}.
     */
    static Condition stageOfKind(Field<Long> stageField, StageKind kind) {
        return stageField.in(DSL.select(STAGE.ID).from(STAGE).where(STAGE.KIND_CODE.eq(kind.code())));
    }

    /**
     * The stage is of the kind, for rows a period already narrows (deals closed in the period): the same rows
     * as {@link #stageOfKind}, written so that no index on the stage column applies. H2 plans
     * {@code stage_id IN (subquery)} as a scan of the stage index — every won deal ever, each row fetched
     * (47 678 rows, 23 240 page reads on the medium set for a one-month revenue query) — instead of the
     * period's range on {@code ix_deal_closed_facts}, which holds the stage and the amount (3 041 rows, 173
     * reads). Wrapped in {@code coalesce} (the column is never null) the condition is checked on each entry
     * of that range; a correlated {@code EXISTS} was tried and costs a subquery per row. The stages' ids are read
     * first and written into the statement: H2 checks a list of constants by a hash look-up, where the same list as
     * a subquery cost three to four times the read itself (a year's 63 180 closed deals at 100 000 deals: 166–396 ms
     * with the subquery, 50–78 ms with the ids, 40–64 ms with no stage condition at all). On the medium set (12 months, H2): won by owner 2 651 → 553 ms, lost by owner
     * 1 907 → 457 ms at load ≈ 20. PostgreSQL plans both forms from its statistics.
     */
    static Condition stageIs(org.jooq.DSLContext dsl, Field<Long> stageField, StageKind... kinds) {
        java.util.Set<Long> ids = stageIds(dsl, kinds);
        return ids.isEmpty() ? DSL.falseCondition()
                : DSL.coalesce(stageField, DSL.inline(-1L)).in(ids.stream().map(DSL::inline).toList());
    }

    /**
     * The ids of the stages of these kinds, in every pipeline, in order (what {@link #stageIs} checks, for a check in
     * Java).
     */
    static java.util.SortedSet<Long> stageIds(org.jooq.DSLContext dsl, StageKind... kinds) {
        return new java.util.TreeSet<>(dsl.select(STAGE.ID).from(STAGE)
                .where(STAGE.KIND_CODE.in(java.util.Arrays.stream(kinds).map(StageKind::code).toList()))
                .fetch(STAGE.ID));
    }

    /** Deals won in the period: in a won stage now, closed (won) within the period. The revenue rule. */
    static Condition wonIn(org.jooq.DSLContext dsl, ReportScope s) {
        return inPeriod(DEAL.CLOSED_AT, s).and(stageIs(dsl, DEAL.STAGE_ID, StageKind.WON)).and(closedDeals(s.filter()));
    }

    /** Deals won or lost in the period: {@link #wonIn} and {@link #lostIn} in one range read. */
    static Condition closedIn(org.jooq.DSLContext dsl, ReportScope s) {
        return inPeriod(DEAL.CLOSED_AT, s).and(stageIs(dsl, DEAL.STAGE_ID, StageKind.WON, StageKind.LOST))
                .and(closedDeals(s.filter()));
    }

    /** Deals lost in the period. */
    static Condition lostIn(org.jooq.DSLContext dsl, ReportScope s) {
        return inPeriod(DEAL.CLOSED_AT, s).and(stageIs(dsl, DEAL.STAGE_ID, StageKind.LOST)).and(closedDeals(s.filter()));
    }

    /** Deals created in the period (the cohort of a funnel, the leads of a source or manager). */
    static Condition createdIn(ReportScope s) {
        return inPeriod(DEAL.CREATED_AT, s).and(deals(s.filter()));
    }

    static <T> Condition pick(Field<T> field, Pick p, Class<T> type) {
        if (p.any()) {
            return DSL.noCondition();
        }
        return p.key() == null ? field.isNull() : field.eq(DSL.val(p.key()).cast(type));
    }
}
