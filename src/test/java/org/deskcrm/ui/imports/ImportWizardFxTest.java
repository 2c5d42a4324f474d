package org.deskcrm.ui.imports;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.imports.ImportLookupRepository;
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

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import wizard driven through its real view on a real H2 database, in Russian: a Windows-1251
 * file is read, columns are guessed from Russian labels, an unknown manager is mapped, invalid cells
 * are highlighted with their reason and block the import, a profile is saved, and a valid file runs
 * in the background to its result (and the list is asked to reload).
 */
@ExtendWith(ApplicationExtension.class)
class ImportWizardFxTest {
    static AppContext ctx;
    static FxTaskExecutor executor;
    HeldOutcome held;

    /**
     * The window's executor, able to hold the next job before its work starts (an import under way) or its outcome
     * once its work has returned (the moment between an import's commit and its result reaching the window).
     */
    static final class HeldOutcome implements org.deskcrm.ui.common.TaskExecutor {
        private final org.deskcrm.ui.common.TaskExecutor inner;
        final java.util.concurrent.CountDownLatch returned = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        volatile boolean holdNext;
        volatile boolean holdNextStart;

        HeldOutcome(org.deskcrm.ui.common.TaskExecutor inner) {
            this.inner = inner;
        }

        @Override
        public <T> Job submit(org.deskcrm.ui.common.BackgroundWork<T> work, java.util.function.Consumer<? super T> ok,
                              java.util.function.Consumer<Throwable> failed) {
            boolean hold = holdNext;
            boolean holdStart = holdNextStart;
            holdNext = false;
            holdNextStart = false;
            return inner.submit(p -> {
                if (holdStart) {
                    returned.countDown();
                    release.await(60, TimeUnit.SECONDS);
                }
                T r = work.call(p);
                if (hold) {
                    returned.countDown();
                    release.await(60, TimeUnit.SECONDS);
                }
                return r;
            }, ok, failed);
        }
    }
    static long admin;
    final AtomicInteger refreshed = new AtomicInteger();
    ImportWizardViewModel vm;

    @BeforeAll
    static void open() {
        ctx = new AppContext(TestDatabases.h2());
        admin = ctx.ensureReferenceData(Locale.ENGLISH);
        ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        executor = new FxTaskExecutor(2);
    }

