package org.deskcrm.ui.report;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.deskcrm.model.report.GoalEntry;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.Row;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goals editor driven from the plan vs fact tab on a real H2 database: "Goals…" opens the editor
 * for the report's month, a goal added there shows in the editor and, as the plan figure, in the report;
 * editing and deleting it follow; a manager sees the editor read-only.
 */
@ExtendWith(ApplicationExtension.class)
class GoalsEditorTest {
    static ReportUiFixture fx;
    private ReportView report;

    @BeforeAll
    static void open() {
        fx = new ReportUiFixture();
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Start
    void start(Stage stage) {
        fx.ctx.session().signOut();
        report = fx.screens().withGoals(fx.ctx.goals()).view("plan-fact");
        stage.setScene(new Scene(report, 1200, 500));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private GoalsView openEditor(FxRobot robot) throws Exception {
        fx.workspace.keys.clear();
        fx.workspace.contents.clear();
        robot.clickOn("#reportGoals");
        assertThat(fx.workspace.keys).containsExactly("goals");
        GoalsView editor = (GoalsView) fx.workspace.contents.get(0);
        robot.interact(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(editor, 900, 420));
            s.show();
        });
        return editor;
    }

    @SuppressWarnings("unchecked")
    private static TableView<Row> reportTable(FxRobot robot) {
        return robot.lookup("#reportTable").queryAs(TableView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void addEditAndDeleteAGoalAndThePlanFactReportFollows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> report.lookup("#reportTable") != null);
        assertThat(goalRows(robot)).isEmpty();
        GoalsView editor = openEditor(robot);
        TableView<GoalEntry> goals = robot.from(editor).lookup("#goalTable").queryAs(TableView.class);
        ComboBox<String> owner = robot.from(editor).lookup("#goalOwner").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !owner.getItems().isEmpty()
                && !robot.from(editor).lookup("#goalAdd").queryAs(Button.class).isDisabled());

        robot.clickOn(robot.from(editor).lookup("#goalAdd").queryAs(Button.class));
        robot.clickOn(owner).clickOn("Anna");
        ComboBox<GoalMetric> metric = robot.from(editor).lookup("#goalMetric").queryAs(ComboBox.class);
        robot.clickOn(metric).clickOn("Won deals");
        robot.clickOn(robot.from(editor).lookup("#goalTarget").<javafx.scene.Node>query()).write("abc");
        robot.clickOn(robot.from(editor).lookup("#goalSave").queryAs(Button.class));
        Label error = robot.from(editor).lookup("#goalError").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, error::isVisible);
        assertThat(error.getText()).contains("abc").contains("not a number");

        robot.interact(() -> robot.from(editor).lookup("#goalTarget").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn(robot.from(editor).lookup("#goalTarget").<javafx.scene.Node>query()).write("5");
        robot.clickOn(robot.from(editor).lookup("#goalSave").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> goals.getItems().size() == 1);
        GoalEntry saved = goals.getItems().get(0);
        assertThat(saved.userId()).isEqualTo(fx.anna);
        assertThat(saved.metric()).isEqualTo(GoalMetric.WON_DEALS);
        assertThat(saved.periodStart()).isEqualTo(java.time.LocalDate.of(2026, 3, 1));
        assertThat(error.isVisible()).isFalse();

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> goalRows(robot).size() == 1);
        assertThat(planOf(robot)).isEqualByComparingTo("5");

        robot.interact(() -> goals.getSelectionModel().select(0));
        robot.clickOn(robot.from(editor).lookup("#goalEdit").queryAs(Button.class));
        robot.interact(() -> robot.from(editor).lookup("#goalTarget").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn(robot.from(editor).lookup("#goalTarget").<javafx.scene.Node>query()).write("8");
        robot.clickOn(robot.from(editor).lookup("#goalSave").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !goalRows(robot).isEmpty()
                && planOf(robot).compareTo(new BigDecimal("8")) == 0);
        assertThat(goals.getItems()).singleElement().satisfies(g -> assertThat(g.target()).isEqualByComparingTo("8"));

        robot.interact(() -> goals.getSelectionModel().select(0));
        robot.clickOn(robot.from(editor).lookup("#goalDelete").queryAs(Button.class));
        assertThat(robot.from(editor).lookup("#goalDeleteQuestion").<javafx.scene.Node>query().isVisible()).isTrue();
        assertThat(goals.getItems()).hasSize(1);
        robot.clickOn(robot.from(editor).lookup("#goalConfirmDelete").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> goals.getItems().isEmpty());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> goalRows(robot).isEmpty());
    }

    @Test
    void aManagerSeesTheGoalsReadOnly(FxRobot robot) throws Exception {
        long mike = fx.ctx.users().insert(User.draft("mike", "Mike", Role.MANAGER, null), null);
        fx.ctx.session().signIn(fx.ctx.users().findById(mike).orElseThrow());
        try {
            GoalsView editor = openEditor(robot);
            Label note = robot.from(editor).lookup("#goalReadOnly").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, note::isVisible);
            assertThat(note.getText()).isEqualTo("Only supervisors and administrators can change goals.");
            assertThat(robot.from(editor).lookup("#goalAdd").queryAs(Button.class).isDisabled()).isTrue();
        } finally {
            fx.ctx.session().signOut();
        }
    }

    /** The report's goal rows (without the totals row). */
    private static java.util.List<Row> goalRows(FxRobot robot) {
        return reportTable(robot).getItems().stream()
                .filter(r -> !org.deskcrm.model.report.ReportTable.TOTALS.equals(r.key())).toList();
    }

    /** The plan (target) figure of the report's only goal row. */
    private static BigDecimal planOf(FxRobot robot) {
        Row row = goalRows(robot).get(0);
        return new BigDecimal(row.values().get(5).toString());
    }
}
