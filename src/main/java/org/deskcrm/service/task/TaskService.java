package org.deskcrm.service.task;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.TaskListRepository;
import org.deskcrm.persistence.TaskRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Tasks and reminders: creating and editing tasks, closing them with a result and the time spent,
 * the lists (today and tomorrow are business days in {@code business.time_zone}), reminders due now,
 * and client requests in a team queue.
 */
public class TaskService {
    public static final int LIST_LIMIT = 2_000;

    private final Database db;
    private final TaskRepository tasks;
    private final TaskListRepository lists;
    private final SettingsRepository settings;
    private final AuditRepository audit;
    private final Clock clock;
    private java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope = org.deskcrm.model.user.AccessScope::all;

    public TaskService(Database db, TaskRepository tasks, TaskListRepository lists, SettingsRepository settings,
                       AuditRepository audit, Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.lists = lists;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The business time zone (business.time_zone), UTC when unset or unknown. */
    public ZoneId zone() {
        return settings.businessZone();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    public Instant now() {
        return clock.instant();
    }

    public List<FieldError> validate(Task t) {
        List<FieldError> errors = new ArrayList<>();
        if (Texts.isBlank(t.title())) {
            errors.add(FieldError.of("title", "task.validation.required"));
        } else if (t.title().strip().length() > 300) {
            errors.add(FieldError.of("title", "task.validation.tooLong", 300));
        }
        if (t.kind() == null) {
            errors.add(FieldError.of("kind", "task.validation.required"));
        }
        if (t.kind() != TaskKind.REQUEST && t.dueAt() == null) {
            errors.add(FieldError.of("dueAt", "task.validation.required"));
        }
        if (t.remindAt() != null && t.dueAt() != null && t.remindAt().isAfter(t.dueAt())) {
            errors.add(FieldError.of("remindAt", "task.validation.remindAfterDue"));
        }
        if (t.timeSpentMin() != null && t.timeSpentMin() < 0) {
            errors.add(FieldError.of("timeSpentMin", "task.validation.minutes"));
        }
        if (t.description() != null && t.description().length() > 4000) {
            errors.add(FieldError.of("description", "task.validation.tooLong", 4000));
        }
        return errors;
    }

    /**
     * The active people this user may assign a task to: a manager only themself, a supervisor the team, an
     * administrator everybody (the owner rule of ADR 0014).
     */
    public List<org.deskcrm.model.user.User> assignableUsers() {
        return new org.deskcrm.service.rights.OwnerRule(new org.deskcrm.persistence.UserRepository(db))
                .allowed(scope.get());
    }

    /** Creates a task; returns its id. A task given to someone else than its author follows the owner rule. */
    public long create(Task draft, Long userId) {
        List<FieldError> errors = validate(draft);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (draft.assigneeId() != null && !draft.assigneeId().equals(userId)) {
            new org.deskcrm.service.rights.OwnerRule(new org.deskcrm.persistence.UserRepository(db))
                    .check(scope.get(), draft.assigneeId());
        }
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            long id = tasks.insert(draft, userId, now);
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.CREATE, "task", id)
                    .withDetails(draft.title().strip())));
            return id;
        });
    }

    /** Saves the edited fields of a task (version-checked); returns the new version. */
    public long update(Task t, Long userId) {
        List<FieldError> errors = validate(t);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            Task before = find(t.id()).task(); // another manager's task is not found
            long v = lists.update(t, now);
            List<AuditEvent> events = changes(before, t, now, userId);
            audit.append(events.isEmpty() ? List.of(AuditEvent.of(now, userId, AuditAction.UPDATE, "task", t.id())
                    .withDetails(t.title().strip())) : events);
            return v;
        });
    }

    /** One audit event per changed field of a task, old → new. */
    static List<AuditEvent> changes(Task a, Task b, Instant now, Long userId) {
        List<AuditEvent> events = new java.util.ArrayList<>();
        String[][] fields = {
                {"title", a.title(), b.title() == null ? null : b.title().strip()},
                {"description", a.description(), Texts.trimToNull(b.description())},
                {"kind", a.kind() == null ? null : a.kind().code(), b.kind() == null ? null : b.kind().code()},
                {"due_at", str(a.dueAt()), str(b.dueAt())},
                {"remind_at", str(a.remindAt()), str(b.remindAt())},
                {"assignee", str(a.assigneeId()), str(b.assigneeId())},
                {"client", str(a.clientId()), str(b.clientId())},
                {"deal", str(a.dealId()), str(b.dealId())}};
        for (String[] f : fields) {
            if (!java.util.Objects.equals(f[1], f[2])) {
                events.add(AuditEvent.of(now, userId, AuditAction.UPDATE, "task", a.id()).withChange(f[0], f[1], f[2]));
            }
        }
        return events;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** Closes a task with its result and minutes spent; returns the new version. */
    public long complete(long id, long version, String result, Integer minutes, Long userId) {
        if (minutes != null && minutes < 0) {
            throw new ValidationException(List.of(FieldError.of("timeSpentMin", "task.validation.minutes")));
        }
        Instant now = clock.instant();
        find(id); // another manager's task is not found
        return db.inTransaction(() -> {
            long v = tasks.complete(id, version, Texts.trimToNull(result), minutes, now);
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.UPDATE, "task", id)
                    .withChange("status", TaskStatus.OPEN.code(), TaskStatus.DONE.code())));
            return v;
        });
    }

    public long cancel(long id, long version, Long userId) {
        Instant now = clock.instant();
        find(id); // another manager's task is not found
        return db.inTransaction(() -> {
            long v = lists.setStatus(id, version, TaskStatus.CANCELLED, now);
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.UPDATE, "task", id)
                    .withChange("status", TaskStatus.OPEN.code(), TaskStatus.CANCELLED.code())));
            return v;
        });
    }


    /**
     * Makes every read of this service return only what {@code scope} sees (the signed-in user's records);
     * called once by the composition root. Without it the service reads everything (command line).
     */
    public TaskService restrictedTo(java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope) {
        this.scope = scope;
        return this;
    }

    public TaskRow find(long id) {
        return lists.find(id, scope.get()).orElseThrow(() -> new NotFoundException("task", id));
    }

    /**
     * A task list of one assignee (null = everybody): due today or tomorrow (business days), overdue
     * (open and due before now), all (open first), or the open requests of a team ({@code teamId}).
     */
    public List<TaskRow> list(TaskView view, Long assigneeId, Long teamId) {
        LocalDate today = today();
        ZoneId zone = zone();
        return switch (view) {
            case TODAY -> lists.openDueBetween(assigneeId, start(today, zone), start(today.plusDays(1), zone),
                    LIST_LIMIT, scope.get());
            case TOMORROW -> lists.openDueBetween(assigneeId, start(today.plusDays(1), zone),
                    start(today.plusDays(2), zone), LIST_LIMIT, scope.get());
            case OVERDUE -> lists.overdue(assigneeId, clock.instant(), LIST_LIMIT, scope.get());
            case ALL -> lists.all(assigneeId, LIST_LIMIT, scope.get());
            case REQUESTS -> lists.requests(teamId, LIST_LIMIT, scope.get());
        };
    }

    /** The open tasks of one client this user sees (the client card's list), soonest due first. */
    public List<TaskRow> openOfClient(long clientId) {
        return lists.openOfClient(clientId, LIST_LIMIT, scope.get());
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Open tasks of the assignee (null = everybody) whose reminder or due time has come. */
    public int attentionCount(Long assigneeId) {
        return lists.attentionCount(assigneeId, clock.instant());
    }

    public int overdueCount(Long assigneeId) {
        return lists.overdueCount(assigneeId, clock.instant());
    }

    /**
     * Open tasks whose reminder time has come and that have not popped up yet; they are marked as
     * reminded, so each pops up once.
     */
    public List<TaskRow> takeDueReminders(Long assigneeId) {
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            List<TaskRow> due = lists.remindersDue(assigneeId, now);
            lists.markReminded(due.stream().map(r -> r.task().id()).toList(), now);
            return due;
        });
    }

    // ------------------------------------------------------------------ requests

    /** Registers a client's inbound question in a team's queue; returns its id. */
    public long createRequest(String title, String description, Long clientId, Long teamId, Long userId) {
        Task t = new Task(null, title, description, TaskKind.REQUEST, TaskStatus.OPEN, null, null, null, teamId,
                clientId, null, null, null, null, 0);
        return create(t, userId);
    }

    /** Takes a request from the queue; returns the new version. */
    public long take(long id, long version, long userId) {
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            long v = lists.assign(id, version, userId, now);
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.UPDATE, "task", id)
                    .withChange("assignee", null, String.valueOf(userId))));
            return v;
        });
    }

    /** Closes a request: the resolution and the minutes spent are required. */
    public long closeRequest(long id, long version, String resolution, Integer minutes, Long userId) {
        List<FieldError> errors = new ArrayList<>();
        if (Texts.isBlank(resolution)) {
            errors.add(FieldError.of("result", "task.validation.resolution"));
        }
        if (minutes == null || minutes < 0) {
            errors.add(FieldError.of("timeSpentMin", "task.validation.minutes"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        TaskRow row = find(id);
        if (row.task().kind() != TaskKind.REQUEST) {
            throw new AppException("task.error.notRequest", id);
        }
        return complete(id, version, resolution, minutes, userId);
    }
}