    @AfterAll
    static void close() {
        executor.close();
        ctx.close();
    }

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.forLanguageTag("ru"));
        held = new HeldOutcome(executor);
        ImportScreens screens = new ImportScreens(ctx.imports().service(), ctx.imports().profiles(), held, i18n,
                () -> admin);
        vm = screens.viewModel(ImportTarget.CLIENTS, refreshed::incrementAndGet);
        stage.setScene(new Scene(new ImportWizardView(vm, i18n), 1000, 700));
        stage.show();
    }

    void waitFor(ImportWizardViewModel.Step step) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.stepProperty().get() == step && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static byte[] cp1251(String s) {
        return s.getBytes(Charset.forName("windows-1251"));
    }

    @SuppressWarnings("unchecked")
    void mapOwnerAndGo(FxRobot robot) throws Exception {
        waitFor(ImportWizardViewModel.Step.TARGET);
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.MAPPING);
        ComboBox<String> name = robot.lookup("#import-column-name").queryAs(ComboBox.class);
        assertThat(name.getValue()).isEqualTo("Название"); // guessed from the Russian label
        ComboBox<String> owner = robot.lookup("#import-column-owner").queryAs(ComboBox.class);
        assertThat(owner.getItems()).contains("Менеджер");
        robot.interact(() -> owner.setValue("Менеджер"));
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.VALUES);
        ComboBox<String> value = robot.lookup("#import-value-0").queryAs(ComboBox.class);
        assertThat(value.getItems()).contains("Anna Petrova");
        robot.interact(() -> value.setValue("Anna Petrova"));
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.PREVIEW);
    }

    @Test
    void invalidCellsAreHighlightedAndBlockTheImport(FxRobot robot) throws Exception {
        long before = new ImportLookupRepository(ctx.database()).count("client");
        robot.interact(() -> vm.load("клиенты.csv", cp1251("Название;Менеджер;ИНН\nООО Север;Аня;\nООО Юг;Аня;1234567890\n")));
        mapOwnerAndGo(robot);
        ListView<?> issues = robot.lookup("#import-issues").queryAs(ListView.class);
        assertThat(issues.getItems()).hasSize(1);
        Node invalid = robot.lookup(".import-invalid").query();
        assertThat(((TableCell<?, ?>) invalid).getText()).isEqualTo("1234567890");
        assertThat(((TableCell<?, ?>) invalid).getTooltip().getText()).contains("Неверный ИНН");
        assertThat(robot.lookup("#import-run").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#import-summary").queryAs(Label.class).getText()).contains("неверных ячеек: 1");
        assertThat(new ImportLookupRepository(ctx.database()).count("client")).isEqualTo(before);
    }

    @Test
    void aRefusedRunKeepsItsRefusalWhileItsErrorReportIsWrittenTwice(FxRobot robot) throws Exception {
        robot.interact(() -> vm.load("клиенты.csv", cp1251("Название;Менеджер;ИНН\nООО Запад;Аня;\n")));
        mapOwnerAndGo(robot);
        // the database refuses the run after a clean preview (a constraint): the refusal and its cells are shown
        robot.interact(() -> vm.failed(new org.deskcrm.model.io.ImportRejectedException(java.util.List.of(
                org.deskcrm.model.io.CellIssue.of(2, "Название", "imports.issue.required")))));
        Button report = robot.lookup("#import-save-report").queryAs(Button.class);
        assertThat(report.isVisible()).isTrue();
        String refusal = vm.errorProperty().get();
        assertThat(refusal).isNotEmpty();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("refused");
        for (String name : java.util.List.of("errors.xlsx", "errors.csv")) {
            robot.interact(() -> vm.writeErrorReport(dir.resolve(name)));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(java.nio.file.Files.size(dir.resolve(name))).as(name).isPositive();
            assertThat(vm.errorProperty().get()).as("after writing %s", name).isEqualTo(refusal);
            assertThat(report.isVisible()).as("after writing %s", name).isTrue();
        }
    }

    @Test
    void cancelPressedDuringTheRunRollsItBackAndSaysSo(FxRobot robot) throws Exception {
        long before = new ImportLookupRepository(ctx.database()).count("client");
        robot.interact(() -> vm.load("клиенты.csv", cp1251("Название;Менеджер;ИНН\nООО Закат;Аня;\n")));
        mapOwnerAndGo(robot);
        held.holdNextStart = true;
        robot.clickOn("#import-run");
        assertThat(held.returned.await(60, TimeUnit.SECONDS)).isTrue(); // the run is under way
        robot.clickOn("#import-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.progressTextProperty().get()).isEqualTo("Отменяем импорт…");
        held.release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.errorProperty().get()).isEqualTo("Импорт отменён, ничего не записано.");
        assertThat(new ImportLookupRepository(ctx.database()).count("client")).isEqualTo(before);
    }

    @Test
    void cancelPressedAfterTheRunCommittedShowsWhatItWrote(FxRobot robot) throws Exception {
        long before = new ImportLookupRepository(ctx.database()).count("client");
        robot.interact(() -> vm.load("клиенты.csv", cp1251("Название;Менеджер;ИНН\nООО Восход;Аня;\n")));
        mapOwnerAndGo(robot);
        held.holdNext = true;
        robot.clickOn("#import-run");
        assertThat(held.returned.await(60, TimeUnit.SECONDS)).isTrue(); // committed, its outcome not yet on screen
        robot.clickOn("#import-cancel");
        held.release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new ImportLookupRepository(ctx.database()).count("client")).isEqualTo(before + 1);
        assertThat(vm.errorProperty().get()).as("no 'cancelled' for rows that are in").isEmpty();
        assertThat(robot.lookup("#import-result").queryAs(Label.class).getText()).contains("создано 1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValidFileRunsInTheBackgroundAndTheProfileIsSaved(FxRobot robot) throws Exception {
        long before = new ImportLookupRepository(ctx.database()).count("client");
        byte[] file = ("Название,Менеджер,Телефон\nМастер Восток,Аня,+7 903 111-22-33\n"
                + "Мастер Запад,Аня,+7 903 111-22-44\n").getBytes(StandardCharsets.UTF_8);
        robot.interact(() -> vm.load("клиенты.csv", file));
        waitFor(ImportWizardViewModel.Step.TARGET);
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.MAPPING);
        robot.clickOn("#import-profile-name").write("Мастер");
        robot.interact(() -> robot.lookup("#import-column-owner").queryAs(ComboBox.class).setValue("Менеджер"));
        robot.clickOn("#import-save-profile");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ctx.imports().profiles()
                .find(ImportTarget.CLIENTS, "Мастер").isPresent());
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.VALUES);
        robot.interact(() -> robot.lookup("#import-value-0").queryAs(ComboBox.class).setValue("Anna Petrova"));
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.PREVIEW);
        assertThat(robot.lookup(".import-invalid").tryQuery()).isEmpty();
        robot.clickOn("#import-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.doneProperty().get() || !vm.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(robot.lookup("#import-result").queryAs(Label.class).getText()).contains("создано 2");
        assertThat(new ImportLookupRepository(ctx.database()).count("client")).isEqualTo(before + 2);
        assertThat(refreshed.get()).isEqualTo(1);
        assertThat(ctx.imports().profiles().require(ImportTarget.CLIENTS, "Мастер").settings().columns())
                .containsEntry("owner", "Менеджер");
    }
}
