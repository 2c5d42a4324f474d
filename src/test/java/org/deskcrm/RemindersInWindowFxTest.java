package org.deskcrm;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.call.MissedCallState;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.MutableClock;
import org.deskcrm.service.call.CallImportFormat;
import org.deskcrm.service.common.Progress;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.shell.MainWindow;
import org.deskcrm.ui.shell.ShellPreferences;
import org.deskcrm.ui.task.ReminderNotifier;
import org.deskcrm.ui.task.ReminderPoller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real main window with every feature wired as the app does (FeatureScreens), acting as the
 * administrator like the app before sign-in: the reminder count in the status bar, and missed-call
 * notifications and escalations reaching the running window (injectable clock), also for a miss
 * imported by another process (the command line) on the same database file.
 */
@ExtendWith(ApplicationExtension.class)
class RemindersInWindowFxTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    @TempDir
    static Path dir;

    MutableClock clock;
    AppContext ctx;
    long admin;
    long anna;
    MainWindow window;
    ReminderNotifier reminders;
    Preferences prefsNode;
    final List<ReminderPoller.Popup> shown = new CopyOnWriteArrayList<>();
    final String dbName = UUID.randomUUID().toString();

    DatabaseConfig config() {
        return new DatabaseConfig("jdbc:h2:file:" + dir.resolve("crm-" + dbName).toAbsolutePath(), null, null);
    }

    @Start
    void start(Stage stage) {
        clock = new MutableClock(NOW);
        ctx = new AppContext(Database.open(config()), clock);
        admin = ctx.ensureReferenceData(Locale.ENGLISH);
        if (ctx.users().findByLogin("anna").isEmpty()) {
            ctx.users().insert(User.draft("anna", "Anna", Role.MANAGER, null), null);
        }
        anna = ctx.users().findByLogin("anna").orElseThrow().id();
        prefsNode = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
        FeatureScreens features = new FeatureScreens(() -> admin, uri -> { });
        window = new MainWindow(ctx, ctx.globalSearch()::search, features.screens(), new SameThreadExecutor(),
                new I18n(Locale.ENGLISH), new ShellPreferences(prefsNode), null);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
        reminders = features.startReminders(window.services(), window.statusBar());
        reminders.onShown(shown::addAll);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(reminders::stop).get();
        ctx.close();
        prefsNode.removeNode();
    }

    private String remindersText(FxRobot robot) {
        return robot.lookup("#reminders").queryAs(Label.class).getText();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void statusBarCountsDueRemindersAndOpensTodaysTasks(FxRobot robot) throws Exception {
        assertThat(remindersText(robot)).isEqualTo("Reminders: 0");
        // reminder time come (due later today), overdue, and one still in the future
        long remind = ctx.taskService().create(new Task(null, "prepare the offer", null, TaskKind.PROPOSAL,
                TaskStatus.OPEN, NOW.plus(Duration.ofHours(3)), NOW.minus(Duration.ofMinutes(5)), admin, null, null,
                null, null, null, null, 0), admin);
        long overdue = ctx.taskService().create(Task.draft("call back", TaskKind.CALL, NOW.minus(Duration.ofHours(2)),
                admin), admin);
        ctx.taskService().create(Task.draft("next week", TaskKind.CALL, NOW.plus(Duration.ofDays(7)), admin), admin);
        ctx.taskService().create(Task.draft("someone else's", TaskKind.CALL, NOW.minus(Duration.ofHours(2)), anna),
                anna);
        robot.interact(reminders::pollNow);
        assertThat(remindersText(robot)).isEqualTo("Reminders: 2");
        assertThat(window.statusBar().reminderCount()).isEqualTo(2);

        ctx.taskService().complete(overdue, ctx.taskService().find(overdue).task().version(), "done", 3, admin);
        clock.set(NOW.plus(Duration.ofHours(4))); // the offer is overdue now, still one
        robot.interact(reminders::pollNow);
        assertThat(remindersText(robot)).isEqualTo("Reminders: 1");
        clock.set(NOW);

        // a click opens the task list (the sidebar's tab) on Today, also when it shows another view
        robot.clickOn("#nav-tasks");
        robot.clickOn("#taskViewOVERDUE");
        robot.clickOn("#reminders");
        waitUntil(() -> window.tabs().selectedKey().orElse("").equals("nav:tasks"));
        assertThat(window.tabs().keys()).filteredOn(k -> k.contains("tasks")).containsExactly("nav:tasks");
        waitUntil(() -> robot.lookup("#taskViewTODAY").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected());
        assertThat(robot.lookup("#taskTable").queryAs(javafx.scene.control.TableView.class).getItems())
                .extracting(r -> ((org.deskcrm.model.task.TaskRow) r).task().id()).containsExactly(remind);
    }

    @Test
    void missedCallReachesTheWindowAtOnceAndEscalatesAfterTheWindow(FxRobot robot) throws Exception {
        long client = ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Romashka"), List.of(),
                List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 111-22-33"))), anna).id();
        assertThat(client).isPositive();
        shown.clear();
        // logged in this window: the notification pops up at once, without waiting for the timer
        Call miss = ctx.callService().log(new Call(null, CallDirection.IN, CallStatus.MISSED, NOW, 0,
                "+7 495 111-22-33", null, null, null, null, null, null, null), anna);
        waitUntil(() -> shown.stream().anyMatch(p -> p.target().equals("call:" + miss.id())));
        assertThat(shown).filteredOn(p -> p.target().equals("call:" + miss.id()))
                .extracting(ReminderPoller.Popup::title).containsExactly("Missed call");
        assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().notifiedAt()).isEqualTo(NOW);

        // 23 h later nothing happens; after the 24 h window the supervisor (no team: the admins) is told
        shown.clear();
        clock.set(NOW.plus(Duration.ofHours(23)));
        robot.interact(reminders::pollNow);
        assertThat(shown).isEmpty();
        clock.set(NOW.plus(Duration.ofHours(24)).plusSeconds(60));
        robot.interact(reminders::pollNow);
        assertThat(shown).extracting(ReminderPoller.Popup::title).containsExactly("Missed call not returned");
        assertThat(shown.get(0).text()).contains("Romashka", "Anna");
        assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().state()).isEqualTo(MissedCallState.ESCALATED);
        robot.interact(reminders::pollNow);
        assertThat(shown).hasSize(1);
        clock.set(NOW);
    }

    @Test
    void aMissImportedByTheCommandLineIsDeliveredByTheRunningWindow(FxRobot robot) throws Exception {
        shown.clear();
        String line = "\"\",\"89161234567\",\"101\",\"from-trunk\",\"\",\"SIP/t-1\",\"SIP/101-2\",\"Dial\","
                + "\"SIP/101,30\",\"2026-03-10 12:00:00\",\"\",\"2026-03-10 12:00:20\",20,0,\"NO ANSWER\","
                + "\"DOCUMENTATION\",\"1773133200.9\",\"\"\n";
        // another process: its own services and notification centre, nobody listening there
        try (AppContext cli = new AppContext(Database.open(config()), clock)) {
            assertThat(cli.callImport().importCalls(line.getBytes(StandardCharsets.UTF_8), CallImportFormat.ASTERISK,
                    null, null, Progress.NONE).missedOpened()).isEqualTo(1);
        }
        long callId = ctx.missedCalls().unresolved(null).stream()
                .filter(m -> m.phoneNorm().equals("+79161234567")).findFirst().orElseThrow().callId();
        assertThat(ctx.missedCalls().find(callId).orElseThrow().notifiedAt()).isNull();
        robot.interact(reminders::pollNow); // the window's timer
        assertThat(shown).extracting(ReminderPoller.Popup::target).containsExactly("call:" + callId);
        assertThat(ctx.missedCalls().find(callId).orElseThrow().notifiedAt()).isNotNull();
        robot.interact(reminders::pollNow);
        assertThat(shown).hasSize(1);
    }
}
