package org.deskcrm.service.task;

import org.deskcrm.AppContext;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.task.Recurrence;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.task.TaskTemplate;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.model.task.TemplateStage;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Task lists, reminders, requests and recurring templates on a real database (H2 and PostgreSQL). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaskContract {
    /** 12:30 in Moscow (the business time zone of the reference data). */
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    MutableClock clock;
    AppContext ctx;
    long team;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        clock = new MutableClock(NOW);
        ctx = new AppContext(openDatabase(), clock);
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        team = ctx.users().insertTeam("Support", null);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    long user(String login) {
        return ctx.users().insert(User.draft(login, login, Role.MANAGER, team), null);
    }

    long task(String title, Instant due, long assignee) {
        return ctx.taskService().create(Task.draft(title, TaskKind.CALL, due, assignee), assignee);
    }

    static Instant msk(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(MSK).toInstant();
    }

    private static List<String> titles(List<TaskRow> rows) {
        return rows.stream().map(r -> r.task().title()).toList();
    }

    @Test
    void todayTomorrowAndOverdueAreBusinessDaysInTheBusinessTimeZone() {
        clock.set(NOW);
        long u = user("views");
        task("due 10:00 today", msk("2026-03-10T10:00"), u);
        task("due 15:00 today", msk("2026-03-10T15:00"), u);
        // 00:30 tomorrow in Moscow is still today (21:30) in UTC
        task("due 00:30 tomorrow", msk("2026-03-11T00:30"), u);
        task("due yesterday", msk("2026-03-09T18:00"), u);
        long done = task("done today", msk("2026-03-10T11:00"), u);
        ctx.taskService().complete(done, 0, "ok", 5, u);

        assertThat(titles(ctx.taskService().list(TaskView.TODAY, u, null)))
                .containsExactly("due 10:00 today", "due 15:00 today");
        assertThat(titles(ctx.taskService().list(TaskView.TOMORROW, u, null))).containsExactly("due 00:30 tomorrow");
        assertThat(titles(ctx.taskService().list(TaskView.OVERDUE, u, null)))
                .containsExactly("due yesterday", "due 10:00 today");
        assertThat(ctx.taskService().overdueCount(u)).isEqualTo(2);
        assertThat(titles(ctx.taskService().list(TaskView.ALL, u, null))).containsExactly("due yesterday",
                "due 10:00 today", "due 15:00 today", "due 00:30 tomorrow", "done today");
        TaskRow closed = ctx.taskService().find(done);
        assertThat(closed.task().status()).isEqualTo(TaskStatus.DONE);
        assertThat(closed.task().result()).isEqualTo("ok");
        assertThat(closed.task().timeSpentMin()).isEqualTo(5);
    }

    @Test
    void remindersPopUpOnceWhenTheirTimeComes() {
        clock.set(NOW);
        long u = user("reminders");
        Task t = new Task(null, "call back", null, TaskKind.CALL, TaskStatus.OPEN, NOW.plus(Duration.ofHours(2)),
                NOW.plus(Duration.ofHours(1)), u, null, null, null, null, null, null, 0);
        long id = ctx.taskService().create(t, u);
        assertThat(ctx.taskService().takeDueReminders(u)).isEmpty();
        clock.set(NOW.plus(Duration.ofHours(1)));
        assertThat(ctx.taskService().takeDueReminders(u)).extracting(r -> r.task().id()).containsExactly(id);
        assertThat(ctx.taskService().takeDueReminders(u)).isEmpty();
        clock.set(NOW);
    }

    @Test
    void invalidTasksAreRejected() {
        Task t = new Task(null, " ", null, TaskKind.MEETING, TaskStatus.OPEN, NOW, NOW.plusSeconds(60), null, null,
                null, null, null, -1, null, 0);
        assertThatThrownBy(() -> ctx.taskService().create(t, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(er -> er.field() + ":" + er.messageKey())
                        .containsExactlyInAnyOrder("title:task.validation.required",
                                "remindAt:task.validation.remindAfterDue", "timeSpentMin:task.validation.minutes"));
    }

    @Test
    void requestsWaitInTheTeamQueueAndCloseWithResolutionAndTimeSpent() {
        clock.set(NOW);
        long u = user("support1");
        long id = ctx.taskService().createRequest("Where is my invoice?", "asked by phone", null, team, null);
        assertThat(ctx.taskService().list(TaskView.REQUESTS, null, team)).extracting(r -> r.task().id()).contains(id);
        long v = ctx.taskService().take(id, 0, u);
        assertThatThrownBy(() -> ctx.taskService().take(id, 0, u)).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> ctx.taskService().closeRequest(id, v, " ", null, u))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).hasSize(2));
        ctx.taskService().closeRequest(id, v, "sent a copy by email", 25, u);
        assertThat(ctx.taskService().list(TaskView.REQUESTS, null, team)).extracting(r -> r.task().id())
                .doesNotContain(id);
        Task closed = ctx.taskService().find(id).task();
        assertThat(closed.assigneeId()).isEqualTo(u);
        assertThat(closed.result()).isEqualTo("sent a copy by email");
        assertThat(closed.timeSpentMin()).isEqualTo(25);
        assertThat(closed.doneAt()).isEqualTo(NOW);
    }

    @Test
    void quarterlyTemplateGeneratesFiveDatedStagesPerQuarterOnce() {
        clock.set(NOW);
        long u = user("accountant");
        TaskTemplate t = TaskTemplate.draft("VAT return", TaskKind.OTHER, Recurrence.QUARTERLY,
                LocalDate.of(2026, 1, 1), u, null, List.of(
                        TemplateStage.of(1, "prepare", 0),
                        TemplateStage.of(2, "agree with client", 7),
                        TemplateStage.of(3, "send payment orders", 14),
                        TemplateStage.of(4, "submit", 20),
                        TemplateStage.of(5, "confirm", 24)));
        long id = ctx.taskTemplates().create(t);
        assertThat(ctx.taskTemplates().generate(id, LocalDate.of(2026, 12, 31))).isEqualTo(20);
        assertThat(ctx.taskTemplates().generate(id, LocalDate.of(2026, 12, 31))).isZero();
        assertThat(ctx.taskTemplates().generate(LocalDate.of(2026, 12, 31))).isZero();
        assertThat(ctx.taskTemplates().generate(id, LocalDate.of(2027, 1, 1))).isEqualTo(5);

        List<TaskRow> all = ctx.taskService().list(TaskView.ALL, u, null);
        assertThat(all).hasSize(25);
        TaskRow first = all.get(0);
        assertThat(first.task().title()).isEqualTo("VAT return: prepare");
        assertThat(first.task().dueAt()).isEqualTo(msk("2026-01-01T18:00"));
        assertThat(first.task().remindAt()).isEqualTo(msk("2026-01-01T09:00"));
        assertThat(all).filteredOn(r -> r.task().title().endsWith("confirm"))
                .extracting(r -> LocalDate.ofInstant(r.task().dueAt(), MSK))
                .containsExactly(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 4, 25), LocalDate.of(2026, 7, 25),
                        LocalDate.of(2026, 10, 25), LocalDate.of(2027, 1, 25));
        assertThat(ctx.taskTemplates().templates()).filteredOn(x -> x.id() == id)
                .extracting(TaskTemplate::generatedUntil).containsExactly(LocalDate.of(2027, 1, 1));
    }

    @Test
    void monthlyTemplateKeepsTheMonthEnd() {
        assertThat(Recurrence.MONTHLY.periodStart(LocalDate.of(2026, 1, 31), 1)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Recurrence.MONTHLY.periodStart(LocalDate.of(2026, 1, 31), 2)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Recurrence.ONCE.periodStart(LocalDate.of(2026, 1, 31), 1)).isNull();
    }

    @Test
    void editingATemplateReordersUpdatesAddsAndRemovesStagesAndChecksTheVersion() {
        clock.set(NOW);
        long u = user("editor");
        long id = ctx.taskTemplates().create(TaskTemplate.draft("Payroll", TaskKind.OTHER, Recurrence.MONTHLY,
                LocalDate.of(2026, 1, 5), u, null, List.of(TemplateStage.of(1, "collect hours", 0),
                        TemplateStage.of(2, "calculate", 2), TemplateStage.of(3, "pay", 5))));
        assertThat(ctx.taskTemplates().generate(id, LocalDate.of(2026, 1, 31))).isEqualTo(3);
        TaskTemplate t = ctx.taskTemplates().find(id);
        TemplateStage collect = t.stages().get(0);
        TemplateStage calculate = t.stages().get(1);
        // "pay" is removed (its generated task stays), "calculate" moves first, a new stage is added
        TaskTemplate edited = new TaskTemplate(id, "Payroll (edited)", TaskKind.OTHER, Recurrence.MONTHLY,
                t.anchorDate(), u, null, true, t.generatedUntil(), List.of(
                new TemplateStage(calculate.id(), 1, "calculate pay", 3, TaskKind.EMAIL),
                new TemplateStage(collect.id(), 2, "collect hours", 1, null),
                new TemplateStage(null, 3, "send payslips", 6, null)), t.version());
        assertThat(ctx.taskTemplates().update(edited)).isEqualTo(t.version() + 1);
        TaskTemplate saved = ctx.taskTemplates().find(id);
        assertThat(saved.title()).isEqualTo("Payroll (edited)");
        assertThat(saved.stages()).extracting(TemplateStage::title)
                .containsExactly("calculate pay", "collect hours", "send payslips");
        assertThat(saved.stages().get(0).id()).isEqualTo(calculate.id());
        assertThat(saved.stages().get(0).kind()).isEqualTo(TaskKind.EMAIL);
        assertThat(saved.stages().get(0).offsetDays()).isEqualTo(3);
        assertThat(ctx.taskService().list(TaskView.ALL, u, null)).hasSize(3);
        // the next period gets the new stages, the generated one is not generated again
        assertThat(ctx.taskTemplates().generate(id, LocalDate.of(2026, 2, 5))).isEqualTo(3);
        assertThat(ctx.taskTemplates().generate(id, LocalDate.of(2026, 2, 5))).isZero();
        assertThatThrownBy(() -> ctx.taskTemplates().update(edited)).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> ctx.taskTemplates().update(new TaskTemplate(id, " ", TaskKind.OTHER,
                Recurrence.MONTHLY, t.anchorDate(), u, null, true, null, List.of(), saved.version())))
                .isInstanceOf(ValidationException.class);
        assertThat(ctx.taskTemplates().assignees()).containsEntry(u, "editor");
    }
}
