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
 */
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
            save(ctx, "Anna's Bakery", anna);
            save(ctx, "Boris Timber", boris);
            save(ctx, "Boris Glass", boris);
        }
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
        waitUntil(() -> clientNames().equals(List.of("Anna's Bakery")));

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

    private void signIn(String login, String password) throws Exception {
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signInLogin").write(login);
        robot.clickOn("#signInPassword").write(password);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#mainWindow").tryQuery().isPresent());
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
