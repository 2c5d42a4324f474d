package org.deskcrm;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.search.SearchHit;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.shell.GlobalSearchViewModel;
import org.deskcrm.ui.shell.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first session with the application as launched ({@link DeskCrmApp} with its real start and
 * stop), on the embedded file database in a fresh data folder: the welcome screen, demo data, finding a
 * client by a phone typed differently from how it is stored, editing the card, choosing the dark theme,
 * quitting, and finding the edit (and the theme) again after starting the application once more.
 *
 * <p>JavaFX launches an {@code Application} only once per JVM, so both runs go through
 * {@link FxToolkit#setupApplication}: it constructs a new {@code DeskCrmApp} and calls its {@code init} and
 * {@code start} on the FX thread with the primary stage, as the launcher does; {@link FxToolkit#cleanupApplication}
 * calls {@code stop} on the FX thread, as the launcher does after the last window closed.
 */
class NewcomerJourneyTest {
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final String ADMIN_PASSWORD = "first-start-secret";
    private static final String NEW_ADDRESS = "614000, г. Пермь, ул. Ленина, д. 10, офис 42";

    private final FxRobot robot = new FxRobot();
    private final String prefsNode = "org/deskcrm/test/" + UUID.randomUUID();
    private final I18n ru = new I18n(RU);
    private Locale defaultLocale;
    private DeskCrmApp app;

    @TempDir
    Path home;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void isolate() {
        defaultLocale = Locale.getDefault();
        System.setProperty("deskcrm.prefsNode", prefsNode);
        System.setProperty("deskcrm.home", home.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        quit();
        System.clearProperty("deskcrm.prefsNode");
        System.clearProperty("deskcrm.home");
        Preferences.userRoot().node(prefsNode).removeNode();
        Locale.setDefault(defaultLocale); // --lang ru made Russian the JVM's default
    }

    @Test
    void demoDataFindByPhoneEditQuitAndFindTheEditAfterARestart() throws Exception {
        long started = System.nanoTime();
        // ---- first start on an empty data folder: the administrator's password, then the welcome screen
        launch();
        signIn(null, ADMIN_PASSWORD);
        waitUntil(60, () -> robot.lookup("#welcome").tryQuery().isPresent());
        assertThat(robot.lookup("#databaseLabel").queryAs(Label.class).getText())
                .isEqualTo(ru.get("shell.status.database.embedded"));
        double welcome = seconds(started);
        robot.clickOn("#generateDemo");
        waitUntil(120, () -> clientListRows() > 0);
        double demo = seconds(started);
        assertThat(robot.lookup("#welcome").tryQuery()).isEmpty();
        assertThat(Files.exists(home.resolve("deskcrm.mv.db"))).as("the embedded database file").isTrue();
        AppContext ctx = fx(app::context);

        // ---- find a client by its phone typed the way a person would, differently from the card
        Target target = clientWithAPhone(ctx);
        openBySearch(target);
        TextField address = inSelectedTab("#client-address");
        String before = fx(address::getText);
        assertThat(before).isNotEqualTo(NEW_ADDRESS);

        // ---- edit the address and save with Ctrl+S
        robot.clickOn(address);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(NEW_ADDRESS);
        assertThat(selectedTabTitle()).endsWith(" *");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(15, () -> NEW_ADDRESS.equals(ctx.clients().load(target.id()).client().address())
                && !selectedTabTitle().endsWith("*"));
        assertThat(ctx.audit().forRecord("client", target.id(), 50))
                .anyMatch(e -> "address".equals(e.field()) && NEW_ADDRESS.equals(e.newValue()));

        // ---- the dark theme from the View menu
        assertThat(stylesheets()).anyMatch(s -> s.endsWith("/light.css"));
        robot.clickOn(robot.lookup("#menu-view").match((Node n) -> n.getScene() != null).<Node>query());
        robot.clickOn(menuItem(ru.get(Theme.DARK.titleKey())));
        assertThat(stylesheets()).anyMatch(s -> s.endsWith("/shell.css")).anyMatch(s -> s.endsWith("/dark.css"))
                .noneMatch(s -> s.endsWith("/light.css"));

        double edited = seconds(started);
        // ---- quit: the window closes, Application.stop closes the database
        quit();
        assertThat(openSessionsAfterOpeningTheFileAgain()).as("sessions: only ours, the app let the file go")
                .isEqualTo(1);

        // ---- start again on the same file: the client list, the theme, and the edit are all there
        double quit = seconds(started);
        launch();
        signIn("admin", ADMIN_PASSWORD);
        // the window opens on the home dashboard; the client list is one click away
        waitUntil(60, () -> robot.lookup("#nav-clients").tryQuery().isPresent());
        robot.clickOn("#nav-clients");
        waitUntil(60, () -> clientListRows() > 0);
        double restarted = seconds(started);
        assertThat(robot.lookup("#welcome").tryQuery()).isEmpty();
        assertThat(stylesheets()).anyMatch(s -> s.endsWith("/dark.css")).noneMatch(s -> s.endsWith("/light.css"));
        openBySearch(target);
        TextField reopened = inSelectedTab("#client-address");
        String after = fx(reopened::getText);
        assertThat(after).isEqualTo(NEW_ADDRESS);
        // the timeline, narrowed to changes, shows who changed the address to what
        robot.clickOn((Node) inSelectedTab("#client-timeline-filter"));
        String changes = ru.get("client.timeline.kind.edit");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((ListCell<?> c)
                -> changes.equals(c.getText())).<Node>query());
        String headline = ru.format("client.timeline.edit", ru.get("client.field.address"));
        waitUntil(15, () -> robot.from(selectedContent()).lookup(".tl-headline").queryAllAs(Label.class).stream()
                .anyMatch(l -> headline.equals(l.getText())
                        && l.getParent().getParent().lookupAll(".tl-detail").stream()
                        .anyMatch(d -> ((Label) d).getText().contains(NEW_ADDRESS))));
        List<AuditEvent> audit = fx(app::context).audit().forRecord("client", target.id(), 50);
        assertThat(audit).anyMatch(e -> "address".equals(e.field()) && NEW_ADDRESS.equals(e.newValue()));
        System.out.printf(Locale.ROOT, "newcomer journey: %d clients, phone %s typed as %s; welcome %.1f s, "
                        + "demo data listed %.1f s, edited and saved %.1f s, quit %.1f s, client list again %.1f s, "
                        + "edit found %.1f s%n", fx(app::context).clients().count(ClientFilter.ALL.withArchived(true)),
                target.stored(), target.typed(), welcome, demo, edited, quit, restarted, seconds(started));
    }

    // ------------------------------------------------------------------ the application

    private void launch() throws Exception {
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", "ru");
    }

    /**
     * The sign-in window: with {@code login} null it is the first start, which asks for the administrator's
     * new password twice; else the login and password.
     */
    private void signIn(String login, String password) throws Exception {
        waitUntil(60, () -> robot.lookup("#signInButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents(); // let the sign-in window finish its first layout
        if (login != null) {
            robot.clickOn("#signInLogin").write(login);
        }
        robot.clickOn("#signInPassword").write(password);
        if (login == null) {
            robot.clickOn("#signInRepeat").write(password);
        }
        robot.clickOn("#signInButton");
        waitUntil(60, () -> robot.lookup("#mainWindow").tryQuery().isPresent());
    }

    /** As when the user closes the window: the windows go, then JavaFX calls {@code Application.stop}. */
    private void quit() throws Exception {
        if (app != null) {
            FxToolkit.cleanupStages();
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    /** Opens the data folder's database file directly and counts its sessions (ours alone once the app let go). */
    private int openSessionsAfterOpeningTheFileAgain() throws Exception {
        String url = DatabaseConfig.embedded(home).effectiveUrl() + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from information_schema.sessions")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    // ------------------------------------------------------------------ the journey's steps

    /** A client, one of its own phones as stored, and the same number as the user types it. */
    private record Target(long id, String name, String stored, String typed) {
    }

    /** Types the phone into the global search, presses Enter, and waits for the client's card. */
    private void openBySearch(Target target) throws Exception {
        robot.clickOn("#globalSearch").write(target.typed());
        robot.push(KeyCode.ENTER);
        waitUntil(15, () -> selectedTabKey().equals(Optional.of("client:" + target.id()))
                && robot.from(selectedContent()).lookup("#client-name").tryQuery()
                .map(n -> target.name().equals(((TextField) n).getText())).orElse(false));
        String left = fx(() -> robot.lookup("#globalSearch").queryAs(TextField.class).getText());
        assertThat(left).as("the search field is cleared").isEmpty();
    }

    /**
     * The first demo client with a phone of its own for which the typed-differently number finds that client
     * alone as the first hit (so Enter has one right answer); Russian numbers first, the demo company's home.
     */
    private static Target clientWithAPhone(AppContext ctx) {
        List<ClientRow> rows = ctx.clients().page(ClientFilter.ALL, null, 300).rows();
        for (boolean russian : new boolean[]{true, false}) {
            for (ClientRow row : rows) {
                ClientCard card = ctx.clients().load(row.id());
                for (Channel ch : card.channels()) {
                    if (ch.kind() != ChannelKind.PHONE || ch.contactId() != null || ch.normalized() == null
                            || ch.normalized().startsWith("+7") != russian) {
                        continue;
                    }
                    String typed = typedDifferently(ch.raw(), ch.normalized());
                    List<SearchHit> hits = ctx.globalSearch().search(typed, GlobalSearchViewModel.LIMIT);
                    boolean alone = hits.stream().filter(h -> h.kind() == SearchHit.Kind.CLIENT).count() == 1;
                    if (alone && hits.get(0).kind() == SearchHit.Kind.CLIENT && hits.get(0).clientId() == row.id()) {
                        assertThat(typed).isNotEqualTo(ch.raw());
                        return new Target(row.id(), card.client().name(), ch.raw(), typed);
                    }
                }
            }
        }
        throw new AssertionError("no demo client has a phone the search finds it by, among " + rows.size());
    }

    /** A Russian number the other common way (8 (912) 345 67 89 or +7 912 345-67-89); others digit by digit. */
    static String typedDifferently(String raw, String normalized) {
        if (normalized.matches("\\+7\\d{10}")) {
            String d = normalized.substring(2);
            String eight = "8 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + " " + d.substring(6, 8) + " "
                    + d.substring(8);
            return !eight.equals(raw) ? eight
                    : "+7 " + d.substring(0, 3) + " " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
        }
        String digits = normalized.replaceAll("\\D", "");
        String grouped = "+" + digits.replaceAll("(\\d{3})(?=\\d)", "$1 ");
        return !grouped.equals(raw) ? grouped : "+" + digits;
    }

    // ------------------------------------------------------------------ reading the window

    private int clientListRows() {
        return fx(() -> robot.lookup("#client-list-table").tryQueryAs(TableView.class)
                .map(t -> t.getItems().size()).orElse(0));
    }

    private TabPane tabs() {
        return robot.lookup("#workspaceTabs").queryAs(TabPane.class);
    }

    private Optional<String> selectedTabKey() {
        return fx(() -> Optional.ofNullable(tabs().getSelectionModel().getSelectedItem())
                .map(t -> (String) t.getUserData()));
    }

    private String selectedTabTitle() {
        return fx(() -> tabs().getSelectionModel().getSelectedItem().getText());
    }

    private Node selectedContent() {
        return fx(() -> Optional.ofNullable(tabs().getSelectionModel().getSelectedItem()).map(Tab::getContent)
                .orElse(null));
    }

    private <T extends Node> T inSelectedTab(String query) {
        return robot.from(selectedContent()).lookup(query).query();
    }

    private List<String> stylesheets() {
        return fx(() -> {
            Scene scene = tabs().getScene();
            return List.copyOf(scene.getStylesheets());
        });
    }

    /** A shown menu item by its text (menu items are not nodes; their containers in the popup are). */
    private Node menuItem(String text) {
        return robot.lookup(".menu-item").match((Node n) -> n.getScene() != null && n.isVisible()
                && n.lookupAll(".label").stream().anyMatch(l -> l instanceof Label label
                && text.equals(label.getText()))).query();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
