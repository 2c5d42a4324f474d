package org.deskcrm.persistence;

import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.task.Activity;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.persistence.jooq.tables.records.TaskRecord;
import org.deskcrm.persistence.totals.ActivityTotals;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/** Tasks and reminders, and the timeline activities (notes, meetings, proposals). */
public class TaskRepository {
    private final DSLContext dsl;
    private final ActivityTotals totals;

    public TaskRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new ActivityTotals(db.dsl());
    }

    static Task map(TaskRecord r) {
        return new Task(r.getId(), r.getTitle(), r.getDescription(), TaskKind.ofCode(r.getKindCode()),
                TaskStatus.ofCode(r.getStatusCode()), instant(r.getDueAt()), instant(r.getRemindAt()),
                r.getAssigneeId(), r.getTeamId(), r.getClientId(), r.getDealId(), r.getResult(),
                r.getTimeSpentMin(), instant(r.getDoneAt()), r.getVersion());
    }

    public long insert(Task t, Long createdBy, Instant now) {
        return dsl.insertInto(TASK)
                .set(TASK.TITLE, t.title().strip())
                .set(TASK.DESCRIPTION, t.description())
                .set(TASK.KIND_CODE, t.kind().code())
                .set(TASK.STATUS_CODE, t.status().code())
                .set(TASK.DUE_AT, odt(t.dueAt()))
                .set(TASK.REMIND_AT, odt(t.remindAt()))
                .set(TASK.ASSIGNEE_ID, t.assigneeId())
                .set(TASK.TEAM_ID, t.teamId())
                .set(TASK.CLIENT_ID, t.clientId())
                .set(TASK.DEAL_ID, t.dealId())
                .set(TASK.RESULT, t.result())
                .set(TASK.TIME_SPENT_MIN, t.timeSpentMin())
                .set(TASK.DONE_AT, odt(t.doneAt()))
                .set(TASK.CREATED_AT, odt(now))
                .set(TASK.UPDATED_AT, odt(now))
                .set(TASK.CREATED_BY, createdBy)
                .returning(TASK.ID).fetchOne(TASK.ID);
    }

    /** Closes a task with its result and time spent (version-checked); returns the new version. */
    public long complete(long id, long version, String result, Integer minutes, Instant at) {
        int n = dsl.update(TASK)
                .set(TASK.STATUS_CODE, TaskStatus.DONE.code())
                .set(TASK.RESULT, result)
                .set(TASK.TIME_SPENT_MIN, minutes)
                .set(TASK.DONE_AT, odt(at))
                .set(TASK.UPDATED_AT, odt(at))
                .set(TASK.VERSION, version + 1)
                .where(TASK.ID.eq(id).and(TASK.VERSION.eq(version))).execute();
        if (n == 0) {
            throw new ConcurrentEditException("task", id);
        }
        return version + 1;
    }

    public List<Task> byClient(long clientId) {
        return dsl.selectFrom(TASK).where(TASK.CLIENT_ID.eq(clientId)).orderBy(TASK.DUE_AT.desc(), TASK.ID.desc())
                .fetch(TaskRepository::map);
    }

    /** Open tasks of an assignee due before the given instant (overdue when {@code before} is now). */
    public List<Task> openDueBefore(long assigneeId, Instant before) {
        return dsl.selectFrom(TASK)
                .where(TASK.ASSIGNEE_ID.eq(assigneeId).and(TASK.STATUS_CODE.eq(TaskStatus.OPEN.code()))
                        .and(TASK.DUE_AT.lt(odt(before))))
                .orderBy(TASK.DUE_AT, TASK.ID).fetch(TaskRepository::map);
    }

    /** Adds an activity to the timeline, and to the activity totals in the same transaction. */
    public long insertActivity(Activity a) {
        return totals.adding(() -> insert(a), ACTIVITY.ID::eq);
    }

    private long insert(Activity a) {
        return dsl.insertInto(ACTIVITY)
                .set(ACTIVITY.KIND_CODE, a.kind().code())
                .set(ACTIVITY.CLIENT_ID, a.clientId())
                .set(ACTIVITY.CONTACT_ID, a.contactId())
                .set(ACTIVITY.DEAL_ID, a.dealId())
                .set(ACTIVITY.USER_ID, a.userId())
                .set(ACTIVITY.OCCURRED_AT, odt(a.occurredAt()))
                .set(ACTIVITY.SUBJECT, a.subject())
                .set(ACTIVITY.BODY, a.body())
                .returning(ACTIVITY.ID).fetchOne(ACTIVITY.ID);
    }

    public List<Activity> activitiesByClient(long clientId) {
        return dsl.selectFrom(ACTIVITY).where(ACTIVITY.CLIENT_ID.eq(clientId))
                .orderBy(ACTIVITY.OCCURRED_AT.desc(), ACTIVITY.ID.desc())
                .fetch(r -> new Activity(r.getId(), ActivityKind.ofCode(r.getKindCode()), r.getClientId(),
                        r.getContactId(), r.getDealId(), r.getUserId(), instant(r.getOccurredAt()), r.getSubject(),
                        r.getBody()));
    }
}
