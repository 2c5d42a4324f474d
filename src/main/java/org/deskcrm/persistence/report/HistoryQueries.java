package org.deskcrm.persistence.report;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.CursorReader;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.jooq.tables.DealStageHistory;
import org.jooq.DSLContext;

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
     * Stays that ended within the period, of deals matching the filter, in no particular order (a drill-down sorts
     * what it lists). Read as a stream: at 1 000 000 deals a year holds a quarter of a million stays of a pipeline,
     * which H2 sorted by id in a temporary file before the first row (5 s of the velocity report's 12 s).
     */
    public List<Stay> staysEnded(ReportScope s) {
        DealStageHistory h = DEAL_STAGE_HISTORY;
        return CursorReader.list(dsl, d -> d.select(h.ID, h.DEAL_ID, h.TO_STAGE_ID, h.CHANGED_AT, h.LEFT_AT).from(h)
                        .join(DEAL).on(DEAL.ID.eq(h.DEAL_ID))
                        .where(Scopes.inPeriod(h.LEFT_AT, s)).and(Scopes.deals(s.filter())),
                r -> new Stay(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5().toInstant()));
    }

    /**
     * Deals won within the period (the revenue rule's deals) with their creation and winning instants, in no
     * particular order, read as a stream ({@link #staysEnded}); with their titles when {@code titles} (a
     * drill-down lists them).
     */
    public List<Cycle> wonCycles(ReportScope s, boolean titles) {
        org.jooq.Field<String> title = titles ? DEAL.TITLE : org.jooq.impl.DSL.inline((String) null, DEAL.TITLE);
        return CursorReader.list(dsl, d -> d.select(DEAL.ID, title, DEAL.CREATED_AT, DEAL.CLOSED_AT).from(DEAL)
                        .where(Scopes.wonIn(s)),
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
