package org.deskcrm;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.service.demo.DemoSize;
import org.deskcrm.ui.shell.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * Not a test: writes PNG pictures of the home dashboard of the demo company as the administrator sees it,
 * light and dark, for a human to look at. Runs only with {@code -Ddeskcrm.screenshots=DIR}; the picture size is
 * the headless screen's ({@code -Dheadless.geometry=1366x768-32}), e.g.
 * {@code mvn -o test -Dtest=DashboardScreenshots -Ddeskcrm.screenshots=docs/screenshots -Dheadless.geometry=1920x1080-32}.
 */
@EnabledIfSystemProperty(named = "deskcrm.screenshots", matches = ".+")
class DashboardScreenshots {
    private final FxRobot robot = new FxRobot();
    private final String prefsNode = "org/deskcrm/test/" + UUID.randomUUID();
    private final File dir = new File(System.getProperty("deskcrm.screenshots"));
    private DeskCrmApp app;
    private Locale defaultLocale;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The demo company in the language of the pictures (its pipeline, stages and names are in it). */
    private static Path demoCompany(Locale locale) throws Exception {
        Path home = Files.createTempDirectory("deskcrm-screens");
        try (AppContext ctx = AppContext.open(DatabaseConfig.embedded(home))) {
            ctx.ensureReferenceData(locale);
            ctx.auth().createAdminPassword("admin-secret".toCharArray(), "admin-secret".toCharArray());
            ctx.demoData().generate(DemoSize.SMALL, locale, 20_260_101L, (step, done, total) -> { });
        }
        return home;
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
        if (defaultLocale != null) {
            Locale.setDefault(defaultLocale);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void homeDashboard(String lang) throws Exception {
        defaultLocale = Locale.getDefault();
        System.setProperty("deskcrm.prefsNode", prefsNode);
        System.setProperty("deskcrm.home", demoCompany(Locale.forLanguageTag(lang)).toString());
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", lang);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#signInButton").tryQuery().isPresent());
        robot.clickOn("#signInLogin").write("admin");
        robot.clickOn("#signInPassword").write("admin-secret");
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#homeTiles").tryQuery().isPresent());
        javafx.geometry.Rectangle2D screen = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> javafx.stage.Screen.getPrimary().getBounds()));
        Stage stage = (Stage) robot.lookup("#mainWindow").query().getScene().getWindow();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        });
        String size = (int) screen.getWidth() + "x" + (int) screen.getHeight();
        for (Theme theme : new Theme[]{Theme.LIGHT, Theme.DARK}) {
            robot.interact(() -> app.mainWindow().applyTheme(theme));
            robot.push(javafx.scene.input.KeyCode.F5);
            WaitForAsyncUtils.sleep(4, TimeUnit.SECONDS); // the tiles are computed in the background
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                    () -> stage.getScene().snapshot(null)));
            dir.mkdirs();
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir,
                    "home-" + theme.code() + "-" + lang + "-" + size + ".png"));
        }
    }
}
