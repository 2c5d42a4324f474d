package org.deskcrm.persistence;

import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.model.task.TaskStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/**
 * Task lists (today, tomorrow, overdue, all, the request queue), reminders, and the edits of a task
 * after it was created (reassign, reschedule, cancel). Insert and complete stay in {@link TaskRepository}.
 */
public class TaskListRepository {
    private static final Condition OPEN = TASK.STATUS_CODE.eq(TaskStatus.OPEN.code());

    private final DSLContext dsl;

    public TaskListRepository(Database db) {
        this.dsl = db.dsl();
    }

    private List<TaskRow> rows(Condition where, int limit, boolean openFirst) {
        return select(dsl, where, openFirst).limit(limit).fetch(TaskListRepository::map);
    }

    /** Every task of the assignee (everybody's when null), open ones first, through a cursor (exports). */
    public long streamAll(Long assigneeId, AccessScope scope, java.util.function.Consumer<? super TaskRow> sink) {
        Condition where = assignee(assigneeId).and(Visibility.tasks(scope));
        return CursorReader.read(dsl, d -> select(d, where, true), TaskListRepository::map, sink);
    }

    private static org.jooq.SelectLimitStep<Record> select(DSLContext d, Condition where, boolean openFirst) {
        List<SortField<?>> order = openFirst
                ? List.<SortField<?>>of(DSL.when(OPEN, 0).otherwise(1).asc(), TASK.DUE_AT.asc().nullsLast(), TASK.ID.asc())
                : List.<SortField<?>>of(TASK.DUE_AT.asc().nullsLast(), TASK.ID.asc());
        return d.select(TASK.asterisk(), CLIENT.NAME, APP_USER.FULL_NAME, DEAL.TITLE)
                .from(TASK)
                .leftJoin(CLIENT).on(CLIENT.ID.eq(TASK.CLIENT_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(TASK.ASSIGNEE_ID))
                .leftJoin(DEAL).on(DEAL.ID.eq(TASK.DEAL_ID))
                .where(where)
                .orderBy(order);
    }

    private static TaskRow map(Record r) {
        return new TaskRow(TaskRepository.map(r.into(TASK)), r.get(CLIENT.NAME), r.get(APP_USER.FULL_NAME),
                r.get(DEAL.TITLE));
    }

    private static Condition assignee(Long assigneeId) {
        return assigneeId == null ? DSL.noCondition() : TASK.ASSIGNEE_ID.eq(assigneeId);
    }

    /** Open tasks due in [from, to) (a business day), of one assignee or everybody's. */
    public List<TaskRow> openDueBetween(Long assigneeId, Instant from, Instant to, int limit) {
        return rows(OPEN.and(assignee(assigneeId)).and(TASK.DUE_AT.ge(odt(from))).and(TASK.DUE_AT.lt(odt(to))),
                limit, false);
    }

    /** Open tasks due before {@code now}: overdue. */
    public List<TaskRow> overdue(Long assigneeId, Instant now, int limit) {
        return rows(OPEN.and(assignee(assigneeId)).and(TASK.DUE_AT.lt(odt(now))), limit, false);
    }

    public int overdueCount(Long assigneeId, Instant now) {
        return dsl.fetchCount(TASK, OPEN.and(assignee(assigneeId)).and(TASK.DUE_AT.lt(odt(now))));
    }

    /** Open tasks of the assignee whose reminder time or due time has come (the status bar's count). */
    public int attentionCount(Long assigneeId, Instant now) {
        return dsl.fetchCount(TASK, OPEN.and(assignee(assigneeId))
                .and(TASK.REMIND_AT.le(odt(now)).or(TASK.DUE_AT.le(odt(now)))));
    }

    /** Every task of the assignee, open ones first, by due time. */
    public List<TaskRow> all(Long assigneeId, int limit) {
        return rows(assignee(assigneeId), limit, true);
    }

    /** Every task of the assignee that {@code scope} sees (own and the team's queue), open ones first. */
    public List<TaskRow> all(Long assigneeId, int limit, AccessScope scope) {
        return rows(assignee(assigneeId).and(Visibility.tasks(scope)), limit, true);
    }

    /** Open tasks due in [from, to) that {@code scope} sees. */
    public List<TaskRow> openDueBetween(Long assigneeId, Instant from, Instant to, int limit, AccessScope scope) {
        return rows(OPEN.and(assignee(assigneeId)).and(TASK.DUE_AT.ge(odt(from))).and(TASK.DUE_AT.lt(odt(to)))
                .and(Visibility.tasks(scope)), limit, false);
    }

    /** Overdue open tasks that {@code scope} sees. */
    public List<TaskRow> overdue(Long assigneeId, Instant now, int limit, AccessScope scope) {
        return rows(OPEN.and(assignee(assigneeId)).and(TASK.DUE_AT.lt(odt(now))).and(Visibility.tasks(scope)),
                limit, false);
    }

    /** Open tasks of one client that {@code scope} sees, soonest due first (the client card). */
    public List<TaskRow> openOfClient(long clientId, int limit, AccessScope scope) {
        return rows(OPEN.and(TASK.CLIENT_ID.eq(clientId)).and(Visibility.tasks(scope)), limit, false);
    }

    /** Open requests of a team's queue that {@code scope} sees. */
    public List<TaskRow> requests(Long teamId, int limit, AccessScope scope) {
        Condition c = OPEN.and(TASK.KIND_CODE.eq(TaskKind.REQUEST.code())).and(Visibility.tasks(scope));
        if (teamId != null) {
            c = c.and(TASK.TEAM_ID.eq(teamId));
        }
        return rows(c, limit, false);
    }

    /** The task if {@code scope} sees it. */
    public Optional<TaskRow> find(long id, AccessScope scope) {
        return rows(TASK.ID.eq(id).and(Visibility.tasks(scope)), 1, false).stream().findFirst();
    }

    /** Open requests of a team's queue (every team's when {@code teamId} is null). */
    public List<TaskRow> requests(Long teamId, int limit) {
        Condition c = OPEN.and(TASK.KIND_CODE.eq(TaskKind.REQUEST.code()));
        if (teamId != null) {
            c = c.and(TASK.TEAM_ID.eq(teamId));
        }
        return rows(c, limit, false);
    }

    public Optional<TaskRow> find(long id) {
        return rows(TASK.ID.eq(id), 1, false).stream().findFirst();
    }

    /** Open tasks whose reminder time has come and that were not reminded yet. */
    public List<TaskRow> remindersDue(Long assigneeId, Instant now) {
        return rows(OPEN.and(assignee(assigneeId)).and(TASK.REMIND_AT.le(odt(now))).and(TASK.REMINDED_AT.isNull()),
                500, false);
    }

    public void markReminded(Collection<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            dsl.update(TASK).set(TASK.REMINDED_AT, odt(at)).where(TASK.ID.in(ids)).execute();
        }
    }

