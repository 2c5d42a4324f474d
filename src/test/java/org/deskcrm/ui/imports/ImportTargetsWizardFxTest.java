package org.deskcrm.ui.imports;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard importing people on a real H2 database, in English: a team name that matches nothing shows
 * the closest team as a suggestion (offered first), the ignored column is named in the preview, and the
 * imported person has no password.
 */
@ExtendWith(ApplicationExtension.class)
class ImportTargetsWizardFxTest {
    static AppContext ctx;
    static FxTaskExecutor executor;
    static long admin;
    ImportWizardViewModel vm;

    @BeforeAll
    static void open() {
        ctx = new AppContext(TestDatabases.h2());
        admin = ctx.ensureReferenceData(Locale.ENGLISH);
        ctx.users().insertTeam("Sales North", null);
        executor = new FxTaskExecutor(2);
    }

    @AfterAll
    static void close() {
        executor.close();
        ctx.close();
    }

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        ImportScreens screens = new ImportScreens(ctx.imports().service(), ctx.imports().profiles(), executor, i18n,
                () -> admin);
        vm = screens.viewModel(ImportTarget.USERS, () -> { });
        stage.setScene(new Scene(new ImportWizardView(vm, i18n), 1100, 700));
        stage.show();
    }

    void waitFor(ImportWizardViewModel.Step step) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.stepProperty().get() == step && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnknownTeamIsSuggestedAndTheIgnoredColumnIsNamed(FxRobot robot) throws Exception {
        byte[] file = "fullName,team,colour\nIvan Novikov,SalesNorth,blue\n".getBytes(StandardCharsets.UTF_8);
        robot.interact(() -> vm.load("people.csv", file));
        waitFor(ImportWizardViewModel.Step.TARGET);
        robot.interact(() -> vm.targetProperty().set(ImportTarget.USERS));
        assertThat(robot.lookup("#import-create-missing").queryAs(CheckBox.class).isSelected()).isFalse();
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.MAPPING);
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.VALUES);
        assertThat(robot.lookup("#import-suggested-0").queryAs(Label.class).getText())
                .isEqualTo("Closest: Sales North");
        ComboBox<String> value = robot.lookup("#import-value-0").queryAs(ComboBox.class);
        assertThat(value.getItems().get(0)).isEqualTo("Sales North");
        robot.interact(() -> value.setValue(value.getItems().get(0)));
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.PREVIEW);
        assertThat(robot.lookup("#import-details").queryAs(Label.class).getText())
                .isEqualTo("Ignored columns: colour");
        robot.clickOn("#import-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.doneProperty().get() || !vm.errorProperty().get().isEmpty());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(ctx.database().dsl().fetchValue("select t.name from app_user u join team t on t.id = u.team_id"
                + " where u.login = 'ivan.novikov'")).isEqualTo("Sales North");
        assertThat(ctx.users().passwordHash("ivan.novikov")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aShippedProfileIsChosenByItsNameAndGivesThePipelineAndTheMapping(FxRobot robot) throws Exception {
        byte[] file;
        try (java.io.InputStream in = getClass().getResourceAsStream(
                "/org/deskcrm/imports/samples/salesforce-opportunities.csv")) {
            file = in.readAllBytes();
        }
        robot.interact(() -> vm.load("report.csv", file));
        waitFor(ImportWizardViewModel.Step.TARGET);
        robot.interact(() -> robot.lookup("#import-target").queryAs(ComboBox.class).setValue(ImportTarget.DEALS));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> profile = robot.lookup("#import-profile").queryAs(ComboBox.class);
        assertThat(profile.getItems()).contains("amocrm-deals", "bitrix24-deals", "salesforce-opportunities")
                .doesNotContain("1c-clients");
        ComboBox<String> pipeline = robot.lookup("#import-pipeline").queryAs(ComboBox.class);
        assertThat(pipeline.isVisible()).isTrue();
        robot.interact(() -> profile.setValue("salesforce-opportunities"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pipeline.getValue()).as("the profile's pipeline").isEqualTo("sales");
        assertThat(robot.lookup("#import-create-missing").queryAs(CheckBox.class).isSelected()).isTrue();
        // another target drops the profile: the box says so, and choosing the profile again applies it again
        ComboBox<ImportTarget> target = robot.lookup("#import-target").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue(ImportTarget.CLIENTS));
        robot.interact(() -> target.setValue(ImportTarget.DEALS));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(profile.getValue()).isNull();
        robot.interact(() -> profile.setValue("salesforce-opportunities"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.MAPPING);
        assertThat(robot.lookup("#import-column-externalId").queryAs(ComboBox.class).getValue()).isEqualTo("Opportunity ID");
        assertThat(robot.lookup("#import-column-closedOn").queryAs(ComboBox.class).getValue()).isEqualTo("Close Date");
        assertThat(robot.lookup("#import-column-createdOn").queryAs(ComboBox.class).getValue()).isEqualTo("Created Date");
        assertThat(vm.settings().dateStyle().pattern()).isEqualTo("MM/dd/yyyy");
    }
}
