package org.deskcrm;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.deskcrm.persistence.DatabaseConfig;
import javafx.scene.control.MenuItem;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.connect.ConnectionCheck;
import org.deskcrm.model.connect.ConnectionSpec;
import org.deskcrm.service.connect.ConnectionService;
import org.deskcrm.ui.connect.ConnectDialog;
import org.deskcrm.ui.connect.ConnectDialogViewModel;
import org.deskcrm.ui.connect.ConnectionPreferences;
import org.deskcrm.ui.connect.DatabaseSwitch;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.shell.MainWindow;
import org.deskcrm.ui.shell.ShellPreferences;
import org.deskcrm.ui.shell.SplashView;
import org.deskcrm.ui.shell.Theme;
import org.deskcrm.ui.task.ReminderNotifier;
import org.deskcrm.model.user.User;
import org.deskcrm.ui.user.AccountMenu;
import org.deskcrm.ui.user.SignInView;
import org.deskcrm.ui.user.SignInViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** The JavaFX application: opens the database off the FX thread and shows the main window. */
public class DeskCrmApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DeskCrmApp.class);
    static final String ICON = "/org/deskcrm/ui/shell/icon.png";
    /** The computer's country as the JVM started (before --lang changes the default locale). */
    private static final String SYSTEM_COUNTRY = System.getProperty("user.country", "");

    private final ShellPreferences prefs = ShellPreferences.forCurrentUser();
    private FxTaskExecutor executor;
    private volatile AppContext context;
    private Stage mainStage;
    private ReminderNotifier reminders;
    private Stage signInStage;
    private MainWindow window;
    private final ConnectionPreferences connectionPrefs = ConnectionPreferences.forCurrentUser();
    private final ConnectionService connections = new ConnectionService(AppPaths.dataDir());
    private ConnectionSpec currentSpec = ConnectionSpec.local();
    private Locale locale;

    public static void main(String[] args) {
        openEarly(args);
        launch(DeskCrmApp.class, args);
    }

    /**
     * Begins opening the database the window is going to use, before JavaFX starts (ADR 0025); {@link #start}
     * takes that opening. Nothing is begun for a database URL that is not one (the splash says so).
     */
    static void openEarly(String[] args) {
        try {
            StartupOptions options = StartupOptions.parse(java.util.List.of(args), System.getProperties());
            EarlyOpening.begin(startupDatabase(options, ConnectionPreferences.forCurrentUser(),
                    new ConnectionService(AppPaths.dataDir())).config());
        } catch (RuntimeException e) {
            LOG.debug("no early opening", e);
        }
    }

    /** The feature screens of the window, acting for whoever is signed in to {@code ctx}; links open in the desktop's apps. */
    FeatureScreens features(AppContext ctx) {
        return new FeatureScreens(() -> ctx.session().userId(), uri -> getHostServices().showDocument(uri));
    }

    /** The sign-in window while it is shown, else null (for tests of the whole app). */
    Stage signInStage() {
        return signInStage;
    }

    /** The main window once it is up, else null (for tests and screenshots of the whole app). */
    MainWindow mainWindow() {
        return window;
    }

    /** The open database's services once the main window is up, else null (for tests of the whole app). */
    AppContext context() {
        return context;
    }

    @Override
    public void start(Stage stage) {
        StartupOptions options = StartupOptions.parse(getParameters().getRaw(), System.getProperties());
        Locale locale = options.lang().or(prefs::language).map(Locale::forLanguageTag).orElse(Locale.getDefault());
        if (options.lang().isPresent() || prefs.language().isPresent()) {
            Locale.setDefault(locale);
        }
        this.locale = locale;
        I18n i18n = new I18n(locale);
        Image logo = loadIcon();
        executor = new FxTaskExecutor(3);

        Stage splashStage = new Stage(StageStyle.UNDECORATED);
        SplashView splash = new SplashView(i18n, logo, Platform::exit);
        Scene splashScene = new Scene(splash.node());
        splashScene.getStylesheets().setAll(css(Theme.BASE_CSS), css(prefs.theme().cssResource()));
        splashStage.setScene(splashScene);
        splashStage.setTitle(i18n.get("shell.app.name"));
        if (logo != null) {
            splashStage.getIcons().add(logo);
            stage.getIcons().add(logo);
        }
        splashStage.show();

        DatabaseConfig config;
        try {
            Startup chosen = startupDatabase(options, connectionPrefs, connections);
            config = chosen.config();
            currentSpec = chosen.spec() != null ? chosen.spec() : currentSpec;
        } catch (IllegalArgumentException e) {
            splash.showError(i18n.get("shell.splash.badUrl"), options.dbUrl());
            return;
        }
        java.util.Optional<java.util.concurrent.CompletableFuture<AppContext>> early = EarlyOpening.take(config);
        // the first start after an upgrade that changed the stored totals builds them (minutes at 1 M deals): say so
        java.util.concurrent.atomic.AtomicReference<String> step = new java.util.concurrent.atomic.AtomicReference<>();
        javafx.animation.Timeline steps = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(300), e -> {
                    String now = early.isPresent() ? EarlyOpening.step() : step.get();
                    if (now != null) {
                        splash.showStatus(i18n.get("shell.splash." + now));
                    }
                }));
        steps.setCycleCount(javafx.animation.Animation.INDEFINITE);
        steps.play();
        executor.submit(p -> {
            AppContext ctx = early.isPresent() ? early.get().join() : AppContext.openForWindow(config, step::set);
            try {
                ctx.ensureReferenceData(locale);
                boolean firstStart = ctx.auth().needsAdminPassword();
                if (firstStart) {
                    ctx.businessRegion().chooseAtFirstStart(SYSTEM_COUNTRY); // numbers are read as this country's
                }
                return new Opened(ctx, firstStart);
            } catch (RuntimeException e) {
                ctx.close();
                throw e;
            }
        }, opened -> {
            steps.stop();
            context = opened.ctx();
            showSignIn(stage, opened.ctx(), opened.firstStart(), null, i18n, logo, config);
            splashStage.close();
        }, failure -> {
            steps.stop();
            LOG.error("could not open the database {}", config, failure);
            splash.showError(i18n.format("shell.splash.failed", config.url()), explain(failure, i18n));
            if (options.dbUrl() == null && connectionPrefs.remembered().isPresent()) {
                // the remembered database is gone or wants a password: offer to choose again
                showConnectDialog(stage, i18n, logo, splashStage, splashStage::close);
            }
        });
    }

    /** The database the window starts with, and the remembered connection it came from (null for {@code --db}). */
    private record Startup(DatabaseConfig config, ConnectionSpec spec) {
    }

    /** {@code --db} if given, else the database last chosen in File → Connect to database…, else the embedded one. */
    private static Startup startupDatabase(StartupOptions options, ConnectionPreferences remembered,
                                           ConnectionService connections) {
        if (options.dbUrl() != null) {
            return new Startup(options.database(), null);
        }
        ConnectionSpec spec = remembered.remembered().orElse(ConnectionSpec.local());
        return new Startup(connections.config(spec), spec);
    }

    /** A localized sentence for a failure to open a database (a newer schema, refused password…), else its first line. */
    private String explain(Throwable failure, I18n i18n) {
        ConnectionCheck.Outcome outcome = connections.explain(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AppException a && i18n.has(a.messageKey())) {
                return i18n.format(a.messageKey(), a.args());
            }
        }
        return outcome == ConnectionCheck.Outcome.FAILED ? rootMessage(failure) : i18n.get(outcome.messageKey());
    }

    /** The database, opened and upgraded, and whether the administrator's password must be set first. */
    private record Opened(AppContext ctx, boolean firstStart) {
    }

    /**
     * The sign-in window (on a new database: the administrator's first password); on success the main
     * window opens for the signed-in user.
     */
    private void showSignIn(Stage stage, AppContext ctx, boolean firstStart, String lastLogin, I18n i18n, Image logo,
                            DatabaseConfig config) {
        SignInViewModel vm = new SignInViewModel(ctx.auth(), executor, i18n, firstStart, lastLogin);
        Stage dialog = new Stage();
        SignInView view = new SignInView(vm, i18n, logo, user -> afterSchemaCheck(ctx, dialog, i18n, () -> {
            signInStage = null;
            dialog.close();
            showMain(stage, ctx, features(ctx), i18n, logo, config); // a new database opens on the welcome tab
        }));
        Scene scene = new Scene(view.node());
        scene.getStylesheets().setAll(css(Theme.BASE_CSS), css(prefs.theme().cssResource()));
        dialog.setScene(scene);
        dialog.setTitle(i18n.get("user.signIn.window"));
        dialog.setResizable(false);
        if (logo != null) {
            dialog.getIcons().add(logo);
        }
        dialog.setOnCloseRequest(e -> {
            if (mainStage == null || !mainStage.isShowing()) {
                Platform.exit();
            }
        });
        signInStage = dialog;
        dialog.show();
        warmUpHome(ctx);
    }

    /**
     * While the person signs in, the home dashboard's figures for this month are computed once over the whole
     * company and dropped: the dashboard after the sign-in then finds the report code loaded and compiled and
     * the rows it reads in the database's cache (cold, its first figure took 0.8 s and all six 1.3 s at
     * 100 000 deals; warm, a tenth of that). Nothing of it is shown or kept; it stops at the sign-in.
     */
    private void warmUpHome(AppContext ctx) {
        executor.submit(p -> {
            java.time.LocalDate today = ctx.reports().support().today();
            var snapshot = ctx.home().snapshot(org.deskcrm.model.report.PeriodPreset.THIS_MONTH.range(today).orElseThrow(),
                    null);
            java.util.Set<org.deskcrm.service.home.HomeTile> tiles =
                    new java.util.LinkedHashSet<>(org.deskcrm.service.home.HomeTile.SUPERVISOR);
            tiles.addAll(org.deskcrm.service.home.HomeTile.MANAGER);
            for (org.deskcrm.service.home.HomeTile t : tiles) {
                if (ctx.session().user().isPresent()) {
                    break; // signed in: the real dashboard needs the cores now
                }
                snapshot.value(t);
            }
            return Boolean.TRUE;
        }, done -> { }, failure -> LOG.debug("the home dashboard's warm-up failed", failure));
    }

    /**
     * Runs {@code then} once the schema check of the database's opening is done (ADR 0025): it runs in the
     * background while the person signs in; if it is still running, the sign-in window stays up, disabled, and
     * says so. The main window never works on a schema that is still being compared or repaired.
     */
    private void afterSchemaCheck(AppContext ctx, Stage dialog, I18n i18n, Runnable then) {
        if (ctx.database().schemaChecked()) {
            then.run();
            return;
        }
        dialog.getScene().getRoot().setDisable(true);
        dialog.setTitle(i18n.get("shell.schemaCheck.waiting"));
        executor.submit(p -> ctx.database().schemaReport(), report -> then.run(), failure -> then.run());
    }

    /** Signs out (audited) and asks for a sign-in again; the open tabs are closed first. */
    private void signOut(Stage stage, AppContext ctx, I18n i18n, Image logo, DatabaseConfig config) {
        if (!window.tabs().allowClosingAll()) {
            return;
        }
        String login = ctx.session().user().map(User::login).orElse(null);
        if (reminders != null) {
            reminders.stop();
            reminders = null;
        }
        stage.getScene().getRoot().setDisable(true);
        executor.submit(p -> {
            ctx.auth().signOut();
            return Boolean.TRUE;
        }, done -> handOverToSignIn(stage, () -> showSignIn(stage, ctx, false, login, i18n, logo, config)),
                failure -> handOverToSignIn(stage, () -> showSignIn(stage, ctx, false, login, i18n, logo, config)));
    }

    /**
     * Shows the sign-in window and only then hides the main one: JavaFX ends the application when its last
     * window is hidden, so the main window stays up (disabled) until the sign-in window is showing.
     */
    private static void handOverToSignIn(Stage main, Runnable showSignIn) {
        showSignIn.run();
        main.hide();
        if (main.getScene() != null) {
            main.getScene().getRoot().setDisable(false);
        }
    }

    /**
     * View → Language: the whole window is built again in that language for the same signed-in person
     * (open tabs are closed first, asking about unsaved edits); false when a tab keeps the window open.
     */
    private boolean switchLanguage(Stage stage, AppContext ctx, Locale newLocale, Image logo, DatabaseConfig config) {
        if (!window.tabs().allowClosingAll()) {
            return true; // the person chose to stay: nothing to say
        }
        if (reminders != null) {
            reminders.stop();
            reminders = null;
        }
        Locale.setDefault(newLocale);
        this.locale = newLocale;
        prefs.setWindow(stage.getWidth(), stage.getHeight(), stage.isMaximized());
        showMain(stage, ctx, features(ctx), new I18n(newLocale), logo, config);
        return true;
    }

    private void showMain(Stage stage, AppContext ctx, FeatureScreens features, I18n i18n, Image logo,
                          DatabaseConfig config) {
        MainWindow window = new MainWindow(ctx, ctx.globalSearch()::search, features.screens(), executor, i18n,
                prefs, logo);
        this.window = window;
        ctx.session().user().ifPresent(u -> window.statusBar().setUser(i18n.format("user.status.signedIn",
                u.fullName())));
        window.menu().node().getMenus().add(new AccountMenu(ctx, window, executor, i18n,
                () -> signOut(stage, ctx, i18n, logo, config)).node());
        window.onLanguageChosen(l -> switchLanguage(stage, ctx, l, logo, config));
        features.installExports(window.services(), window.root());
        installConnectItem(stage, window, i18n, logo);
        window.statusBar().setDatabase(config.isH2() && config.url().startsWith("jdbc:h2:file:") && !config.url().contains("AUTO_SERVER")
                ? i18n.get("shell.status.database.embedded") : config.url());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double[] size = prefs.fittedSize(1280, 800, screen.getWidth() - 16, screen.getHeight() - 40, 900, 600); // room for the frame
        Scene scene = window.createScene(size[0], size[1]);
        stage.setTitle(i18n.get("shell.app.name"));
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        if (stage.getX() + size[0] > screen.getMaxX() || stage.getY() + size[1] > screen.getMaxY()) {
            stage.setX(screen.getMinX()); // a position remembered on a larger screen: back onto this one
            stage.setY(screen.getMinY());
        }
        stage.setMaximized(prefs.maximized());
        stage.setOnCloseRequest(e -> {
            if (!window.tabs().allowClosingAll()) {
                e.consume();
            }
        });
        stage.show();
        mainStage = stage;
        window.start();
        reminders = features.startReminders(window.services(), window.statusBar());
    }

    /** File → Connect to database…, just above Exit. */
    private void installConnectItem(Stage stage, MainWindow window, I18n i18n, Image logo) {
        window.menu().node().getMenus().stream().filter(m -> "menu-file".equals(m.getId())).findFirst().ifPresent(file -> {
            MenuItem item = new MenuItem(i18n.get("connect.menu.connect"));
            item.setId("menu-connect");
            item.setOnAction(e -> showConnectDialog(stage, i18n, logo, stage, () -> { }));
            int exit = file.getItems().size() - 1; // the separator before Exit
            file.getItems().addAll(Math.max(0, exit - 1), List.of(item));
        });
    }

    private void showConnectDialog(Stage stage, I18n i18n, Image logo, Stage owner, Runnable onSwitched) {
        DatabaseSwitch databaseSwitch = new DatabaseSwitch() {
            @Override
            public AppContext open(ConnectionSpec spec) {
                AppContext ctx = AppContext.openForWindow(connections.config(spec));
                try {
                    ctx.ensureReferenceData(locale);
                    return ctx;
                } catch (RuntimeException e) {
                    ctx.close();
                    throw e;
                }
            }

            @Override
            public boolean switchTo(AppContext opened, ConnectionSpec spec) {
                boolean switched = switchDatabase(stage, opened, spec, i18n, logo);
                if (switched) {
                    onSwitched.run();
                }
                return switched;
            }
        };
        ConnectDialogViewModel vm = new ConnectDialogViewModel(connections, executor, i18n, databaseSwitch, currentSpec);
        ConnectDialog dialog = new ConnectDialog(vm, i18n, owner,
                List.of(css(Theme.BASE_CSS), css(prefs.theme().cssResource())));
        if (logo != null) {
            dialog.stage().getIcons().add(logo);
        }
        dialog.show();
    }

    /**
     * Moves the window to another database, as signing out does: the tabs close, the old database is
     * signed out of and closed in the background, and the sign-in asks for a user of the new one.
     */
    private boolean switchDatabase(Stage stage, AppContext opened, ConnectionSpec spec, I18n i18n, Image logo) {
        if (window != null && !window.tabs().allowClosingAll()) {
            return false;
        }
        if (reminders != null) {
            reminders.stop();
            reminders = null;
        }
        AppContext old = context;
        context = opened;
        currentSpec = spec;
        connectionPrefs.remember(spec);
        DatabaseConfig config = opened.database().config();
        if (stage.getScene() != null) {
            stage.getScene().getRoot().setDisable(true);
        }
        executor.submit(p -> {
            if (old != null) {
                try {
                    old.auth().signOut();
                } finally {
                    old.close();
                }
            }
            return opened.auth().needsAdminPassword();
        }, firstStart -> handOverToSignIn(stage, () -> showSignIn(stage, opened, firstStart, null, i18n, logo, config)),
                failure -> {
                    LOG.warn("closing the previous database failed", failure);
                    handOverToSignIn(stage, () -> showSignIn(stage, opened, false, null, i18n, logo, config));
                });
        return true;
    }

    @Override
    public void stop() {
        if (mainStage != null) {
            prefs.setWindow(mainStage.getWidth(), mainStage.getHeight(), mainStage.isMaximized());
        }
        if (reminders != null) {
            reminders.stop(); // its timer would go on polling a closed database
        }
        if (executor != null) {
            executor.close();
        }
        if (context != null) {
            context.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static String css(String resource) {
        return DeskCrmApp.class.getResource(resource).toExternalForm();
    }

    private static Image loadIcon() {
        try (InputStream in = DeskCrmApp.class.getResourceAsStream(ICON)) {
            return in == null ? null : new Image(in);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