    /** Rewrites the editable fields of a task (version-checked); returns the new version. */
    public long update(Task t, Instant now) {
        int n = dsl.update(TASK)
                .set(TASK.TITLE, t.title().strip())
                .set(TASK.DESCRIPTION, t.description())
                .set(TASK.KIND_CODE, t.kind().code())
                .set(TASK.DUE_AT, odt(t.dueAt()))
                .set(TASK.REMIND_AT, odt(t.remindAt()))
                .set(TASK.REMINDED_AT, (java.time.OffsetDateTime) null)
                .set(TASK.ASSIGNEE_ID, t.assigneeId())
                .set(TASK.TEAM_ID, t.teamId())
                .set(TASK.CLIENT_ID, t.clientId())
                .set(TASK.DEAL_ID, t.dealId())
                .set(TASK.UPDATED_AT, odt(now))
                .set(TASK.VERSION, t.version() + 1)
                .where(TASK.ID.eq(t.id()).and(TASK.VERSION.eq(t.version())))
                .execute();
        check(n, t.id());
        return t.version() + 1;
    }

    /** Gives a task (e.g. a request from the queue) to an assignee; returns the new version. */
    public long assign(long id, long version, Long assigneeId, Instant now) {
        int n = dsl.update(TASK).set(TASK.ASSIGNEE_ID, assigneeId).set(TASK.UPDATED_AT, odt(now))
                .set(TASK.VERSION, version + 1)
                .where(TASK.ID.eq(id).and(TASK.VERSION.eq(version))).execute();
        check(n, id);
        return version + 1;
    }

    public long setStatus(long id, long version, TaskStatus status, Instant now) {
        int n = dsl.update(TASK).set(TASK.STATUS_CODE, status.code()).set(TASK.UPDATED_AT, odt(now))
                .set(TASK.DONE_AT, status == TaskStatus.OPEN ? null : odt(now))
                .set(TASK.VERSION, version + 1)
                .where(TASK.ID.eq(id).and(TASK.VERSION.eq(version))).execute();
        check(n, id);
        return version + 1;
    }

    private void check(int n, long id) {
        if (n == 0) {
            if (!dsl.fetchExists(TASK, TASK.ID.eq(id))) {
                throw new NotFoundException("task", id);
            }
            throw new ConcurrentEditException("task", id);
        }
    }
}
