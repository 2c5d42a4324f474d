package org.deskcrm.ui.task;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.service.task.TaskService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A task list (today, tomorrow, overdue, all, the request queue) of the signed-in user or of
 * everybody, and what can be done with a row: close it with a result, cancel it, take a request.
 */
public final class TaskListViewModel {
    private final TaskService tasks;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Supplier<Long> user;
    private final Supplier<Long> team;
    private final ObservableList<TaskRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<TaskView> view = new SimpleObjectProperty<>(TaskView.TODAY);
    private final BooleanProperty everybody = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Runnable onChanged = () -> { };

    public TaskListViewModel(TaskService tasks, TaskExecutor executor, I18n i18n, Supplier<Long> user,
                             Supplier<Long> team) {
        this.tasks = tasks;
        this.executor = executor;
        this.i18n = i18n;
        this.user = user;
        this.team = team;
    }

    public ObservableList<TaskRow> rows() {
        return rows;
    }

    public ObjectProperty<TaskView> viewProperty() {
        return view;
    }

    public BooleanProperty everybodyProperty() {
        return everybody;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public TaskService service() {
        return tasks;
    }

    public void refresh() {
        reload(null);
    }

    /** Called after this list created, closed, cancelled or took a task (the reminder count follows). */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged == null ? () -> { } : onChanged;
    }

    /** Reloads the list; the status line shows {@code note} (what was just done) or the count. */
    private void reload(String note) {
        TaskView v = view.get();
        Long assignee = everybody.get() ? null : user.get();
        Long teamId = team.get();
        executor.submit(p -> tasks.list(v, assignee, teamId), list -> {
            rows.setAll(list);
            message.set(note != null ? note : i18n.format("task.list.count", list.size()));
        }, this::fail);
    }

    private void changed(String note) {
        reload(note);
        onChanged.run();
    }

    /** The list shown, for "Export to Excel". */
    public org.deskcrm.service.export.ExportTarget exportTarget() {
        return new org.deskcrm.service.export.ExportTarget.Tasks(view.get(), everybody.get() ? null : user.get(), team.get());
    }

    public boolean isOverdue(TaskRow r) {
        return r.task().status() == TaskStatus.OPEN && r.task().dueAt() != null
                && r.task().dueAt().isBefore(tasks.now());
    }

    /** Closes a task (a request needs the resolution and the minutes). */
    public void complete(TaskRow r, String result, Integer minutes) {
        Task t = r.task();
        Long u = user.get();
        executor.submit(p -> t.kind() == TaskKind.REQUEST
                ? tasks.closeRequest(t.id(), t.version(), result, minutes, u)
                : tasks.complete(t.id(), t.version(), result, minutes, u),
                v -> changed(i18n.format("task.done", t.title())), this::fail);
    }

    public void cancel(TaskRow r) {
        Task t = r.task();
        executor.submit(p -> tasks.cancel(t.id(), t.version(), user.get()), v -> changed(null), this::fail);
    }

    /** Takes a request from the team queue. */
    public void take(TaskRow r) {
        Long u = user.get();
        if (u == null) {
            return;
        }
        Task t = r.task();
        executor.submit(p -> tasks.take(t.id(), t.version(), u),
                v -> changed(i18n.format("task.taken", t.title())), this::fail);
    }

    /** The people the signed-in user may assign a task to, read in the background. */
    public void loadAssignees(Consumer<java.util.List<Named>> onLoaded) {
        executor.submit(p -> tasks.assignableUsers().stream().map(u -> new Named(u.id(), u.fullName())).toList(),
                onLoaded, this::fail);
    }

    /** Clients whose name, phone, email or INN matches {@code text}, found in the background by {@code search}. */
    public void searchClients(java.util.function.Function<String, java.util.List<Named>> search, String text,
                              Consumer<java.util.List<Named>> onFound) {
        executor.submit(p -> search.apply(text), onFound, this::fail);
    }

    /** Creates a task; {@code onError} receives the localized problems. */
    public void create(Task draft, Runnable onSaved, Consumer<String> onError) {
        executor.submit(p -> tasks.create(draft, user.get()), id -> {
            onSaved.run();
            changed(null);
        }, e -> onError.accept(describe(e)));
    }

    String describe(Throwable e) {
        if (e instanceof ValidationException v) {
            return String.join("\n", v.errors().stream().map(f -> i18n.get("task.field." + f.field()) + ": "
                    + i18n.format(f.messageKey(), f.args().toArray())).toList());
        }
        return i18n.message(e);
    }

    private void fail(Throwable e) {
        message.set(describe(e));
    }
}
