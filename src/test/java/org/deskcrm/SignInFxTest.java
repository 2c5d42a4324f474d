package org.deskcrm;

import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in window of the application as launched, on a data folder where an administrator and a
 * manager already have passwords: a wrong password is refused with the localized sentence, the right one
 * opens the main window with the user's name in the status bar; both attempts are in the event feed;
 * signing out brings the sign-in window back.
 */
class SignInFxTest {
    private static final Locale RU = Locale.forLanguageTag("ru");
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
    void seed() {
        defaultLocale = Locale.getDefault();
        System.setProperty("deskcrm.prefsNode", prefsNode);
        System.setProperty("deskcrm.home", home.toString());
        try (AppContext ctx = AppContext.open(DatabaseConfig.embedded(home))) {
            ctx.ensureReferenceData(RU);
            ctx.auth().createAdminPassword("admin-secret".toCharArray(), "admin-secret".toCharArray());
            long team = ctx.userAdmin().createTeam("Север", null);
            ctx.userAdmin().create(User.draft("anna", "Анна Петрова", Role.MANAGER, team), "anna-secret".toCharArray(),
                    "anna-secret".toCharArray());
        }
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

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheWindowForThatUser() throws Exception {
        Instant started = Instant.now();
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", "ru");
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        assertThat(robot.lookup("#signInRepeat").tryQuery()).as("not a first start").isEmpty();
        WaitForAsyncUtils.waitForFxEvents(); // let the sign-in window finish its first layout
        assertThat(robot.lookup("#mainWindow").tryQuery()).isEmpty();

        robot.clickOn("#signInLogin").write("anna");
        robot.clickOn("#signInPassword").write("not-her-password");
        robot.clickOn("#signInButton");
        waitUntil(() -> !robot.lookup("#signInError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText())
                .isEqualTo(ru.get("auth.error.invalid")).isEqualTo("Неверный логин или пароль.");
        assertThat(robot.lookup("#mainWindow").tryQuery()).isEmpty();

        robot.clickOn("#signInPassword").write("anna-secret");
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#mainWindow").tryQuery().isPresent());
        assertThat(robot.lookup("#userLabel").queryAs(Label.class).getText())
                .isEqualTo(ru.format("user.status.signedIn", "Анна Петрова"));
        AppContext ctx = app.context();
        assertThat(ctx.session().user().map(User::login)).contains("anna");
        List<AuditEvent> feed = ctx.audit().between(started, Instant.now().plusSeconds(5), 50);
        assertThat(feed).filteredOn(e -> e.action() == AuditAction.SIGN_IN).extracting(AuditEvent::details)
                .containsExactlyInAnyOrder("failed: wrong_password", "ok");
        // a manager's Account menu has no user administration
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> items = bar.getMenus().stream().filter(m -> "accountMenu".equals(m.getId()))
                .flatMap(m -> m.getItems().stream()).map(MenuItem::getId).toList();
        assertThat(items).contains("signOutItem").doesNotContain("usersItem", "teamsItem");

        // sign out: the sign-in window again, and the event feed has it
        MenuItem signOut = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "signOutItem".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(signOut::fire);
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        waitUntil(() -> ctx.session().user().isEmpty());
        assertThat(robot.lookup("#signInLogin").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("anna");
        assertThat(ctx.audit().between(started, Instant.now().plusSeconds(5), 50))
                .extracting(AuditEvent::action).contains(AuditAction.SIGN_OUT);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
