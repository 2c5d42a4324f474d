package org.deskcrm;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.shell.MainWindow;
import org.deskcrm.ui.shell.ShellPreferences;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: writes docs/screenshots/call-log-unknown-to-client-light.png, the call log right after the calls
 * of an unknown number were turned into a client (what the row's context menu does; CallLogFxTest drives the
 * menu itself). Runs only with
 * {@code -Ddeskcrm.screenshots=DIR}.
 */
@EnabledIfSystemProperty(named = "deskcrm.screenshots", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class CallLogScreenshot {
    private final File dir = new File(System.getProperty("deskcrm.screenshots", "target/screenshots"));
    private AppContext ctx;
    private FxTaskExecutor executor;
    private Preferences prefsNode;
    private MainWindow window;
    private Stage stage;

    private static AppContext shared;
    private static long owner;

    @org.junit.jupiter.api.BeforeAll
    static void seed() {
        AppContext c = new AppContext(TestDatabases.h2());
        c.ensureReferenceData(Locale.ENGLISH);
        c.businessRegion().change("US");
        User admin = c.users().findByLogin("admin").orElseThrow();
        c.session().signIn(admin);
        owner = admin.id();
        c.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Acme Supplies").withOwner(owner),
                List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, "(617) 555-0134"))), owner);
        Instant now = Instant.now();
        call(c, CallDirection.IN, CallStatus.ANSWERED, now.minusSeconds(7200), "(617) 555-0134", 240);
        call(c, CallDirection.OUT, CallStatus.ANSWERED, now.minusSeconds(5400), "(617) 555-0134", 95);
        call(c, CallDirection.IN, CallStatus.MISSED, now.minusSeconds(3000), "+1 312 311-2424", 0);
        call(c, CallDirection.IN, CallStatus.ANSWERED, now.minusSeconds(1500), "+1 312 311-2424", 130);
        call(c, CallDirection.IN, CallStatus.MISSED, now.minusSeconds(600), "(206) 555-0199", 0);
        shared = c;
    }

    private static void call(AppContext c, CallDirection dir, CallStatus status, Instant at, String phone, int seconds) {
        c.callService().log(new Call(null, dir, status, at, seconds, phone, null, null, null, owner, null, null,
                null), owner);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ctx = shared;
        executor = new FxTaskExecutor(2);
        prefsNode = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
        FeatureScreens features = new FeatureScreens(() -> owner, uri -> { });
        window = new MainWindow(ctx, ctx.globalSearch()::search, features.screens(), executor,
                new I18n(Locale.ENGLISH), new ShellPreferences(prefsNode), new javafx.scene.image.Image(
                        MainWindow.class.getResourceAsStream("/org/deskcrm/ui/shell/icon.png")));
        stage.setScene(window.createScene(1280, 760));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        ctx.close();
        prefsNode.removeNode();
    }

    @Test
    void callLogWithAnUnknownCallerTurnedIntoAClient(FxRobot robot) throws Exception {
        robot.interact(window::start);
        robot.clickOn("#nav-calls");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#callLogTable").tryQuery().isPresent()
                && robot.lookup("#callLogTable").queryAs(TableView.class).getItems().size() == 5);
        // the same service call the row's "New client with this number…" makes once the name is typed
        ctx.callService().createClientFor("+13123112424", "+1 312 311-2424", "Lakeside Dental", ctx.session().userId());
        javafx.scene.Node log = robot.lookup("#callLogTable").query().getParent();
        robot.interact(() -> ((javafx.scene.control.Button) robot.from(log).lookup(".button").match(n -> n instanceof
                javafx.scene.control.Button b && "Refresh".equals(b.getText())).query()).fire());
        robot.interact(() -> window.tabs().node().getTabs().stream()
                .filter(t -> t.getContent() != null && t.getContent().lookup("#callLogTable") != null).findFirst()
                .ifPresent(t -> window.tabs().node().getSelectionModel().select(t)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#callLogTable").queryAs(TableView.class)
                .getItems().stream().filter(i -> "Lakeside Dental".equals(((CallRow) i).clientName())).count() == 2);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)));
        dir.mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir, "call-log-unknown-to-client-light.png"));
    }
}
