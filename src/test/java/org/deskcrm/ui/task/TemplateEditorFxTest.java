package org.deskcrm.ui.task;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.task.Recurrence;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.model.task.TaskTemplate;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.model.task.TemplateStage;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.MutableClock;
import org.deskcrm.ui.call.ScriptedDialogs;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.common.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The real recurring-template editor in a window (headless Monocle) on a real H2 database. */
@ExtendWith(ApplicationExtension.class)
class TemplateEditorFxTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    AppContext ctx;
    long anna;
    TabPane tabs;
    TaskScreens screens;

    @Start
    void start(Stage stage) {
        ctx = new AppContext(TestDatabases.h2(), new MutableClock(NOW));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        anna = ctx.users().insert(User.draft("anna", "Anna Accountant", Role.MANAGER, null), null);
        tabs = new TabPane();
        screens = new TaskScreens(ctx.taskService(), ctx.taskTemplates(), ctx.missedCalls(), ctx.notifications(),
                new SameThreadExecutor(), new I18n(Locale.ENGLISH), workspace(), new ScriptedDialogs(), () -> anna,
                () -> null, ctx.businessZone());
        stage.setScene(new Scene(tabs, 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private Workspace workspace() {
        return new Workspace() {
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
            }

            @Override
            public void newClient() {
            }
        };
    }

    private void fill(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private String message(FxRobot robot) {
        return robot.lookup("#templateMessage").queryAs(Label.class).getText();
    }

    private void waitFor(FxRobot robot, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; the editor says: " + message(robot), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void createAQuarterlyTemplateWithFiveStagesGenerateTwiceThenEditIt(FxRobot robot) throws Exception {
        robot.interact(() -> screens.openTasks());
        robot.clickOn("#taskTemplates");
        ListView<TaskTemplate> list = robot.lookup("#templateList").queryAs(ListView.class);
        assertThat(list.getItems()).isEmpty();

        fill(robot, "templateTitle", "VAT return");
        robot.clickOn("#templateRecurrence").clickOn("Quarterly");
        robot.clickOn("#templateAssignee").clickOn("Anna Accountant");
        robot.interact(() -> robot.lookup("#templateAnchor").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 1, 1)));
        String[] titles = {"prepare", "agree with client", "send payment orders", "submit", "confirm"};
        String[] days = {"0", "7", "14", "20", "24"};
        for (int i = 0; i < titles.length; i++) {
            if (i > 0) {
                robot.clickOn("#stageAdd");
            }
            fill(robot, "stageTitle" + i, titles[i]);
            fill(robot, "stageOffset" + i, days[i]);
        }
        robot.clickOn("#templateSave");
        waitFor(robot, () -> list.getItems().size() == 1);
        assertThat(message(robot)).isEqualTo("Saved: VAT return");
        TaskTemplate saved = ctx.taskTemplates().templates().get(0);
        assertThat(saved.recurrence()).isEqualTo(Recurrence.QUARTERLY);
        assertThat(saved.assigneeId()).isEqualTo(anna);
        assertThat(saved.stages()).extracting(TemplateStage::title).containsExactly(titles);
        assertThat(saved.stages()).extracting(TemplateStage::offsetDays).containsExactly(0, 7, 14, 20, 24);
        assertThat(robot.lookup("#templateGenerate").query().isDisabled()).isFalse();

        // generate for 2026: four quarters × five stages; again: nothing new
        robot.interact(() -> robot.lookup("#generateUntil").queryAs(DatePicker.class)
                .setValue(LocalDate.of(2026, 12, 31)));
        robot.clickOn("#templateGenerate");
        waitFor(robot, () -> message(robot).startsWith("20 new tasks generated"));
        assertThat(robot.lookup("#templateInfo").queryAs(Label.class).getText())
                .startsWith("20 tasks generated so far");
        robot.clickOn("#templateGenerate");
        waitFor(robot, () -> message(robot).startsWith("0 new tasks generated"));
        List<TaskRow> tasks = ctx.taskService().list(TaskView.ALL, anna, null);
        assertThat(tasks).hasSize(20);
        ZoneId zone = ctx.businessZone();
        assertThat(tasks).filteredOn(r -> r.task().title().equals("VAT return: confirm"))
                .extracting(r -> LocalDate.ofInstant(r.task().dueAt(), zone))
                .containsExactly(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 4, 25), LocalDate.of(2026, 7, 25),
                        LocalDate.of(2026, 10, 25));

        // edit: rename a stage, drop the last one, make "submit" an email
        robot.clickOn("VAT return · Quarterly");
        waitFor(robot, () -> "VAT return".equals(robot.lookup("#templateTitle").queryAs(TextField.class).getText()));
        fill(robot, "stageTitle1", "agree with the client");
        robot.clickOn("#stageRemove4");
        robot.clickOn("#stageKind3").clickOn("Email");
        robot.clickOn("#templateSave");
        waitFor(robot, () -> message(robot).equals("Saved: VAT return"));
        TaskTemplate edited = ctx.taskTemplates().find(saved.id());
        assertThat(edited.stages()).extracting(TemplateStage::title)
                .containsExactly("prepare", "agree with the client", "send payment orders", "submit");
        assertThat(edited.stages().get(3).kind()).isEqualTo(TaskKind.EMAIL);
        assertThat(edited.stages().get(0).id()).isEqualTo(saved.stages().get(0).id());
        assertThat(ctx.taskService().list(TaskView.ALL, anna, null)).hasSize(20); // generated tasks stay

        // a new template without a title is refused with the reason
        robot.clickOn("#templateNew");
        assertThat(robot.lookup("#templateGenerate").query().isDisabled()).isTrue();
        fill(robot, "stageTitle0", "only stage");
        robot.clickOn("#templateSave");
        waitFor(robot, () -> message(robot).contains("Title: required"));
        fill(robot, "stageOffset0", "soon");
        robot.clickOn("#templateSave");
        waitFor(robot, () -> message(robot).equals("Stage 1: the days must be a whole number"));
        assertThat(ctx.taskTemplates().templates()).hasSize(1);
    }
}
