package org.deskcrm;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * File → Back up… and Restore… in the real window (ADR 0011): disabled for a manager, enabled for the
 * administrator — checked each time the menu opens, as the signed-in user changes.
 */
class BackupMenuRightsFxTest {
    private final FxRobot robot = new FxRobot();
    private final String prefsNode = "org/deskcrm/test/" + UUID.randomUUID();
    private DeskCrmApp app;

    @TempDir
    Path home;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void seed() {
        System.setProperty("deskcrm.prefsNode", prefsNode);
        System.setProperty("deskcrm.home", home.toString());
        try (AppContext ctx = AppContext.open(DatabaseConfig.embedded(home))) {
            ctx.ensureReferenceData(Locale.ENGLISH);
            ctx.auth().createAdminPassword("admin-secret".toCharArray(), "admin-secret".toCharArray());
            long team = ctx.userAdmin().createTeam("North", null);
            ctx.userAdmin().create(User.draft("anna", "Anna Manager", Role.MANAGER, team), "anna-secret".toCharArray(),
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
    }

    @Test
    void aManagerCannotBackUpOrRestoreTheAdministratorCan() throws Exception {
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", "en");
        signIn("anna", "anna-secret");
        assertThat(backupItemsDisabled()).containsExactly(true, true);

        MenuItem signOut = menuBar().getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "signOutItem".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(signOut::fire);
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#signInLogin").queryAs(javafx.scene.control.TextField.class).clear());
        signIn("admin", "admin-secret");
        assertThat(backupItemsDisabled()).containsExactly(false, false);
    }

    private void signIn(String login, String password) throws Exception {
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signInLogin").write(login);
        robot.clickOn("#signInPassword").write(password);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#mainWindow").tryQuery().isPresent()
                && app.context().session().user().map(u -> u.login().equals(login)).orElse(false));
    }

    private MenuBar menuBar() {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class);
    }

    /** Opens File (its showing handler sets the items), reads Back up… and Restore…, closes it. */
    private List<Boolean> backupItemsDisabled() throws Exception {
        Menu file = menuBar().getMenus().stream().filter(m -> "menu-file".equals(m.getId())).findFirst().orElseThrow();
        robot.interact(file::show);
        WaitForAsyncUtils.waitForFxEvents();
        List<Boolean> disabled = file.getItems().stream()
                .filter(i -> "menu-trust-menu-backup".equals(i.getId()) || "menu-trust-menu-restore".equals(i.getId()))
                .map(MenuItem::isDisable).toList();
        robot.interact(file::hide);
        return disabled;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
