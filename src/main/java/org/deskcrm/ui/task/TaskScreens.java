package org.deskcrm.ui.task;

import javafx.scene.Node;
import javafx.stage.Window;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.service.call.MissedCallService;
import org.deskcrm.service.notify.NotificationCenter;
import org.deskcrm.service.task.TaskService;
import org.deskcrm.service.task.TaskTemplateService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The task screens for the shell: the task lists tab, the new-task dialog, and the reminder notifier
 * (start it once the main window is shown). {@code currentUser} and {@code currentTeam} give the
 * signed-in user's id and team (null = everybody / every team).
 */
public final class TaskScreens {
    /** The sidebar section's key: reminders and the status bar select the same tab as the sidebar. */
    public static final String TAB_TASKS = "nav:tasks";
    public static final String TAB_TEMPLATES = "tasks:templates";
    public static final javafx.util.Duration POLL_PERIOD = javafx.util.Duration.seconds(60);

    private final TaskService tasks;
    private final TaskTemplateService templates;
    private final MissedCallService misses;
    private final NotificationCenter notifications;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Workspace workspace;
    private final DialogService dialogs;
    private final Supplier<Long> currentUser;
    private final Supplier<Long> currentTeam;
    private final TimeFormat time;
    /** The list of the last tasks tab this created (to switch its view). */
    private WeakReference<TaskListViewModel> openList = new WeakReference<>(null);
    private Runnable tasksChanged = () -> { };
    /** Finds clients for the new-task dialog's picker (none: the dialog's client cannot be changed). */
    private java.util.function.Function<String, java.util.List<Named>> clientSearch;

    public TaskScreens(TaskService tasks, TaskTemplateService templates, MissedCallService misses, NotificationCenter notifications,
                       TaskExecutor executor, I18n i18n, Workspace workspace, DialogService dialogs,
                       Supplier<Long> currentUser, Supplier<Long> currentTeam, ZoneId zone) {
        this.tasks = tasks;
        this.templates = templates;
        this.misses = misses;
        this.notifications = notifications;
        this.executor = executor;
        this.i18n = i18n;
        this.workspace = workspace;
        this.dialogs = dialogs;
        this.currentUser = currentUser;
        this.currentTeam = currentTeam;
        this.time = new TimeFormat(zone, i18n.locale());
    }

    public void openTasks() {
        workspace.openTab(TAB_TASKS, i18n.get("task.tab"), this::taskList);
    }

    /** Opens (or selects) the task list and switches it to {@code view}. */
    public void openTasks(TaskView view) {
        openTasks();
        TaskListViewModel vm = openList.get();
        if (vm != null && vm.viewProperty().get() != view) {
            vm.viewProperty().set(view);
            vm.refresh();
        }
    }

    /** Told whenever a task list or the new-task dialog changed a task (the reminder count re-polls). */
    public void onTasksChanged(Runnable action) {
        this.tasksChanged = action;
    }

    /** Lets the new-task dialog search clients by what is typed (names, phones, emails, INN). */
    public TaskScreens withClientSearch(java.util.function.Function<String, java.util.List<Named>> search) {
        this.clientSearch = search;
        return this;
    }

    /**
     * The client card's open tasks with "New task" for this client and {@code extraButtons} of other features;
     * {@code clientName} reads the client's name (in the background) for the dialog's client field. Returns the
     * section and, through {@code reload}, how to reload it after another feature saved something;
     * {@code created} runs after a new task was saved.
     */
    public Node clientTasks(long clientId, java.util.function.Function<Long, String> clientName,
                            java.util.List<Node> extraButtons, java.util.function.Consumer<Runnable> reload,
                            Runnable created) {
        ClientTasksPane.Model model = new ClientTasksPane.Model(clientId, tasks, executor, i18n, clientName);
        Node[] self = new Node[1];
        ClientTasksPane pane = new ClientTasksPane(model, i18n, time, () -> {
            TaskListViewModel vm = new TaskListViewModel(tasks, executor, i18n, currentUser, currentTeam);
            vm.setOnChanged(() -> {
                model.load();
                created.run();
                tasksChanged.run();
            });
            Window owner = self[0] == null || self[0].getScene() == null ? null : self[0].getScene().getWindow();
            new TaskEditDialog(owner, vm, i18n, time, currentUser.get(), new Named(clientId, model.clientName()), null,
                    clientSearch).show();
        }, extraButtons);
        self[0] = pane;
        reload.accept(model::load);
        model.load();
        return pane;
    }

    /** The recurring task templates editor tab. */
    public void openTemplates() {
        workspace.openTab(TAB_TEMPLATES, i18n.get("task.template.tab"), this::templateEditor);
    }

    public Node templateEditor() {
        TemplateEditorViewModel vm = new TemplateEditorViewModel(templates, executor, i18n,
                LocalDate.ofInstant(tasks.now(), time.zone()));
        TemplateEditorView view = new TemplateEditorView(vm, i18n);
        vm.load(null);
        return view;
    }

    public Node taskList() {
        TaskListViewModel vm = new TaskListViewModel(tasks, executor, i18n, currentUser, currentTeam);
        openList = new WeakReference<>(vm);
        vm.setOnChanged(() -> tasksChanged.run());
        Node[] self = new Node[1];
        TaskListView view = new TaskListView(vm, i18n, time, workspace, dialogs,
                () -> newTask(self[0] == null || self[0].getScene() == null ? null : self[0].getScene().getWindow(),
                        vm, null, null), this::openTemplates);
        self[0] = view;
        vm.refresh();
        return view;
    }

    /** The new-task dialog for the signed-in user, optionally linked to a client and a deal. */
    public void newTask(Window owner, Long clientId, Long dealId) {
        TaskListViewModel vm = new TaskListViewModel(tasks, executor, i18n, currentUser, currentTeam);
        vm.setOnChanged(() -> tasksChanged.run());
        newTask(owner, vm, clientId, dealId);
    }

    private void newTask(Window owner, TaskListViewModel vm, Long clientId, Long dealId) {
        new TaskEditDialog(owner, vm, i18n, time, currentUser.get(), clientId == null ? null : new Named(clientId, ""),
                dealId, clientSearch).show();
    }

    /**
     * The reminder popups (ControlsFX) polled every minute; a click on a popup goes to
     * {@code onClick} with its target ("task:5", "call:7", "tasks:overdue").
     */
    public ReminderNotifier reminderNotifier(Consumer<String> onClick) {
        ReminderPoller poller = new ReminderPoller(tasks, templates, misses, notifications, i18n, time);
        ReminderNotifier notifier = new ReminderNotifier(poller, executor, i18n, currentUser, POLL_PERIOD, onClick);
        notifier.listenTo(notifications);
        return notifier;
    }
}
