package org.deskcrm;

import javafx.scene.control.Label;
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
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An imported person (no password) at the sign-in window of the application as launched: the window
 * asks them to choose a password, twice; a too short one is refused; the chosen one signs them in and
 * is what they sign in with afterwards. An imported administrator is not offered this.
 */
class FirstPasswordFxTest {
    private static final Locale EN = Locale.ENGLISH;
    private final FxRobot robot = new FxRobot();
    private final String prefsNode = "org/deskcrm/test/" + UUID.randomUUID();
    private final I18n en = new I18n(EN);
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
            ctx.ensureReferenceData(EN);
            ctx.auth().createAdminPassword("admin-secret".toCharArray(), "admin-secret".toCharArray());
            ctx.users().insert(User.draft("nina.novak", "Nina Novak", Role.MANAGER, null), null); // as an import does
            ctx.users().insert(User.draft("boss", "Imported Admin", Role.ADMIN, null), null);
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
    void aPersonWithoutAPasswordChoosesOneAtTheFirstSignIn() throws Exception {
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", "en");
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signInRepeat").tryQuery()).isEmpty();

        // an imported administrator is not offered to choose a password
        robot.clickOn("#signInLogin").write("boss");
        robot.clickOn("#signInPassword").write("anything");
        robot.clickOn("#signInButton");
        waitUntil(() -> !robot.lookup("#signInError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText()).isEqualTo(en.get("auth.error.invalid"));
        assertThat(robot.lookup("#signInRepeat").tryQuery()).isEmpty();

        robot.interact(() -> robot.lookup("#signInLogin").queryAs(javafx.scene.control.TextField.class).setText(""));
        robot.clickOn("#signInLogin").write("nina.novak");
        robot.clickOn("#signInPassword").write("whatever");
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#signInRepeat").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText())
                .isEqualTo(en.get("auth.error.passwordNotSet"));
        assertThat(robot.lookup("#signInHint").queryAs(Label.class).getText())
                .isEqualTo(en.format("user.signIn.choose.hint", 8));
        assertThat(robot.lookup("#mainWindow").tryQuery()).isEmpty();

        robot.clickOn("#signInPassword").write("short");
        robot.clickOn("#signInRepeat").write("short");
        robot.clickOn("#signInButton");
        waitUntil(() -> en.format("auth.password.tooShort", 8)
                .equals(robot.lookup("#signInError").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#mainWindow").tryQuery()).isEmpty();

        robot.clickOn("#signInPassword").write("nina-secret-1");
        robot.clickOn("#signInRepeat").write("nina-secret-1");
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#mainWindow").tryQuery().isPresent());
        AppContext ctx = app.context();
        assertThat(ctx.session().user().map(User::login)).contains("nina.novak");
        assertThat(ctx.users().passwordHash("nina.novak")).isPresent();
        // the chosen password is the one from now on; choosing again is refused
        ctx.auth().signOut();
        assertThat(ctx.auth().signIn("nina.novak", "nina-secret-1".toCharArray()).login()).isEqualTo("nina.novak");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx.auth().setFirstPassword("nina.novak",
                "other-secret".toCharArray(), "other-secret".toCharArray())).hasMessageContaining("auth.error.invalid");
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
