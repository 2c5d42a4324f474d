package org.deskcrm;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.shell.MainWindow;
import org.deskcrm.ui.shell.ShellPreferences;
import org.deskcrm.ui.shell.SplashView;
import org.deskcrm.ui.shell.Theme;
import org.deskcrm.ui.task.ReminderNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.util.Locale;

/** The JavaFX application: opens the database off the FX thread and shows the main window. */
public class DeskCrmApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DeskCrmApp.class);
    static final String ICON = "/org/deskcrm/ui/shell/icon.png";

    private final ShellPreferences prefs = ShellPreferences.forCurrentUser();
    private FxTaskExecutor executor;
    private volatile AppContext context;
    private Stage mainStage;
    private ReminderNotifier reminders;

    public static void main(String[] args) {
        launch(DeskCrmApp.class, args);
    }

    /** The feature screens of the window, acting for {@code userId}; links open in the desktop's apps. */
    FeatureScreens features(long userId) {
        return new FeatureScreens(() -> userId, uri -> getHostServices().showDocument(uri));
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
            config = options.database();
        } catch (IllegalArgumentException e) {
            splash.showError(i18n.get("shell.splash.badUrl"), options.dbUrl());
            return;
        }
        executor.submit(p -> {
            AppContext ctx = AppContext.open(config);
            try {
                return new Opened(ctx, ctx.ensureReferenceData(locale));
            } catch (RuntimeException e) {
                ctx.close();
                throw e;
            }
        }, opened -> {
            context = opened.ctx();
            showMain(stage, opened.ctx(), features(opened.userId()), i18n, logo, config);
            splashStage.close();
        }, failure -> {
            LOG.error("could not open the database {}", config, failure);
            splash.showError(i18n.format("shell.splash.failed", config.url()), rootMessage(failure));
        });
    }

    /** The database, opened and upgraded, and the user the window acts as. */
    private record Opened(AppContext ctx, long userId) {
    }

    private void showMain(Stage stage, AppContext ctx, FeatureScreens features, I18n i18n, Image logo,
                          DatabaseConfig config) {
        MainWindow window = new MainWindow(ctx, ctx.globalSearch()::search, features.screens(), executor, i18n,
                prefs, logo);
        features.installExports(window.services(), window.root());
        window.statusBar().setDatabase(config.isH2() && config.url().startsWith("jdbc:h2:file:")
                ? i18n.get("shell.status.database.embedded") : config.url());
        Scene scene = window.createScene(prefs.width(1280), prefs.height(800));
        stage.setTitle(i18n.get("shell.app.name"));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setMaximized(prefs.maximized());
        stage.setOnCloseRequest(e -> {
            if (!window.tabs().allowClosingAll()) {
                e.consume();
            }
        });
        stage.show();
        mainStage = stage;
        window.start();
        reminders = features.startReminders(window.services());
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
