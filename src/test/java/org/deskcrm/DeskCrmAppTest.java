package org.deskcrm;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The application as launched: splash, database opened off the FX thread, then the main window. */
class DeskCrmAppTest {
    private final FxRobot robot = new FxRobot();
    private final String prefsNode = "org/deskcrm/test/" + UUID.randomUUID();
    private Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void isolatePreferences() {
        System.setProperty("deskcrm.prefsNode", prefsNode);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        System.clearProperty("deskcrm.prefsNode");
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    @Test
    void opensTheGivenDatabaseAndShowsTheFirstStartScreen() throws Exception {
        app = FxToolkit.setupApplication(DeskCrmApp.class, "--db", "jdbc:h2:mem:app" + UUID.randomUUID(),
                "--lang", "en");
        // a new database first asks for the administrator's password
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#signInRepeat").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents(); // let the sign-in window finish its first layout
        robot.clickOn("#signInPassword").write("new-admin-pw");
        robot.clickOn("#signInRepeat").write("new-admin-pw");
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#welcome").tryQuery().isPresent());
        Stage stage = (Stage) robot.lookup("#mainWindow").query().getScene().getWindow();
        assertThat(stage.getTitle()).isEqualTo("DeskCRM");
        assertThat(stage.getIcons()).isNotEmpty();
        assertThat(robot.lookup("#databaseLabel").queryAs(Label.class).getText()).startsWith("jdbc:h2:mem:app");
        // the splash is gone
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#splash").tryQuery().isEmpty());
    }

    @Test
    void theLanguageChangesAtOnceWithoutARestart() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            app = FxToolkit.setupApplication(DeskCrmApp.class, "--db", "jdbc:h2:mem:app" + UUID.randomUUID(),
                    "--lang", "en");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#signInRepeat").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#signInPassword").write("new-admin-pw");
            robot.clickOn("#signInRepeat").write("new-admin-pw");
            robot.clickOn("#signInButton");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#welcome").tryQuery().isPresent());
            assertThat(robot.lookup("#nav-clients").queryAs(javafx.scene.control.Labeled.class).getText()).isEqualTo("Clients");
            javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
            javafx.scene.control.MenuItem russian = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .flatMap(i -> i instanceof javafx.scene.control.Menu sub ? sub.getItems().stream() : java.util.stream.Stream.of(i))
                    .filter(i -> "menu-language-ru".equals(i.getId())).findFirst().orElseThrow();
            robot.interact(russian::fire);
            // the same window, signed in as before, now reads Russian everywhere: sidebar, menus, the welcome tab
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "Клиенты".equals(
                    robot.lookup("#nav-clients").queryAs(javafx.scene.control.Labeled.class).getText()));
            javafx.scene.control.MenuBar ruBar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
            assertThat(ruBar.getMenus()).extracting(javafx.scene.control.Menu::getText).doesNotContain("File", "View");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#welcome").tryQuery().isPresent());
            assertThat(robot.lookup("#mainWindow").query().getScene().getWindow().isShowing()).isTrue();
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aMalformedDatabaseAddressIsReportedOnTheSplash() throws Exception {
        app = FxToolkit.setupApplication(DeskCrmApp.class, "--db=nonsense", "--lang=en");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#splashQuit").tryQuery()
                .filter(javafx.scene.Node::isVisible).isPresent());
        assertThat(robot.lookup("#splashStatus").queryAs(Label.class).getText())
                .isEqualTo("The database address given with --db is not a JDBC URL.");
        assertThat(Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().lookup("#mainWindow") != null)).isFalse();
    }
}
