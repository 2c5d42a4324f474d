package org.deskcrm.ui.settings;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Settings tab (pipelines, scoring, lifecycle pages) on a real H2 database, driven by the robot. */
@ExtendWith(ApplicationExtension.class)
class SettingsFxTest {
    /** One database for the class (opening it under load must not eat the window's setup time). */
    static AppContext app;
    FxTaskExecutor executor;
    SettingsView view;
    final Deque<String> prompts = new ArrayDeque<>();

    final class Dialogs implements DialogService {
        @Override
        public void error(String title, String message) {
        }

        @Override
        public void info(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public Optional<Integer> choose(String title, String message, List<String> options) {
            return Optional.empty();
        }

        @Override
        public Optional<String> prompt(String title, String message, String initial) {
            return Optional.ofNullable(prompts.poll());
        }
    }

    @BeforeAll
    static void open() {
        // the window's setup waits for the FX thread, which a loaded build machine starves
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        app = new AppContext(TestDatabases.h2(), Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"), ZoneOffset.UTC));
        app.referenceData().ensureDefaults(Locale.ENGLISH);
        app.dealFeature().scoring().ensureDefaultRules(Locale.ENGLISH);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor(2);
        var f = app.dealFeature();
        view = new SettingsScreens(executor, new I18n(Locale.ENGLISH), new Dialogs(), Platform::runLater)
                .withDealPages(f.pipelines(), f.scoring(), f.sales(), f.settings()).view();
        stage.setScene(new Scene(view, 1200, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T extends Node> T find(FxRobot robot, String query) {
        return robot.from(view).lookup(query).query();
    }

    void replace(FxRobot robot, String query, String text) {
        TextField f = find(robot, query);
        robot.interact(() -> f.setText(""));
        robot.clickOn(f).write(text);
    }

    Pipeline first() {
        return app.dealFeature().pipelines().pipelines().get(0);
    }

    String label(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    @Test
    void thePageListHoldsTheDealPages(FxRobot robot) {
        ListView<SettingsPage> pages = find(robot, "#settings-pages");
        assertThat(pages.getItems()).extracting(SettingsPage::key).containsExactly("pipelines", "scoring", "lifecycle");
        assertThat(pages.getItems()).extracting(SettingsPage::title)
                .containsExactly("Pipelines and stages", "Lead scoring", "Client lifecycle");
    }

    @Test
    void addReorderAndBreakStagesInThePipelineEditor(FxRobot robot) throws Exception {
        TableView<PipelineSettingsViewModel.Row> stages = find(robot, "#pipeline-stages");
        int before = first().stages().size();
        waitUntil(() -> stages.getItems().size() == before);

        // a new stage goes before the won stage
        robot.clickOn((Node) find(robot, "#stage-add"));
        replace(robot, "#stage-name", "Contract review");
        replace(robot, "#stage-probability", "85");
        replace(robot, "#stage-max-days", "7");
        robot.clickOn((Node) find(robot, "#stage-save"));
        waitUntil(() -> stages.getItems().size() == before + 1);
        List<org.deskcrm.model.deal.Stage> after = first().stages();
        int at = after.indexOf(after.stream().filter(s -> s.name().equals("Contract review")).findFirst().orElseThrow());
        assertThat(after.get(at + 1).kind()).isEqualTo(StageKind.WON);
        assertThat(after.get(at).probability()).isEqualByComparingTo("85");
        assertThat(after.get(at).maxDays()).isEqualTo(7);
        assertThat(stages.getItems().get(at).name()).isEqualTo("Contract review");

        // move it one up
        long id = after.get(at).id();
        robot.interact(() -> stages.getSelectionModel().select(at));
        robot.clickOn((Node) find(robot, "#stage-up"));
        waitUntil(() -> first().stages().get(at - 1).id() == id && stages.getItems().size() == before + 1
                && stages.getItems().get(at - 1).stage().id() == id);

        // a second won stage breaks the pipeline's rule: localized error, nothing saved
        int openAt = 0;
        robot.interact(() -> stages.getSelectionModel().select(openAt));
        robot.clickOn((Node) find(robot, "#stage-edit"));
        robot.interact(() -> ((ComboBox<StageKind>) find(robot, "#stage-kind")).setValue(StageKind.WON));
        robot.clickOn((Node) find(robot, "#stage-save"));
        waitUntil(() -> label(robot, "#pipeline-error").equals("A pipeline needs exactly one won stage."));
        assertThat(first().stages().get(0).kind()).isEqualTo(StageKind.OPEN);

        // a duplicate name too
        robot.interact(() -> ((ComboBox<StageKind>) find(robot, "#stage-kind")).setValue(StageKind.OPEN));
        replace(robot, "#stage-name", "contract review");
        robot.clickOn((Node) find(robot, "#stage-save"));
        waitUntil(() -> label(robot, "#pipeline-error").equals("There is already a stage called \"Contract review\"."));
        robot.clickOn((Node) find(robot, "#stage-cancel"));
    }

    @Test
    void aLostReasonIsAddedOnceAndAStageInUseCannotBeDeleted(FxRobot robot) throws Exception {
        ListView<String> reasons = find(robot, "#lost-reasons");
        int before = app.pipelines().lostReasons().size();
        waitUntil(() -> reasons.getItems().size() == before);
        prompts.add("Chose a competitor on price");
        robot.clickOn((Node) find(robot, "#reason-add"));
        waitUntil(() -> reasons.getItems().contains("Chose a competitor on price"));
        prompts.add("chose a competitor on price");
        robot.clickOn((Node) find(robot, "#reason-add"));
        waitUntil(() -> label(robot, "#pipeline-error")
                .equals("There is already a lost reason \"chose a competitor on price\"."));
        assertThat(app.pipelines().lostReasons()).hasSize(before + 1);

        Pipeline p = first();
        long userId = app.users().insert(User.draft("u1" + System.nanoTime(), "User One", Role.MANAGER, null), null);
        long client = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Клиент"), List.of(),
                List.of()), userId).id();
        app.dealFeature().deals().create(Deal.draft("D", client, userId, p.id(), p.firstOpenStage().id(),
                BigDecimal.ONE), List.of(), userId);
        TableView<PipelineSettingsViewModel.Row> stages = find(robot, "#pipeline-stages");
        robot.interact(() -> stages.getSelectionModel().select(0));
        robot.clickOn((Node) find(robot, "#stage-delete"));
        waitUntil(() -> label(robot, "#pipeline-error")
                .equals("Deals have been at \"" + p.firstOpenStage().name() + "\", so it cannot be deleted."));
        assertThat(first().stages()).hasSize(p.stages().size());
    }

    @Test
    void scoringBandsAreValidatedAndRescoreAllRunsInTheBackground(FxRobot robot) throws Exception {
        robot.interact(() -> view.select("scoring"));
        TableView<ScoringSettingsViewModel.Row> rules = find(robot, "#scoring-rules");
        waitUntil(() -> !rules.getItems().isEmpty());
        replace(robot, "#scoring-hot", "30");
        replace(robot, "#scoring-warm", "60");
        robot.clickOn((Node) find(robot, "#scoring-save-bands"));
        waitUntil(() -> label(robot, "#scoring-message").equals("Band thresholds need 1 ≤ warm < hot ≤ 100."));
        replace(robot, "#scoring-hot", "60");
        replace(robot, "#scoring-warm", "30");
        robot.clickOn((Node) find(robot, "#scoring-save-bands"));
        waitUntil(() -> app.dealFeature().settings().thresholds().hotMin() == 60);
        assertThat(app.dealFeature().settings().thresholds().warmMin()).isEqualTo(30);

        // a new rule: every deal with an amount of at least 1000 gets 40
        robot.clickOn((Node) find(robot, "#scoring-add"));
        replace(robot, "#scoring-name", "Big deal");
        replace(robot, "#scoring-operand", "1000");
        replace(robot, "#scoring-weight", "40");
        robot.clickOn((Node) find(robot, "#scoring-save"));
        waitUntil(() -> rules.getItems().stream().anyMatch(r -> r.name().equals("Big deal")));

        Pipeline p = first();
        long userId = app.users().insert(User.draft("u2" + System.nanoTime(), "User Two", Role.MANAGER, null), null);
        long client = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Клиент 2"), List.of(),
                List.of()), userId).id();
        long deal = app.dealFeature().deals().create(Deal.draft("Big", client, userId, p.id(),
                p.firstOpenStage().id(), new BigDecimal("5000")), List.of(), userId).id();
        app.database().dsl().execute("UPDATE deal SET score = 0, score_band = 'cold'");
        robot.clickOn((Node) find(robot, "#scoring-rescore-start"));
        waitUntil(() -> label(robot, "#scoring-rescore-message").startsWith("Done:"));
        assertThat(app.dealFeature().deals().find(deal).score()).isGreaterThanOrEqualTo(40);
        assertThat(app.dealFeature().deals().find(deal).band().code()).isIn("warm", "hot");
    }

    @Test
    void lifecycleThresholdsAreValidatedSavedAndRecomputed(FxRobot robot) throws Exception {
        robot.interact(() -> view.select("lifecycle"));
        waitUntil(() -> ((TextField) find(robot, "#lifecycle-fresh")).getText().equals("90"));
        replace(robot, "#lifecycle-fresh", "400");
        replace(robot, "#lifecycle-churn", "100");
        robot.clickOn((Node) find(robot, "#lifecycle-save"));
        waitUntil(() -> label(robot, "#lifecycle-message").equals("Thresholds need 1 ≤ \"new\" days ≤ \"churned\" days ≤ 3650."));
        replace(robot, "#lifecycle-fresh", "30");
        replace(robot, "#lifecycle-churn", "200");
        robot.clickOn((Node) find(robot, "#lifecycle-save"));
        waitUntil(() -> app.dealFeature().settings().lifecycle().freshDays() == 30);
        assertThat(app.dealFeature().settings().lifecycle().churnDays()).isEqualTo(200);
        robot.clickOn((Node) find(robot, "#lifecycle-recompute-start"));
        waitUntil(() -> label(robot, "#lifecycle-recompute-message").startsWith("Done:"));
    }
}
