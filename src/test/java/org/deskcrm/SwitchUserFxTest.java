package org.deskcrm;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account → Sign out, then sign in as someone else, in the application as launched: a window of the
 * application is showing at every moment (JavaFX ends the application when its last window is hidden),
 * and the main window then shows the new user's name and the new user's clients.
 * <p>Runs in a JVM of its own (tag {@code own-jvm}, a second surefire execution): after the other window
 * tests of the full suite it once waited forever; the timeout turns any wait into a failure with a thread dump.
 */
@org.junit.jupiter.api.Tag("own-jvm")
@org.junit.jupiter.api.Timeout(value = 240, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class SwitchUserFxTest {
    private final FxRobot robot = new FxRobot();
    private final String prefsNode = "org/deskcrm/test/" + UUID.randomUUID();
    private Locale defaultLocale;
    private DeskCrmApp app;
    private Window toolkitStage;

    @org.junit.jupiter.api.io.TempDir
    Path home;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void seed() throws Exception {
        toolkitStage = FxToolkit.toolkitContext().getRegisteredStage();
        defaultLocale = Locale.getDefault();
        System.setProperty("deskcrm.prefsNode", prefsNode);
        System.setProperty("deskcrm.home", home.toString());
        try (AppContext ctx = AppContext.open(DatabaseConfig.embedded(home))) {
            ctx.ensureReferenceData(Locale.ENGLISH);
            ctx.auth().createAdminPassword("admin-secret".toCharArray(), "admin-secret".toCharArray());
            long team = ctx.userAdmin().createTeam("North", null);
            long anna = ctx.userAdmin().create(User.draft("anna", "Anna Petrova", Role.MANAGER, team),
                    "anna-secret".toCharArray(), "anna-secret".toCharArray());
            long boris = ctx.userAdmin().create(User.draft("boris", "Boris Ivanov", Role.MANAGER, team),
                    "boris-secret".toCharArray(), "boris-secret".toCharArray());
            ctx.businessRegion().change("US");
            saveWithPhone(ctx, "Lakeside Dental", anna, "+1 312 311-2424");
            save(ctx, "Anna's Bakery", anna);
            save(ctx, "Boris Timber", boris);
            save(ctx, "Boris Glass", boris);
        }
    }

    private static void saveWithPhone(AppContext ctx, String name, long owner, String phone) {
        ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, name).withOwner(owner), List.of(),
                List.of(org.deskcrm.model.client.Channel.ofClient(org.deskcrm.model.client.ChannelKind.PHONE, phone))),
                owner);
    }

    private static void save(AppContext ctx, String name, long owner) {
        ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, name).withOwner(owner), List.of(),
                List.of()), owner);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupStages();
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("deskcrm.prefsNode");
        System.clearProperty("deskcrm.home");
        Preferences.userRoot().node(prefsNode).removeNode();
        Locale.setDefault(defaultLocale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void signingOutShowsTheSignInWindowAndTheNextUserSeesOwnData(String lang) throws Exception {
        I18n i18n = new I18n(Locale.forLanguageTag(lang));
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", lang);
        signIn("anna", "anna-secret");
        assertThat(userLabel()).isEqualTo(i18n.format("user.status.signedIn", "Anna Petrova"));
        waitUntil(() -> clientNames().equals(List.of("Anna's Bakery", "Lakeside Dental")));

        for (String[] next : List.of(new String[]{"admin", "admin-secret"}, new String[]{"boris", "boris-secret"})) {
            AtomicInteger fewestShowing = new AtomicInteger(Integer.MAX_VALUE);
            ListChangeListener<Window> watch = c -> fewestShowing.accumulateAndGet(appWindowsShowing(), Math::min);
            robot.interact(() -> Window.getWindows().addListener(watch));
            MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
            MenuItem signOut = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "signOutItem".equals(i.getId())).findFirst().orElseThrow();
            robot.interact(signOut::fire);
            waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent()
                    && robot.lookup("#mainWindow").tryQuery().isEmpty());
            robot.interact(() -> Window.getWindows().removeListener(watch));
            assertThat(fewestShowing.get()).as("windows of the application showing while signing out")
                    .isGreaterThanOrEqualTo(1);
            robot.interact(() -> robot.lookup("#signInLogin").queryAs(javafx.scene.control.TextField.class).clear());
            signIn(next[0], next[1]);
        }
        assertThat(userLabel()).isEqualTo(i18n.format("user.status.signedIn", "Boris Ivanov"));
        waitUntil(() -> clientNames().equals(List.of("Boris Glass", "Boris Timber")));
    }

    /**
     * The search field of the window: the last digits as a caller ID shows them open the card; Enter on a
     * number nobody has offers a new client with it, which opens as a card with that phone.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"en,anna,anna-secret", "ru,admin,admin-secret"})
    void aPhoneIsFoundByItsLastDigitsAndAnUnknownOneBecomesANewClient(String lang, String login, String password)
            throws Exception {
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", lang);
        signIn(login, password);
        AppContext ctx = app.context();
        long lakeside = ctx.clients().search("Lakeside", 5).get(0).id();
        for (String typed : List.of("311-2424", "312.311.24.24")) {
            robot.clickOn("#globalSearch").write(typed);
            robot.push(javafx.scene.input.KeyCode.ENTER);
            try {
                waitUntil(() -> "client:".concat(Long.toString(lakeside)).equals(selectedTabKey()));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("searching " + typed + " (region " + ctx.phones().defaultRegion()
                        + ", service finds " + ctx.clients().search(typed, 8).stream().map(r -> r.name()).toList()
                        + "): field \"" + robot.lookup("#globalSearch").queryAs(javafx.scene.control.TextField.class)
                        .getText() + "\", selected tab " + selectedTabKey(), e);
            }
            robot.interact(() -> tabs().getSelectionModel().select(0)); // back to the client list
        }

        robot.clickOn("#globalSearch").write("(206) 555-0142");
        waitUntil(() -> robot.lookup(".text-input-dialog").tryQuery().isPresent() || pushedEnterFindsNothing());
        waitUntil(() -> robot.lookup(".text-input-dialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup(".text-input-dialog .text-field").queryAs(javafx.scene.control.TextField.class)
                .setText("Seattle Roasters"));
        robot.interact(() -> {
            javafx.scene.control.DialogPane pane = robot.lookup(".text-input-dialog")
                    .queryAs(javafx.scene.control.DialogPane.class);
            javafx.scene.control.ButtonType ok = pane.getButtonTypes().stream()
                    .filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                    .findFirst().orElseThrow();
            ((javafx.scene.control.Button) pane.lookupButton(ok)).fire();
        });
        waitUntil(() -> ctx.clients().search("Seattle", 5).size() == 1);
        long created = ctx.clients().search("Seattle", 5).get(0).id();
        waitUntil(() -> ("client:" + created).equals(selectedTabKey()));
        assertThat(ctx.clients().load(created).channels()).extracting(c -> c.normalized())
                .containsExactly("+12065550142");
        assertThat(ctx.clients().load(created).client().ownerId()).isEqualTo(ctx.session().userId());
    }

    private boolean enterPushed;

    /** Presses Enter once the search has answered (nothing found), so that Enter acts on the answer. */
    private boolean pushedEnterFindsNothing() {
        if (!enterPushed && robot.lookup("#globalSearch").tryQuery().isPresent()) {
            WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
            robot.push(javafx.scene.input.KeyCode.ENTER);
            enterPushed = true;
        }
        return false;
    }

    private javafx.scene.control.TabPane tabs() {
        return robot.lookup("#workspaceTabs").queryAs(javafx.scene.control.TabPane.class);
    }

    private String selectedTabKey() {
        javafx.scene.control.Tab t = tabs().getSelectionModel().getSelectedItem();
        return t == null ? null : (String) t.getUserData();
    }

    private void signIn(String login, String password) throws Exception {
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signInLogin").write(login);
        robot.clickOn("#signInPassword").write(password);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#mainWindow").tryQuery().isPresent());
        // the window opens on the home dashboard; these checks read the client list
        waitUntil(() -> robot.lookup("#nav-clients").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("#nav-clients");
    }

    private int appWindowsShowing() {
        return (int) Window.getWindows().stream().filter(w -> w != toolkitStage && w.isShowing()).count();
    }

    private String userLabel() {
        return robot.lookup("#userLabel").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private List<String> clientNames() {
        return robot.lookup("#client-list-table").tryQueryAs(TableView.class)
                .map(t -> ((TableView<org.deskcrm.model.client.ClientListItem>) t).getItems().stream()
                        .map(i -> i.row().name()).sorted().toList())
                .orElse(List.of());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
