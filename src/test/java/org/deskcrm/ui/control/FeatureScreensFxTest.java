package org.deskcrm.ui.control;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.call.MissedCall;
import org.deskcrm.model.call.UnknownNumber;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.MutableClock;
import org.deskcrm.ui.call.CallScreens;
import org.deskcrm.ui.call.ScriptedDialogs;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.task.TaskScreens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The real call, task and control screens in a window (headless Monocle), on a real H2 database. */
@ExtendWith(ApplicationExtension.class)
class FeatureScreensFxTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    static AppContext ctx;
    static long anna;

    TabPane tabs;
    final List<Long> openedClients = new ArrayList<>();
    ControlScreens control;
    CallScreens calls;
    TaskScreens tasks;

    @BeforeAll
    static void fixture() {
        ctx = new AppContext(TestDatabases.h2(), new MutableClock(NOW));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        anna = ctx.users().insert(User.draft("anna", "Anna", Role.MANAGER, null), null);
        ctx.taskService().create(Task.draft("late call", TaskKind.CALL, NOW.minusSeconds(3600 * 26), anna), anna);
        ctx.callService().log(new Call(null, CallDirection.IN, CallStatus.MISSED, NOW.minusSeconds(600), 0,
                "+7 916 555-77-01", null, null, null, anna, null, null, null), anna);
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    @Start
    void start(Stage stage) {
        tabs = new TabPane();
        I18n i18n = new I18n(Locale.ENGLISH);
        SameThreadExecutor executor = new SameThreadExecutor();
        Workspace workspace = new Workspace() {
            @Override
            public void openTab(String key, String title, Supplier<Node> content) {
                for (Tab t : tabs.getTabs()) {
                    if (key.equals(t.getId())) {
                        tabs.getSelectionModel().select(t);
                        return;
                    }
                }
                Tab t = new Tab(title, content.get());
                t.setId(key);
                tabs.getTabs().add(t);
                tabs.getSelectionModel().select(t);
            }

            @Override
            public void retitleTab(String key, String title) {
            }

            @Override
            public void closeTab(String key) {
            }

            @Override
            public void rekeyTab(String oldKey, String newKey) {
            }

            @Override
            public void status(String text) {
            }

            @Override
            public void openClient(long clientId) {
                openedClients.add(clientId);
            }

            @Override
            public void newClient() {
            }
        };
        control = new ControlScreens(ctx.control(), executor, i18n, workspace, ctx.taskService().zone(), () -> null);
        calls = new CallScreens(ctx.callService(), ctx.callImport(), ctx.missedCalls(), ctx.clients(), executor, i18n,
                workspace, new ScriptedDialogs(), ctx.taskService().zone(), () -> anna);
        tasks = new TaskScreens(ctx.taskService(), ctx.taskTemplates(), ctx.missedCalls(), ctx.notifications(), executor, i18n, workspace,
                new ScriptedDialogs(), () -> anna, () -> null, ctx.businessZone());
        stage.setScene(new Scene(tabs, 1100, 700));
        stage.show();
    }

    private TableView<?> table(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TableView.class);
    }

    @Test
    void dashboardTileOpensTheListBehindItsCount(FxRobot robot) {
        robot.interact(control::openDashboard);
        assertThat(robot.lookup(".button").queryAll().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("tile-")).count()).isEqualTo(7);
        robot.clickOn("#tile-overdue_tasks");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("control:overdue_tasks");
        assertThat(table(robot, "controlList").getItems()).hasSize(1);
    }

    @Test
    void callScreensShowTheLogMissedCallsAndUnknownNumbers(FxRobot robot) {
        robot.interact(calls::openCallLog);
        assertThat(table(robot, "callLogTable").getItems()).map(r -> ((CallRow) r).phoneNorm())
                .contains("+79165557701");
        robot.interact(calls::openMissedCalls);
        assertThat(table(robot, "missedCallsTable").getItems()).map(r -> ((MissedCall) r).phoneNorm())
                .containsExactly("+79165557701");
        robot.interact(calls::openUnknownNumbers);
        assertThat(table(robot, "unknownNumbersTable").getItems()).map(r -> ((UnknownNumber) r).phoneNorm())
                .contains("+79165557701");
    }

    @Test
    void manualEntryDialogSavesACall(FxRobot robot) {
        int before = ctx.callService().count(org.deskcrm.model.call.CallFilter.ALL);
        robot.interact(() -> calls.newCall(tabs.getScene().getWindow(), null, null));
        robot.clickOn("#callPhone").write("+7 916 777-00-01");
        robot.clickOn("Save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ctx.callService().count(org.deskcrm.model.call.CallFilter.ALL)).isEqualTo(before + 1);
        assertThat(ctx.callService().list(org.deskcrm.model.call.CallFilter.ALL, 10))
                .anyMatch(r -> "+79167770001".equals(r.phoneNorm()));
        assertThat(robot.lookup("#callPhone").tryQuery()).isEmpty();
    }

    @Test
    void taskListSwitchesToOverdue(FxRobot robot) {
        robot.interact(() -> tasks.openTasks());
        assertThat(table(robot, "taskTable").getItems()).isEmpty();
        robot.clickOn("#taskViewOVERDUE");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot, "taskTable").getItems()).hasSize(1);
    }
}
