package org.deskcrm.persistence.report;

import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.Database;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.jooq.Tables.ACTIVITY_PLAN;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.MISSED_CALL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/** Managers' work: clients and tasks (load), the call log rows of a period, tasks done, the activity plan. */
public class WorkQueries {
    /** One call as the calls report needs it (a narrow read over {@code ix_phone_call_user}). */
    public record CallFact(long id, Long userId, Instant startedAt, String direction, String status, int durationSec,
                           boolean missedReturned) {
    }

    private final DSLContext dsl;

    public WorkQueries(Database db) {
        this.dsl = db.dsl();
    }

    private static Condition activeClients(ReportScope s) {
        return CLIENT.ARCHIVED.isFalse().and(Scopes.people(CLIENT.OWNER_ID, s.filter()));
    }

    public List<Tally> clientsByOwner(ReportScope s) {
        return dsl.select(CLIENT.OWNER_ID, DSL.count()).from(CLIENT).where(activeClients(s)).groupBy(CLIENT.OWNER_ID)
                .fetch(r -> new Tally(r.value1(), r.value2(), BigDecimal.ZERO));
    }

    public List<DrillItem> clientsDrill(ReportScope s, Pick owner) {
        return dsl.select(CLIENT.ID, CLIENT.NAME).from(CLIENT).where(activeClients(s))
                .and(Scopes.pick(CLIENT.OWNER_ID, owner, Long.class)).orderBy(CLIENT.ID)
                .fetch(r -> new DrillItem("client", r.value1(), r.value2(), null));
    }

    private static Condition openTasks(ReportScope s, Instant overdueBefore) {
        Condition c = TASK.STATUS_CODE.eq("open").and(Scopes.people(TASK.ASSIGNEE_ID, s.filter()));
        return overdueBefore == null ? c : c.and(TASK.DUE_AT.lt(Scopes.odt(overdueBefore)));
    }

    /** Open tasks by assignee; only those due before the instant when it is given (overdue). */
    public List<Tally> openTasksByAssignee(ReportScope s, Instant overdueBefore) {
        return dsl.select(TASK.ASSIGNEE_ID, DSL.count()).from(TASK).where(openTasks(s, overdueBefore))
                .groupBy(TASK.ASSIGNEE_ID).fetch(r -> new Tally(r.value1(), r.value2(), BigDecimal.ZERO));
    }

    public List<DrillItem> openTasksDrill(ReportScope s, Instant overdueBefore, Pick assignee) {
        return dsl.select(TASK.ID, TASK.TITLE).from(TASK).where(openTasks(s, overdueBefore))
                .and(Scopes.pick(TASK.ASSIGNEE_ID, assignee, Long.class)).orderBy(TASK.ID)
                .fetch(r -> new DrillItem("task", r.value1(), r.value2(), null));
    }

    private static Condition doneTasks(ReportScope s) {
        return TASK.STATUS_CODE.eq("done").and(Scopes.inPeriod(TASK.DONE_AT, s)).and(Scopes.people(TASK.ASSIGNEE_ID, s.filter()));
    }

    public List<Tally> doneTasksByAssignee(ReportScope s) {
        return dsl.select(TASK.ASSIGNEE_ID, DSL.count()).from(TASK).where(doneTasks(s)).groupBy(TASK.ASSIGNEE_ID)
                .fetch(r -> new Tally(r.value1(), r.value2(), BigDecimal.ZERO));
    }

    public List<DrillItem> doneTasksDrill(ReportScope s, Pick assignee) {
        return dsl.select(TASK.ID, TASK.TITLE).from(TASK).where(doneTasks(s))
                .and(Scopes.pick(TASK.ASSIGNEE_ID, assignee, Long.class)).orderBy(TASK.ID)
                .fetch(r -> new DrillItem("task", r.value1(), r.value2(), null));
    }

    /** Every call of the period (manager or team filter), with whether a missed one was returned. */
    public List<CallFact> calls(ReportScope s) {
        return dsl.select(PHONE_CALL.ID, PHONE_CALL.USER_ID, PHONE_CALL.STARTED_AT, PHONE_CALL.DIRECTION,
                        PHONE_CALL.STATUS_CODE, PHONE_CALL.DURATION_SEC, MISSED_CALL.RESOLVED_AT)
                .from(PHONE_CALL).leftJoin(MISSED_CALL).on(MISSED_CALL.CALL_ID.eq(PHONE_CALL.ID))
                .where(Scopes.inPeriod(PHONE_CALL.STARTED_AT, s)).and(Scopes.people(PHONE_CALL.USER_ID, s.filter()))
                .fetch(r -> new CallFact(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5(),
                        r.value6(), r.value7() != null))
                // sorted here, not in SQL: ORDER BY id made H2 walk the primary key over every call (4.5 s
                // for a month of 100,000 calls) instead of the started_at range
                .stream().sorted(java.util.Comparator.comparingLong(CallFact::id)).toList();
    }

    /** The daily activity plan per metric: a user's own values over the defaults (user null). */
    public Map<Long, Map<String, BigDecimal>> activityPlans() {
        Map<Long, Map<String, BigDecimal>> m = new HashMap<>();
        dsl.selectFrom(ACTIVITY_PLAN).forEach(r ->
                m.computeIfAbsent(r.getUserId(), k -> new HashMap<>()).put(r.getMetric(), r.getPerDay()));
        return m;
    }
}
