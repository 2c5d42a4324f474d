package org.deskcrm;

import org.deskcrm.ui.connect.ConnectionPreferences;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import org.deskcrm.model.connect.ConnectionKind;
import org.deskcrm.model.connect.ConnectionSpec;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.ui.common.I18n;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File → Connect to database… in the application as launched: the H2-server form is filled, a closed port
 * is reported as unreachable, the right port answers with H2's version, Connect upgrades the new database and
 * asks for its administrator's first password, and the status bar then names the server's database. The next
 * start opens the remembered server; a database upgraded by a newer program is refused with the localized sentence.
 */
class ConnectDialogFxTest {
    private final FxRobot robot = new FxRobot();
    private final String prefsNode = "org/deskcrm/test/" + UUID.randomUUID();
    private final I18n en = new I18n(Locale.ENGLISH);
    private Locale defaultLocale;
    private DeskCrmApp app;
    private Server server;

    @TempDir
    Path home;
    @TempDir
    Path serverDir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void seed() throws Exception {
        defaultLocale = Locale.getDefault();
        System.setProperty("deskcrm.prefsNode", prefsNode);
        System.setProperty("deskcrm.home", home.toString());
        try (AppContext ctx = AppContext.open(DatabaseConfig.embedded(home))) {
            ctx.ensureReferenceData(Locale.ENGLISH);
            ctx.auth().createAdminPassword("admin-secret".toCharArray(), "admin-secret".toCharArray());
        }
        server = Server.createTcpServer("-tcpPort", "0", "-baseDir", serverDir.toString(), "-ifNotExists").start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupStages();
            FxToolkit.cleanupApplication(app);
        }
        server.stop();
        System.clearProperty("deskcrm.prefsNode");
        System.clearProperty("deskcrm.home");
        Preferences.userRoot().node(prefsNode).removeNode();
        Locale.setDefault(defaultLocale);
    }

    @Test
    void connectsTheWindowToAnH2ServerAndRemembersIt() throws Exception {
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", "en");
        signIn("admin-secret", false);
        assertThat(databaseLabel()).isEqualTo(en.get("shell.status.database.embedded"));

        fireMenuItem("menu-connect");
        waitUntil(() -> robot.lookup("#connectDialog").tryQuery().isPresent());
        ComboBox<?> kind = robot.lookup("#connectKind").queryAs(ComboBox.class);
        robot.interact(() -> kind.getSelectionModel().select(ConnectionKind.H2_SERVER.ordinal()));
        assertThat(robot.lookup("#connectPort").queryAs(TextField.class).getText()).isEqualTo("9092");
        // an H2 server enforces no rights itself: the dialog says it is the trusted-office mode (ADR 0015)
        assertThat(robot.lookup("#connectRightsNote").queryAs(Label.class).getText())
                .isEqualTo(en.get("connect.trustedOffice"));
        setText("#connectHost", "localhost");
        setText("#connectPort", String.valueOf(freePort()));
        robot.clickOn("#connectDatabase").write("shared/crm");
        robot.clickOn("#connectTest");
        waitUntil(() -> resultText().startsWith(en.get("connect.result.unreachable")));

        setText("#connectPort", String.valueOf(server.getPort()));
        robot.clickOn("#connectTest");
        waitUntil(() -> resultText().startsWith(en.format("connect.result.ok", "H2 2.")));

        robot.clickOn("#connectButton");
        // a new database: its administrator's first password, then the window on that database
        signIn("server-admin-pw", true);
        String url = "jdbc:h2:tcp://localhost:" + server.getPort() + "/shared/crm";
        assertThat(databaseLabel()).isEqualTo(url);
        assertThat(app.context().database().config().url()).isEqualTo(url);
        assertThat(app.context().database().migrationsApplied()).isPositive();
        ConnectionSpec remembered = new ConnectionPreferences(Preferences.userRoot().node(prefsNode)).remembered()
                .orElseThrow();
        assertThat(remembered.kind()).isEqualTo(ConnectionKind.H2_SERVER);
        assertThat(remembered.password()).as("not remembered unless asked").isEmpty();

        // the next start opens the remembered server (no --db), not the embedded file
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", "en");
        signIn("server-admin-pw", false);
        assertThat(databaseLabel()).isEqualTo(url);
    }

    @Test
    void connectsToPostgresqlAndNeverRemembersThePassword() throws Exception {
        DatabaseConfig pg = org.deskcrm.persistence.TestDatabases.postgresConfig();
        java.net.URI uri = java.net.URI.create(pg.url().substring("jdbc:".length()));
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", "en");
        signIn("admin-secret", false);
        fireMenuItem("menu-connect");
        waitUntil(() -> robot.lookup("#connectDialog").tryQuery().isPresent());
        ComboBox<?> kind = robot.lookup("#connectKind").queryAs(ComboBox.class);
        robot.interact(() -> kind.getSelectionModel().select(ConnectionKind.POSTGRES.ordinal()));
        assertThat(robot.lookup("#connectPort").queryAs(TextField.class).getText()).isEqualTo("5432");
        setText("#connectHost", uri.getHost());
        setText("#connectPort", String.valueOf(uri.getPort()));
        robot.clickOn("#connectDatabase").write(uri.getPath().substring(1));
        robot.clickOn("#connectUser").write(pg.user());
        robot.clickOn("#connectPassword").write(pg.password());
        robot.clickOn("#connectTest");
        waitUntil(() -> resultText().startsWith(en.format("connect.result.ok", "PostgreSQL")));
        robot.clickOn("#connectButton");
        signIn("pg-admin-pw", true);
        assertThat(databaseLabel()).isEqualTo("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath());
        assertThat(app.context().database().isPostgres()).isTrue();
        ConnectionSpec remembered = new ConnectionPreferences(Preferences.userRoot().node(prefsNode)).remembered()
                .orElseThrow();
        assertThat(remembered.kind()).isEqualTo(ConnectionKind.POSTGRES);
        assertThat(remembered.password()).as("never kept").isEmpty();
        assertThat(robot.lookup("#connectRemember").tryQuery()).as("no remember-password box").isEmpty();
        java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
        Preferences.userRoot().node(prefsNode).exportSubtree(xml);
        assertThat(xml.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("connection.password");
    }

    @Test
    void whenTheRememberedDatabaseCannotBeReachedTheDialogOffersAnotherAtStart() throws Exception {
        new ConnectionPreferences(Preferences.userRoot().node(prefsNode)).remember(
                new ConnectionSpec(ConnectionKind.H2_SERVER, "localhost", freePort(), "crm", "sa", ""));
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", "en");
        waitUntil(() -> robot.lookup("#connectDialog").tryQuery().isPresent());
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> en.get("connect.result.unreachable").equals(l.getText()))).as("said on the splash").isTrue();
        setText("#connectPort", String.valueOf(server.getPort()));
        robot.clickOn("#connectButton");
        signIn("server-admin-pw", true);
        assertThat(databaseLabel()).isEqualTo("jdbc:h2:tcp://localhost:" + server.getPort() + "/crm");
        waitUntil(() -> robot.lookup("#splash").tryQuery().isEmpty());
    }

    @Test
    void aDatabaseOfANewerProgramIsRefusedAtStartWithTheLocalizedSentence() throws Exception {
        ConnectionSpec spec = new ConnectionSpec(ConnectionKind.H2_SERVER, "localhost", server.getPort(), "newer", "sa", "");
        DatabaseConfig config = new DatabaseConfig(spec.url(), "sa", "");
        Database.open(config, 2).close();
        try (Connection c = DriverManager.getConnection(config.effectiveUrl(), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (900, '900',"
                    + " 'future', 'SQL', 'V900__future.sql', 0, 'newer', 1, true)");
        }
        new ConnectionPreferences(Preferences.userRoot().node(prefsNode)).remember(spec);
        app = (DeskCrmApp) FxToolkit.setupApplication(DeskCrmApp.class, "--lang", "en");
        String sentence = en.format("connect.error.newerSchema", "900");
        waitUntil(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> sentence.equals(l.getText())));
        assertThat(robot.lookup("#splashQuit").tryQuery()).isPresent();
    }

    private void signIn(String password, boolean firstStart) throws Exception {
        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent()
                && robot.lookup("#signInRepeat").tryQuery().isPresent() == firstStart);
        WaitForAsyncUtils.waitForFxEvents();
        if (!firstStart) {
            setText("#signInLogin", "admin");
        }
        robot.clickOn("#signInPassword").write(password);
        if (firstStart) {
            robot.clickOn("#signInRepeat").write(password);
        }
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#mainWindow").tryQuery().isPresent()
                && robot.lookup("#signInButton").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fireMenuItem(String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    private void setText(String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    private String resultText() {
        return robot.lookup("#connectResult").queryAs(Label.class).getText();
    }

    private String databaseLabel() {
        return robot.lookup("#databaseLabel").queryAs(Label.class).getText();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
