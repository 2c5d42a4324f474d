package org.deskcrm.persistence.report;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.CursorReader;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.jooq.tables.DealStageHistory;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;

import static org.deskcrm.persistence.jooq.Tables.AUDIT_EVENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;

/** Stage durations (velocity, cycle) and the event feed. */
public class HistoryQueries {
    /** A stay of a deal in a stage: entered, left. */
    public record Stay(long historyId, long dealId, long stageId, Instant entered, Instant left) {
    }

    /** A deal won in the period: created, won. */
    public record Cycle(long dealId, String title, Instant created, Instant won) {
    }

    private final DSLContext dsl;

    public HistoryQueries(Database db) {
        this.dsl = db.dsl();
    }

    /**
     * Stays that ended within the period in the given stages (a pipeline's: a deal never changes pipeline, so they
     * are the stays of the pipeline's deals), of deals matching the filter, in no particular order (a drill-down
     * sorts what it lists); with their deals when {@code withDeals} (a drill-down names them). Read as a stream: at
     * 1 000 000 deals a year holds a quarter of a million stays of a pipeline. When the filter narrows by nothing
     * but the pipeline, the stays are read from the stage index alone ({@code ix_dsh_to_stage}: stage, entered,
     * left); otherwise each is joined to its deal.
     * At 1 000 000 deals on H2 the index alone reads 248 339 stays in 0.8 s where the join took 2.1 s warm.
     * The stage ids are written into the statement: given as parameters, H2 reads the whole index instead of the
     * stages' ranges (at 100 000 deals 329 005 entries instead of the pipeline's 67 853, 3–5 times as long).
     */
    public List<Stay> staysEnded(ReportScope s, java.util.Collection<Long> stages, boolean withDeals) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        org.jooq.Field<Long> deal = withDeals ? h.DEAL_ID : DSL.inline(0L);
        return CursorReader.listRows(dsl, d -> Scopes.historyOfDeals(
                d.select(h.ID, deal, h.TO_STAGE_ID, h.CHANGED_AT, h.LEFT_AT).from(h), h,
                h.TO_STAGE_ID.in(stages.stream().map(DSL::inline).toList()).and(Scopes.inPeriod(h.LEFT_AT, s)), s.filter()), r -> new Stay(r.getLong(1), r.getLong(2), r.getLong(3), CursorReader.instant(r, 4), CursorReader.instant(r, 5)));
    }

    /**
     * Deals won within the period (the revenue rule's deals) with their creation and winning instants, in no
     * particular order, read as a stream ({@link #staysEnded}); with their titles when {@code titles} (a
     * drill-down lists them).
     */
    public List<Cycle> wonCycles(ReportScope s, boolean titles) {
        org.jooq.Field<String> title = titles ? DEAL.TITLE : DSL.inline((String) null, DEAL.TITLE);
        return CursorReader.list(dsl, d -> d.select(DEAL.ID, title, DEAL.CREATED_AT, DEAL.CLOSED_AT).from(DEAL)
                        .where(Scopes.wonIn(dsl, s)),
                r -> new Cycle(r.value1(), r.value2(), r.value3().toInstant(), r.value4().toInstant()));
    }

    /** The event feed of the period, oldest first, at most {@code limit} events. */
    public List<AuditEvent> events(ReportScope s, int limit) {
        return dsl.selectFrom(AUDIT_EVENT).where(Scopes.inPeriod(AUDIT_EVENT.OCCURRED_AT, s))
                .and(Scopes.people(AUDIT_EVENT.USER_ID, s.filter()))
                .orderBy(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ID).limit(limit)
                .fetch(r -> new AuditEvent(r.getId(), r.getOccurredAt().toInstant(), r.getUserId(),
                        AuditAction.ofCode(r.getAction()), r.getEntity(), r.getEntityId(), r.getFieldName(),
                        r.getOldValue(), r.getNewValue(), r.getDetails()));
    }
}
