package org.deskcrm.ui.shell;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.search.GlobalSearchService;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * Not a test: writes PNG snapshots of the main window for a human to look at. Runs only with
 * {@code -Ddeskcrm.screenshots=DIR} (and optionally {@code -Ddeskcrm.screenshots.lang=ru}).
 */
@EnabledIfSystemProperty(named = "deskcrm.screenshots", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ShellScreenshots {
    private AppContext ctx;
    private FxTaskExecutor executor;
    private Preferences prefsNode;
    private MainWindow window;
    private Stage stage;
    private final File dir = new File(System.getProperty("deskcrm.screenshots", "target/screenshots"));
    private final Locale locale = Locale.forLanguageTag(System.getProperty("deskcrm.screenshots.lang", "en"));

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = new AppContext(TestDatabases.h2());
        executor = new FxTaskExecutor(2);
        prefsNode = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
        GlobalSearchService search = new GlobalSearchService(ctx.clients(), ctx.deals(),
                new ClientRepository(ctx.database()));
        javafx.scene.image.Image logo = new javafx.scene.image.Image(
                MainWindow.class.getResourceAsStream("/org/deskcrm/ui/shell/icon.png"));
        window = new MainWindow(ctx, search::search, new Screens(), executor, new I18n(locale),
                new ShellPreferences(prefsNode), logo);
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        ctx.close();
        prefsNode.removeNode();
    }

    private void shoot(FxRobot robot, Scene scene, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        dir.mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir, name + "-" + locale.getLanguage() + ".png"));
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        robot.interact(window::start);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.tabs().keys().contains(MainWindow.WELCOME_TAB));
        shoot(robot, stage.getScene(), "1-welcome-light");

        ctx.referenceData().ensureDefaults(locale);
        Pipeline p = ctx.pipelines().findAll().get(0);
        long owner = ctx.users().findByLogin("admin").orElseThrow().id();
        String[][] clients = {{"ООО «Ромашка»", "+7 912 345-67-89"}, {"Романов Пётр Ильич", "8 (495) 123-45-67"},
                {"ИП Ромм А. В.", "+7 921 000-11-22"}};
        long first = 0;
        for (String[] c : clients) {
            long id = ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, c[0]), List.of(),
                    List.of(Channel.ofClient(ChannelKind.PHONE, c[1]))), null).id();
            first = first == 0 ? id : first;
        }
        ctx.deals().insert(Deal.draft("Ромашка: поставка бумаги", first, owner, p.id(), p.firstOpenStage().id(),
                new BigDecimal("150000")), owner, Instant.now());
        robot.clickOn("#startEmpty");
        robot.clickOn("#nav-deals");
        robot.clickOn("#globalSearch").write("ром");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.search().isPopupShowing()
                && window.search().list().getItems().size() == 4);
        Thread.sleep(300);
        shoot(robot, stage.getScene(), "2-search-light");
        Window popup = window.search().list().getScene().getWindow();
        shoot(robot, popup.getScene(), "3-search-popup-light");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        robot.interact(() -> window.applyTheme(Theme.DARK));
        robot.interact(() -> window.statusBar().run("Exporting", pr -> {
            pr.update("x", 40, 100);
            Thread.sleep(3000);
            return null;
        }, r -> { }, e -> { }));
        Thread.sleep(500);
        shoot(robot, stage.getScene(), "4-card-dark");
        robot.clickOn("#nav-reports");
        shoot(robot, stage.getScene(), "5-section-dark");

        Scene splash = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            SplashView view = new SplashView(new I18n(locale), new javafx.scene.image.Image(
                    MainWindow.class.getResourceAsStream("/org/deskcrm/ui/shell/icon.png")), () -> { });
            view.showError(new I18n(locale).format("shell.splash.failed", "jdbc:h2:file:/home/anna/.local/share/deskcrm/deskcrm"),
                    "Database may be already in use: null. Possible solutions: close all other connection(s)");
            Scene s = new Scene(view.node());
            s.getStylesheets().setAll(stage.getScene().getStylesheets());
            return s;
        }));
        shoot(robot, splash, "6-splash-error-dark");

        robot.interact(() -> window.applyTheme(Theme.LIGHT));
        javafx.scene.control.Alert keys = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.Alert a = window.dialogs().table("Keyboard shortcuts",
                    new I18n(locale).get("shell.help.shortcuts.text"));
            a.show();
            return a;
        }));
        Thread.sleep(300);
        shoot(robot, keys.getDialogPane().getScene(), "7-shortcuts-light");
        robot.interact(keys::close);
    }
}
