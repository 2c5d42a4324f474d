package org.deskcrm;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.shell.MainWindow;
import org.deskcrm.ui.shell.NavItem;
import org.deskcrm.ui.shell.ShellPreferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main window as built for a signed-in person, at the size of the screen (1280×800), on the demo company,
 * in English and Russian, as the administrator and as a manager: every section and every report shows no raw
 * message key or "{0}"; every column header and every cell of the call and control lists is shown whole or
 * gives its whole text as a tooltip when the mouse is over it; a pile of tabs is reachable from the overflow
 * menu and closes from a tab's menu; a manager is offered no Settings and no choice among managers, and the
 * Control section tells him what it is for.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSectionsFxTest {
    static final Instant NOW = Instant.parse("2026-11-20T10:59:00Z");
    static AppContext ctx;
    static User admin;
    static User manager;
    static final WindowTexts TEXTS = new WindowTexts();

    private final Preferences prefs = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
    private Stage stage;
    private MainWindow window;
    private I18n i18n;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void demoCompany() {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.demoData().generate(DemoSize.SMALL, Locale.ENGLISH, 7, Progress.NONE);
        admin = ctx.users().findAll().stream().filter(u -> u.role() == Role.ADMIN).findFirst().orElseThrow();
        manager = ctx.users().findAll().stream().filter(u -> u.role() == Role.MANAGER && u.teamId() != null)
                .min(Comparator.comparing(User::id)).orElseThrow();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void signOut() throws Exception {
        ctx.session().signOut();
        prefs.removeNode();
    }

    private void show(FxRobot robot, String lang, User who) {
        i18n = new I18n(Locale.forLanguageTag(lang));
        robot.interact(() -> {
            ctx.session().signIn(who);
            FeatureScreens features = new FeatureScreens(() -> ctx.session().userId(), uri -> { });
            window = new MainWindow(ctx, ctx.globalSearch()::search, features.screens(), new SameThreadExecutor(),
                    i18n, new ShellPreferences(prefs), null);
            stage.setScene(window.createScene(1280, 800));
            stage.show();
        });
    }

    private static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    private Node selectedContent() {
        return fx(() -> window.tabs().node().getSelectionModel().getSelectedItem().getContent());
    }

    private void open(FxRobot robot, NavItem item) {
        robot.clickOn("#nav-" + item.code());
        settle();
    }

    /** Lets debounced loads (reports wait a moment after a filter change) finish. */
    private static void settle() {
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Collects raw keys and "{0}" among everything the window shows now. */
    private void checkTexts(String where) {
        List<String> raw = fx(() -> TEXTS.rawKeys(WindowTexts.visibleTexts(stage.getScene().getRoot())));
        raw.forEach(t -> problems.add(where + ": raw key or placeholder: " + t));
    }

    /**
     * Every column header of the selected tab is shown whole, or once the mouse is over it, has a tooltip
     * with the whole text; the same for the cells when {@code cells} is set.
     */
    private void checkCut(FxRobot robot, String where, boolean cells) {
        Node content = selectedContent();
        List<Labeled> labels = fx(() -> {
            List<Labeled> out = new ArrayList<>();
            for (Node table : content.lookupAll(".table-view")) {
                if (!WindowTexts.showing(table)) {
                    continue;
                }
                for (Node header : table.lookupAll(".column-header")) {
                    header.lookupAll(".label").stream().filter(n -> n instanceof Label l && l.getParent() == header)
                            .map(n -> (Labeled) n).filter(l -> WindowTexts.showing(l) && WindowTexts.centreInside(l, table))
                            .forEach(out::add);
                }
                if (cells) {
                    table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                            .filter(c -> c.getItem() != null && WindowTexts.showing(c) && WindowTexts.centreInside(c, table))
                            .forEach(out::add);
                }
            }
            return out;
        });
        for (Labeled l : labels) {
            String full = fx(l::getText);
            if (!fx(() -> WindowTexts.cut(l))) {
                continue;
            }
            System.out.println("cut in " + where + ": " + full);
            robot.moveTo(l, Motion.DIRECT);
            WaitForAsyncUtils.waitForFxEvents();
            String tip = fx(() -> l.getTooltip() == null ? null : l.getTooltip().getText());
            if (!full.equals(tip)) {
                problems.add(where + ": cut without its whole text as a tooltip: \"" + full + "\" shown as \""
                        + fx(() -> WindowTexts.drawn(l)) + "\"");
            }
        }
    }

    private void assertNoProblems() {
        assertThat(problems).as("what the window shows").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void asTheAdministratorEverySectionAndReportReadsWholeAndTabsOverflowToAMenu(String lang, FxRobot robot) {
        show(robot, lang, admin);
        assertThat(robot.lookup("#nav-settings").tryQuery()).isPresent();
        for (NavItem item : NavItem.values()) {
            open(robot, item);
            checkTexts(item.code());
            checkCut(robot, item.code(), item == NavItem.CALLS);
        }
        open(robot, NavItem.CLIENTS); // the administrator chooses among managers
        assertThat(WindowTexts.showing(robot.from(selectedContent()).lookup("#client-filter-owner").query())).isTrue();
        // every report, each in its own tab
        open(robot, NavItem.REPORTS);
        ListView<?> catalog = robot.lookup("#reportCatalog").queryAs(ListView.class);
        int reports = fx(() -> catalog.getItems().size());
        for (int i = 0; i < reports; i++) {
            int index = i;
            open(robot, NavItem.REPORTS);
            robot.interact(() -> {
                catalog.getSelectionModel().select(index);
                catalog.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            });
            settle();
            String title = fx(() -> window.tabs().node().getSelectionModel().getSelectedItem().getText());
            checkTexts("report " + title);
            checkCut(robot, "report " + title, false);
        }
        assertNoProblems();

        // the tabs no longer fit: the overflow menu lists every one and selects the first
        TabPane tabs = window.tabs().node();
        int open = fx(() -> tabs.getTabs().size());
        assertThat(open).isGreaterThanOrEqualTo(15);
        String first = fx(() -> tabs.getTabs().get(0).getText());
        robot.clickOn(robot.lookup(".tab-down-button").match(WindowTexts::showing).<Node>query());
        List<String> listed = fx(() -> robot.lookup(".context-menu .menu-item").match(WindowTexts::showing)
                .queryAll().stream().map(n -> ((Labeled) n.lookup(".label")).getText()).toList());
        assertThat(listed).hasSize(open).contains(first);
        robot.clickOn(robot.lookup(".context-menu .menu-item").match((Node n) -> WindowTexts.showing(n)
                && first.equals(((Labeled) n.lookup(".label")).getText())).<Node>query());
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedIndex())).isZero();

        // a tab's own menu closes the others, then all
        Tab firstTab = fx(() -> tabs.getTabs().get(0));
        assertThat(fx(() -> firstTab.getContextMenu().getItems().stream().map(MenuItem::getText).toList()))
                .containsExactly(i18n.get("shell.tab.close"), i18n.get("shell.tab.closeOthers"), i18n.get("shell.tab.closeAll"));
        robot.interact(() -> firstTab.getContextMenu().getItems().get(1).fire());
        assertThat(fx(() -> tabs.getTabs().stream().map(Tab::getText).toList())).containsExactly(first);
        robot.interact(() -> firstTab.getContextMenu().getItems().get(2).fire());
        assertThat(fx(() -> tabs.getTabs().size())).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void theFirstStartScreenShowsItsTitleAndTextWhole(String lang, FxRobot robot) {
        try (AppContext empty = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            i18n = new I18n(Locale.forLanguageTag(lang));
            robot.interact(() -> {
                window = new MainWindow(empty, empty.globalSearch()::search, new FeatureScreens(() -> null, uri -> { })
                        .screens(), new SameThreadExecutor(), i18n, new ShellPreferences(prefs), null);
                stage.setScene(window.createScene(1280, 800));
                stage.show();
                window.showWelcome();
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<Labeled> texts = robot.lookup(".empty-state .label").queryAllAs(Labeled.class).stream().toList();
            assertThat(texts).extracting(Labeled::getText)
                    .contains(i18n.get("shell.welcome.title"), i18n.get("shell.welcome.text"));
            for (Labeled l : texts) {
                assertThat(fx(() -> WindowTexts.cut(l))).as(l.getText()).isFalse();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theKeyCheckFindsKeysAndPlaceholdersButNotAddressesOrNames() {
        assertThat(TEXTS.rawKeys(List.of("lifecycle.churned: 3", "Revenue: 1,250", "abc.A: 5", "Moved {0}",
                "anna.petrova@example.com", "romashka.ru", "www.example.com", "3.5 h", "Dr. Smith")))
                .containsExactly("lifecycle.churned: 3", "abc.A: 5", "Moved {0}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void aManagerSeesOnlyWhatHeCanUseAndTheControlSectionSaysWhatItIsFor(String lang, FxRobot robot) {
        show(robot, lang, manager);
        // no Settings (nothing there is his), neither in the sidebar nor in the Go menu nor by its shortcut
        assertThat(robot.lookup("#nav-settings").tryQuery()).isEmpty();
        assertThat(fx(() -> menuTexts(robot))).doesNotContain(i18n.get("shell.nav.settings"));
        robot.interact(() -> window.openSection(NavItem.SETTINGS));
        assertThat(fx(() -> window.tabs().keys())).doesNotContain(NavItem.SETTINGS.tabKey());

        for (NavItem item : NavItem.values()) {
            if (window.shows(item)) {
                open(robot, item);
                checkTexts(item.code());
                checkCut(robot, item.code(), item == NavItem.CALLS);
            }
        }
        // no choice among managers: he sees only himself
        open(robot, NavItem.CLIENTS);
        assertThat(WindowTexts.showing(robot.lookup("#client-filter-owner").query())).isFalse();
        open(robot, NavItem.DEALS);
        assertThat(WindowTexts.showing(robot.lookup("#deal-filter-owner").query())).isFalse();
        open(robot, NavItem.REPORTS);
        ListView<?> catalog = robot.lookup("#reportCatalog").queryAs(ListView.class);
        robot.interact(() -> {
            catalog.getSelectionModel().select(0);
            catalog.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        settle();
        assertThat(WindowTexts.showing(robot.from(selectedContent()).lookup("#reportManager").query())).isFalse();

        // the Control section says what it is for; its lists read whole, waits in days past 48 hours
        open(robot, NavItem.CONTROL);
        assertThat(robot.lookup("#controlHint").queryLabeled().getText()).isEqualTo(i18n.get("control.dashboard.hint.own"));
        List<Node> tiles = robot.lookup(".button").match((Node n) -> n.getId() != null && n.getId().startsWith("tile-"))
                .queryAll().stream().toList();
        assertThat(tiles).hasSize(7);
        List<Node> withRecords = tiles.stream().filter(t -> !((Labeled) t.lookup(".label")).getText().equals("0")).toList();
        if (withRecords.isEmpty()) {
            assertThat(robot.lookup("#controlSummary").queryLabeled().getText())
                    .isEqualTo(i18n.get("control.dashboard.nothing.own"));
        }
        for (Node tile : withRecords) {
            String id = tile.getId();
            open(robot, NavItem.CONTROL);
            robot.clickOn("#" + id);
            settle();
            TableView<?> list = robot.from(selectedContent()).lookup("#controlList").queryAs(TableView.class);
            assertThat(list.getItems()).isNotEmpty();
            checkCut(robot, "control " + id, true);
            checkTexts("control " + id);
            for (String text : WindowTexts.visibleTexts(list)) {
                Matcher hours = Pattern.compile("(\\d[\\d,  ]*)\\s*(h|ч)\\b").matcher(text);
                while (hours.find()) {
                    assertThat(Long.parseLong(hours.group(1).replaceAll("\\D", ""))).as(text).isLessThanOrEqualTo(48);
                }
            }
        }
        assertNoProblems();
    }

    private List<String> menuTexts(FxRobot robot) {
        List<String> out = new ArrayList<>();
        for (javafx.scene.control.Menu m : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
            for (MenuItem i : m.getItems()) {
                out.add(i.getText());
            }
        }
        return out;
    }
}
