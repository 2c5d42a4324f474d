package org.deskcrm.ui.shell;

import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.search.GlobalSearchService;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Refreshable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The real main window over a real in-memory H2 database. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private AppContext ctx;
    private FxTaskExecutor executor;
    private Preferences prefsNode;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = new AppContext(TestDatabases.h2());
        executor = new FxTaskExecutor(2);
        prefsNode = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
        GlobalSearchService search = new GlobalSearchService(ctx.clients(), ctx.deals(),
                new ClientRepository(ctx.database()));
        window = new MainWindow(ctx, search::search, new Screens(), executor, new I18n(Locale.ENGLISH),
                new ShellPreferences(prefsNode), null);
        stage.setScene(window.createScene(1200, 760));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        ctx.close();
        prefsNode.removeNode();
    }

    private static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
    }

    private List<String> keys() {
        return fx(() -> window.tabs().keys());
    }

    private Optional<String> selected() {
        return fx(() -> window.tabs().selectedKey());
    }

    @Test
    void theSidebarOpensASectionOnceAndFocusesItWhenOpenedAgain(FxRobot robot) {
        robot.clickOn("#nav-deals");
        robot.clickOn("#nav-calls");
        assertThat(keys()).containsExactly("nav:deals", "nav:calls");
        assertThat(selected()).contains("nav:calls");
        robot.clickOn("#nav-deals");
        assertThat(keys()).containsExactly("nav:deals", "nav:calls");
        assertThat(selected()).contains("nav:deals");
        assertThat(fx(() -> window.tabs().tab("nav:deals").orElseThrow().getText())).isEqualTo("Deals");
        // a section without a screen shows its empty state with a title
        assertThat(robot.lookup(".empty-title").queryAll()).extracting(n -> ((javafx.scene.control.Label) n).getText())
                .contains("Deals");
    }

    @Test
    void aRekeyedTabIsFoundUnderItsNewKeyAndAGuardedTabClosesOnlyWhenItsGuardAgrees(FxRobot robot) {
        boolean[] allow = {false};
        robot.interact(() -> window.openTab("client:new:7", "New client", () -> {
            javafx.scene.control.Label content = new javafx.scene.control.Label("card");
            org.deskcrm.ui.common.CloseGuard.attach(content, () -> allow[0]);
            return content;
        }));
        robot.interact(() -> window.rekeyTab("client:new:7", "client:42"));
        assertThat(keys()).containsExactly("client:42");
        // opening the record now selects the same tab instead of a second one
        robot.interact(() -> window.openTab("client:42", "other", javafx.scene.control.Label::new));
        assertThat(keys()).containsExactly("client:42");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        assertThat(keys()).containsExactly("client:42");
        // quitting asks every tab too
        assertThat(fx(() -> window.tabs().allowClosingAll())).isFalse();
        allow[0] = true;
        assertThat(fx(() -> window.tabs().allowClosingAll())).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        assertThat(keys()).isEmpty();
        // the key is free again once the tab is closed
        robot.interact(() -> window.openTab("client:42", "again", javafx.scene.control.Label::new));
        assertThat(keys()).containsExactly("client:42");
    }

    @Test
    void keyboardClosesAndCyclesTabsAndOpensANewClientCard(FxRobot robot) {
        robot.clickOn("#nav-deals").clickOn("#nav-calls").clickOn("#nav-tasks");
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertThat(selected()).contains("nav:deals");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(selected()).contains("nav:tasks");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        assertThat(keys()).containsExactly("nav:deals", "nav:calls");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertThat(selected()).hasValueSatisfying(k -> assertThat(k).startsWith("client:new:"));
        assertThat(fx(() -> window.tabs().tab(selected().orElseThrow()).map(Tab::getText).orElseThrow()))
                .isEqualTo("New client");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        assertThat(selected()).contains("nav:reports");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        assertThat(fx(() -> window.search().field().isFocused())).isTrue();
        // Ctrl+W works even while the caret is in the search field
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        assertThat(keys()).containsExactly("nav:deals", "nav:calls");
    }

    @Test
    void f5RefreshesATabThatSupportsIt(FxRobot robot) {
        AtomicInteger refreshed = new AtomicInteger();
        robot.interact(() -> window.openTab("report:x", "Report", () -> {
            javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane();
            Refreshable.attach(pane, refreshed::incrementAndGet);
            return pane;
        }));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        assertThat(refreshed).hasValue(1);
        robot.clickOn("#nav-deals");
        robot.press(KeyCode.F5).release(KeyCode.F5);
        assertThat(refreshed).hasValue(1);
        assertThat(fx(() -> window.statusBar().messageText())).isEqualTo("This tab has nothing to refresh.");
    }

    @Test
    void searchFindsAClientByAPhoneTypedDifferentlyAndEnterOpensItsCard(FxRobot robot) throws Exception {
        long id = ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "ООО «Ромашка»"), List.of(),
                List.of(Channel.ofClient(ChannelKind.PHONE, "+7 912 345-67-89"))), null).id();
        robot.clickOn("#globalSearch").write("89123456789");
        waitUntil(() -> window.search().isPopupShowing() && window.search().list().getItems().size() == 1);
        assertThat(fx(() -> window.search().list().getItems().get(0).clientId())).isEqualTo(id);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(selected()).contains("client:" + id);
        waitUntil(() -> "ООО «Ромашка»".equals(window.tabs().tab("client:" + id).map(Tab::getText).orElse("")));
        assertThat(fx(() -> window.search().field().getText())).isEmpty();
        assertThat(fx(() -> window.search().isPopupShowing())).isFalse();

        // opening it again from the search focuses the same tab
        robot.clickOn("#nav-deals");
        robot.clickOn("#globalSearch").write("ромашка");
        waitUntil(() -> window.search().list().getItems().size() == 1);
        robot.clickOn(".search-results .list-cell");
        assertThat(keys()).containsExactly("client:" + id, "nav:deals");
        assertThat(selected()).contains("client:" + id);
    }

    /** A shown menu item by its text (menu items are not nodes; their containers in the popup are). */
    private static javafx.scene.Node menuItem(FxRobot robot, String text) {
        return robot.lookup(".menu-item").match((javafx.scene.Node n) -> n.getScene() != null && n.isVisible()
                && n.lookupAll(".label").stream().anyMatch(l -> l instanceof javafx.scene.control.Label label
                && text.equals(label.getText()))).query();
    }

    @Test
    void theViewMenuSwitchesAndRemembersTheTheme(FxRobot robot) {
        assertThat(fx(() -> stage.getScene().getStylesheets())).anyMatch(s -> s.endsWith("light.css"));
        robot.clickOn(robot.lookup("#menu-view").match((javafx.scene.Node n) -> n.getScene() != null).<javafx.scene.Node>query());
        robot.clickOn(menuItem(robot, "Dark theme"));
        assertThat(fx(() -> stage.getScene().getStylesheets()))
                .anyMatch(s -> s.endsWith("shell.css"))
                .anyMatch(s -> s.endsWith("dark.css"))
                .noneMatch(s -> s.endsWith("light.css"));
        assertThat(new ShellPreferences(prefsNode).theme()).isEqualTo(Theme.DARK);
        assertThat(fx(() -> window.menu().themeItem(Theme.DARK).isSelected())).isTrue();
    }

    @Test
    void dialogsAreOwnedByTheWindowAndSpeakItsLanguage(FxRobot robot) throws Exception {
        java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> answer.complete(
                window.services().dialogs().confirm("Delete", "Delete this client?")));
        waitUntil(() -> robot.lookup(".crm-dialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".crm-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(fx(() -> List.copyOf(pane.getStylesheets()))).anyMatch(css -> css.endsWith("light.css"));
        javafx.stage.Window owner = fx(() -> ((Stage) pane.getScene().getWindow()).getOwner());
        assertThat(owner == stage).as("owned by the main window").isTrue();
        robot.clickOn(robot.lookup(".crm-dialog .button").match(
                (javafx.scene.control.Button b) -> "Yes".equals(b.getText())).<javafx.scene.Node>query());
        assertThat(answer.get(30, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * Starts a long job in the status bar that first reports {@code done} of 4 steps, and waits until the bar shows
     * it; the future gets the job's result or its failure.
     */
    private java.util.concurrent.CompletableFuture<Object> longJob(FxRobot robot, String title, long done,
            org.deskcrm.ui.common.BackgroundWork<Object> work) throws Exception {
        java.util.concurrent.CompletableFuture<Object> outcome = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> window.statusBar().run(title, progress -> {
            progress.update("no.such.key", done, 4);
            return work.call(progress);
        }, outcome::complete, outcome::complete));
        waitUntil(() -> robot.lookup("#progressBar").queryAs(javafx.scene.control.ProgressBar.class).getProgress()
                == done / 4.0);
        return outcome;
    }

    @Test
    void aLongJobShowsProgressInTheStatusBarAndCanBeCancelled(FxRobot robot) throws Exception {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        var outcome = longJob(robot, "Export", 1, progress -> {
            while (!progress.isCancelled()) {
                Thread.sleep(20);
            }
            stopped.countDown();
            throw new java.util.concurrent.CancellationException("stopped at its check");
        });
        assertThat(fx(() -> robot.lookup("#progressLabel").queryAs(javafx.scene.control.Label.class).getText()))
                .isEqualTo("Export");
        robot.clickOn("#progressCancel");
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(fx(() -> robot.lookup("#progressBar").query().getParent().isVisible())).isFalse();
        assertThat(fx(() -> window.statusBar().messageText())).isEqualTo("Cancelled: Export");
    }

    @Test
    void aJobThatFinishesWhileItIsBeingCancelledIsReportedDoneNotCancelled(FxRobot robot) throws Exception {
        // a backup or restore past its last check commits whatever Cancel says: the bar waits for the real outcome
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var outcome = longJob(robot, "Restore", 3, progress -> {
            release.await(30, TimeUnit.SECONDS);
            return "restored";
        });
        robot.clickOn("#progressCancel");
        assertThat(fx(() -> window.statusBar().messageText())).isEqualTo("Cancelling: Restore");
        assertThat(fx(() -> robot.lookup("#progressCancel").query().isDisabled())).isTrue();
        assertThat(outcome.isDone()).as("no outcome before the job has stopped").isFalse();
        release.countDown();
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo("restored");
        waitUntil(() -> !fx(() -> robot.lookup("#progressBar").query().getParent().isVisible()));
        assertThat(fx(() -> window.statusBar().messageText())).isNotEqualTo("Cancelled: Restore");
    }

    @Test
    void anEmptyDatabaseOffersDemoDataOnFirstStart(FxRobot robot) throws Exception {
        robot.interact(window::start);
        waitUntil(() -> window.tabs().keys().contains(MainWindow.WELCOME_TAB));
        assertThat(robot.lookup("#generateDemo").tryQuery()).isPresent();
        robot.clickOn("#generateDemo");
        waitUntil(() -> !window.tabs().keys().contains(MainWindow.WELCOME_TAB));
        assertThat(selected()).contains("nav:clients");
        assertThat(fx(() -> window.statusBar().messageText())).startsWith("Demo data is ready");
        // the generator created the reference data (pipelines, the admin) at least
        assertThat(ctx.pipelines().count()).isPositive();
    }

    @Test
    void startEmptyClosesTheWelcomeTab(FxRobot robot) throws Exception {
        robot.interact(window::start);
        waitUntil(() -> window.tabs().keys().contains(MainWindow.WELCOME_TAB));
        robot.clickOn("#startEmpty");
        assertThat(keys()).containsExactly("nav:clients");
    }

    @Test
    void aDatabaseWithClientsOpensTheHomeDashboardInstead(FxRobot robot) throws Exception {
        ctx.clients().save(new ClientCard(Client.draft(ClientKind.PERSON, "Иванов Иван"), List.of(), List.of()), null);
        robot.interact(window::start);
        waitUntil(() -> window.tabs().keys().contains("nav:home"));
        assertThat(keys()).doesNotContain(MainWindow.WELCOME_TAB);
    }
}
