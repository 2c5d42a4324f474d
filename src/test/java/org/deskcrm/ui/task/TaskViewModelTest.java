package org.deskcrm.ui.task;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.control.ControlIndicator;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.MutableClock;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.control.ControlDashboardViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Task list, reminder poller and control dashboard view models on H2 with a same-thread executor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskViewModelTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    final SameThreadExecutor executor = new SameThreadExecutor();
    final I18n i18n = new I18n(Locale.ENGLISH);
    MutableClock clock;
    AppContext ctx;
    long anna;

    @BeforeAll
    void open() {
        clock = new MutableClock(NOW);
        ctx = new AppContext(TestDatabases.h2(), clock);
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        anna = ctx.users().insert(User.draft("anna", "Anna", Role.MANAGER, null), null);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    void listSwitchesViewsAndClosesATaskWithItsResult() {
        clock.set(NOW);
        long late = ctx.taskService().create(Task.draft("late call", TaskKind.CALL, NOW.minusSeconds(7200), anna), anna);
        ctx.taskService().create(Task.draft("next call", TaskKind.CALL, NOW.plusSeconds(3600), anna), anna);
        TaskListViewModel vm = new TaskListViewModel(ctx.taskService(), executor, i18n, () -> anna, () -> null);
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.task().title()).containsExactly("late call", "next call");
        assertThat(vm.isOverdue(vm.rows().get(0))).isTrue();
        vm.viewProperty().set(TaskView.OVERDUE);
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.task().id()).containsExactly(late);

        int[] changes = {0};
        vm.setOnChanged(() -> changes[0]++);
        vm.complete(vm.rows().get(0), "talked", 7);
        assertThat(changes[0]).isEqualTo(1); // the status bar's reminder count polls again at once
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Done: late call");
        assertThat(ctx.taskService().find(late).task().status()).isEqualTo(TaskStatus.DONE);

        List<String> errors = new ArrayList<>();
        vm.create(Task.draft(" ", TaskKind.CALL, null, anna), () -> { }, errors::add);
        assertThat(errors).containsExactly("Title: required\nDue: required");
    }

    @Test
    void pollerShowsOverdueAtStartThenRemindersAndMissedCalls() {
        clock.set(NOW);
        long u = ctx.users().insert(User.draft("poll", "Poll User", Role.MANAGER, null), null);
        ctx.taskService().create(Task.draft("forgotten task", TaskKind.CALL, NOW.minusSeconds(60), u), u);
        ctx.taskService().create(new Task(null, "meeting prep", null, TaskKind.MEETING, TaskStatus.OPEN,
                NOW.plus(Duration.ofHours(3)), NOW.plus(Duration.ofHours(2)), u, null, null, null, null, null, null,
                0), u);
        long tpl = ctx.taskTemplates().create(org.deskcrm.model.task.TaskTemplate.draft("Monthly report",
                TaskKind.OTHER, org.deskcrm.model.task.Recurrence.MONTHLY, java.time.LocalDate.of(2026, 3, 20), u, null,
                List.of(org.deskcrm.model.task.TemplateStage.of(1, "send", 0))));
        ReminderPoller poller = new ReminderPoller(ctx.taskService(), ctx.taskTemplates(), ctx.missedCalls(), ctx.notifications(), i18n,
                new TimeFormat(ctx.taskService().zone(), Locale.ENGLISH));
        List<ReminderPoller.Popup> first = poller.poll(u);
        assertThat(first).extracting(ReminderPoller.Popup::title).containsExactly("Overdue tasks");
        assertThat(first.get(0).text()).isEqualTo("1 overdue tasks, e.g. “forgotten task”.");
        assertThat(poller.poll(u)).isEmpty();
        // the first poll generated the template's tasks for the next 31 days (20 March; 20 April is later)
        assertThat(ctx.taskService().list(TaskView.ALL, u, null)).extracting(r -> r.task().title())
                .contains("Monthly report: send").filteredOn(t -> t.startsWith("Monthly")).hasSize(1);
        assertThat(tpl).isPositive();

        clock.set(NOW.plus(Duration.ofHours(2)));
        ctx.callService().log(new Call(null, CallDirection.IN, CallStatus.MISSED, clock.instant(), 0,
                "+7 916 444-00-01", null, null, null, u, null, null, null), u);
        List<ReminderPoller.Popup> next = poller.poll(u);
        assertThat(next).extracting(ReminderPoller.Popup::title).containsExactly("Reminder", "Missed call");
        assertThat(next.get(0).text()).startsWith("meeting prep (due ");
        assertThat(next.get(1).text()).isEqualTo("Missed call from +7 916 444-00-01 : call back.");
        assertThat(poller.poll(u)).isEmpty();
        clock.set(NOW);
    }

    @Test
    void dashboardTilesCountAndOpenTheirLists() {
        ControlDashboardViewModel vm = new ControlDashboardViewModel(ctx.control(), executor, i18n, () -> null);
        vm.refresh();
        assertThat(vm.tiles()).hasSize(ControlIndicator.values().length);
        ControlDashboardViewModel.Tile overdue = vm.tiles().stream()
                .filter(t -> t.indicator() == ControlIndicator.OVERDUE_TASKS).findFirst().orElseThrow();
        assertThat(overdue.title()).isEqualTo("Overdue tasks");
        List<Integer> size = new ArrayList<>();
        vm.items(ControlIndicator.OVERDUE_TASKS, items -> {
            size.add(items.size());
            items.forEach(i -> assertThat(vm.reason(i)).endsWith("days overdue"));
        });
        assertThat(size).containsExactly(overdue.count());
    }
}
