package org.deskcrm.persistence.report;

import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/**
 * The dated records behind activity figures, one row each (id, user, when, label), so that a report
 * can split them by business day or week in the business time zone and list the same rows on a
 * drill-down: meetings and proposals over {@code ix_activity_user}, tasks done over {@code ix_task_done}.
 * Rows are ordered by id in Java: an ORDER BY id lets H2 prefer the primary key to the time range.
 */
public class DatedFacts {
    /** One record: which, whose, when, and a label for the drill-down list. */
    public record Dated(long id, Long userId, Instant at, String label) {
    }

    private final DSLContext dsl;

    public DatedFacts(Database db) {
        this.dsl = db.dsl();
    }

    /** Activities of a kind ({@code meeting}, {@code proposal}) that occurred in the period. */
    public List<Dated> activities(String kindCode, ReportScope s) {
        return dsl.select(ACTIVITY.ID, ACTIVITY.USER_ID, ACTIVITY.OCCURRED_AT, ACTIVITY.SUBJECT).from(ACTIVITY)
                .where(Scopes.inPeriod(ACTIVITY.OCCURRED_AT, s)).and(ACTIVITY.KIND_CODE.eq(kindCode))
                .and(Scopes.people(ACTIVITY.USER_ID, s.filter()))
                .fetch(r -> new Dated(r.value1(), r.value2(), r.value3().toInstant(), r.value4())).stream().sorted(java.util.Comparator.comparingLong(Dated::id)).toList();
    }

    /** Tasks done in the period, by assignee (the same rows as {@code WorkQueries.doneTasksByAssignee}). */
    public List<Dated> tasksDone(ReportScope s) {
        return dsl.select(TASK.ID, TASK.ASSIGNEE_ID, TASK.DONE_AT, TASK.TITLE).from(TASK)
                .where(TASK.STATUS_CODE.eq("done")).and(Scopes.inPeriod(TASK.DONE_AT, s))
                .and(Scopes.people(TASK.ASSIGNEE_ID, s.filter()))
                .fetch(r -> new Dated(r.value1(), r.value2(), r.value3().toInstant(), r.value4())).stream().sorted(java.util.Comparator.comparingLong(Dated::id)).toList();
    }
}
