package org.deskcrm.ui.shell;

import org.deskcrm.ui.common.FxDebouncer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.deskcrm.AppContext;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.service.demo.DemoResult;
import org.deskcrm.service.demo.DemoSize;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The one main window: sidebar on the left, tabs in the centre, menu, toolbar with the global search
 * on top, status bar below. It is the {@link Workspace} every feature screen opens tabs through.
 */
public final class MainWindow implements Workspace {
    public static final String WELCOME_TAB = "welcome";
    /** Demo data is generated from a fixed seed, so every first start sees the same company. */
    static final long DEMO_SEED = 20_240_601L;

    private final AppContext app;
    private final Screens screens;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ShellPreferences prefs;
    private final BorderPane root = new BorderPane();
    private final WorkspaceTabs tabs;
    private final StatusBar statusBar;
    private final Sidebar sidebar;
    private final GlobalSearchView search;
    private final ShellMenu menu;
    private java.util.function.Predicate<java.util.Locale> languageSwitch;
    private final FxDialogService dialogs;
    private final ShellServices services;
    private Theme theme;
    private int newClientCounter;

    public MainWindow(AppContext app, GlobalSearchViewModel.Backend searchBackend, Screens screens,
                      TaskExecutor executor, I18n i18n, ShellPreferences prefs, Image logo) {
        this.app = app;
        this.screens = screens;
        this.executor = executor;
        this.i18n = i18n;
        this.prefs = prefs;
        this.theme = prefs.theme();
        this.dialogs = new FxDialogService(i18n, this::window);
        this.statusBar = new StatusBar(i18n, executor);
        if (executor instanceof FxTaskExecutor fx) {
            fx.setProgressSink(statusBar);
        }
        this.services = new ShellServices(app, this, executor, i18n, dialogs, statusBar);
        this.tabs = new WorkspaceTabs(this::errorContent);
        boolean ownRecordsOnly = app.session().user().map(u -> u.role() == org.deskcrm.model.user.Role.MANAGER).orElse(false);
        tabs.adjustContent(content -> {
            org.deskcrm.ui.common.HeaderWidths.fitIn(content);
            if (ownRecordsOnly) {
                org.deskcrm.ui.common.PeopleFilters.hideIn(content); // a manager sees only own records
            }
        });
        tabs.useTabMenu(i18n.get("shell.tab.close"), i18n.get("shell.tab.closeOthers"), i18n.get("shell.tab.closeAll"));
        this.sidebar = new Sidebar(i18n, logo, this::openSection, this::shows);
        GlobalSearchViewModel searchVm = new GlobalSearchViewModel(searchBackend, executor,
                new FxDebouncer(Duration.millis(150)), this::openClient, i18n);
        this.search = new GlobalSearchView(searchVm, i18n);
        searchVm.setOnNothingFound(q -> new NothingFoundOffer(app, executor, i18n, dialogs, this).offer(q));
        this.menu = new ShellMenu(this, i18n, prefs);

        root.setId("mainWindow");
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(menu.node(), toolbar()));
        root.setLeft(sidebar.node());
        root.setCenter(tabs.node());
        root.setBottom(statusBar.node());
        tabs.node().getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> syncSidebar(tab));
    }

    private HBox toolbar() {
        Button create = new Button(i18n.get("shell.toolbar.newClient"), Icons.of(Icons.PLUS, 14));
        create.setId("newClientButton");
        create.getStyleClass().addAll("toolbar-primary");
        create.setOnAction(e -> newClient());
        Label hint = new Label(i18n.get("shell.toolbar.searchHint"));
        hint.getStyleClass().add("toolbar-hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        search.node().setMaxWidth(560);
        HBox bar = new HBox(create, search.node(), hint, spacer);
        bar.getStyleClass().add("app-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The window's scene, themed and with the keyboard shortcuts installed. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        applyTheme(theme, false);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, menu.shortcuts());
        org.deskcrm.ui.common.CutTextTooltips.install(scene);
        return scene;
    }

    /** After the window is shown: the first-start screen on an empty database, else the home dashboard. */
    public void start() {
        executor.submit(p -> app.clients().count(ClientFilter.ALL.withArchived(true)), count -> {
            if (count == 0) {
                showWelcome();
            } else {
                openSection(NavItem.HOME);
            }
        }, e -> statusBar.message(i18n.message(e)));
    }

    public Parent root() {
        return root;
    }

    public WorkspaceTabs tabs() {
        return tabs;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public GlobalSearchView search() {
        return search;
    }

    public ShellServices services() {
        return services;
    }

    public ShellMenu menu() {
        return menu;
    }

    public Theme theme() {
        return theme;
    }

    I18n i18n() {
        return i18n;
    }

    FxDialogService dialogs() {
        return dialogs;
    }

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ------------------------------------------------------------------ Workspace

    @Override
    public void openTab(String key, String title, Supplier<Node> content) {
        tabs.open(key, title, content);
    }

    @Override
    public void retitleTab(String key, String title) {
        tabs.retitle(key, title);
    }

    @Override
    public void rekeyTab(String oldKey, String newKey) {
        tabs.rekey(oldKey, newKey);
    }

    @Override
    public void closeTab(String key) {
        tabs.close(key);
    }

    /**
     * What rebuilds the window in another language (set by the application); without it the choice
     * applies at the next start.
     */
    public void onLanguageChosen(java.util.function.Predicate<java.util.Locale> rebuild) {
        this.languageSwitch = rebuild;
    }

    /** Rebuilds the window in that language now; false when it cannot (the choice then applies at the next start). */
    boolean switchLanguage(java.util.Locale locale) {
        return languageSwitch != null && languageSwitch.test(locale);
    }

    @Override
    public void status(String text) {
        statusBar.message(text);
    }

    @Override
    public void openClient(long clientId) {
        String key = "client:" + clientId;
        String provisional = i18n.format("shell.tab.client", clientId);
        boolean isNew = tabs.tab(key).isEmpty();
        tabs.open(key, provisional, () -> screens.clientCard()
                .map(f -> f.create(services, clientId))
                .orElseGet(() -> placeholderCard(clientId)));
        if (isNew) {
            executor.submit(p -> app.clients().load(clientId).client().name(), name -> tabs.tab(key)
                    .filter(t -> provisional.equals(t.getText()))
                    .ifPresent(t -> t.setText(name)), e -> statusBar.message(i18n.message(e)));
        }
    }

    @Override
    public void newClient() {
        String key = "client:new:" + (++newClientCounter);
        tabs.open(key, i18n.get("shell.tab.newClient"), () -> screens.newClientCard()
                .map(f -> f.create(services, key))
                .orElseGet(() -> EmptyState.of(Icons.CLIENTS, i18n.get("shell.tab.newClient"),
                        i18n.get("shell.placeholder.newClient.text"))));
    }

    // ------------------------------------------------------------------ sections and screens

    /** Whether this window offers the section to the signed-in person (see {@link Screens#shownWhen}). */
    public boolean shows(NavItem item) {
        return screens.shows(item, services);
    }

    public void openSection(NavItem item) {
        if (!shows(item)) {
            return;
        }
        tabs.open(item.tabKey(), i18n.get(item.titleKey()), () -> screens.section(item)
                .map(f -> f.create(services))
                .orElseGet(() -> EmptyState.of(item.icon(), i18n.get(item.titleKey()), i18n.get(item.hintKey()))));
        sidebar.highlight(item);
    }

    private void syncSidebar(Tab tab) {
        NavItem current = null;
        if (tab != null) {
            for (NavItem item : NavItem.values()) {
                if (item.tabKey().equals(tab.getUserData())) {
                    current = item;
                }
            }
        }
        sidebar.highlight(current);
    }

    private Node placeholderCard(long clientId) {
        VBox box = EmptyState.of(Icons.CLIENTS, i18n.format("shell.tab.client", clientId),
                i18n.get("shell.placeholder.client.text"));
        Label heading = (Label) box.lookup(".empty-title");
        executor.submit(p -> app.clients().load(clientId).client().name(), heading::setText, e -> { });
        return box;
    }

    private Node errorContent(Throwable error) {
        return EmptyState.of(Icons.CONTROL, i18n.get("shell.tab.error.title"), i18n.message(error));
    }

    // ------------------------------------------------------------------ first start

    public void showWelcome() {
        tabs.open(WELCOME_TAB, i18n.get("shell.welcome.tab"), () -> new WelcomeView(i18n, this::generateDemoData,
                this::startEmpty).node());
    }

    private void startEmpty() {
        tabs.close(WELCOME_TAB);
        openSection(NavItem.CLIENTS);
    }

    private void generateDemoData(WelcomeView view) {
        String[] demoLogin = {""};
        view.setBusy(true);
        statusBar.run(i18n.get("shell.welcome.demo.job"),
                p -> {
                    DemoResult r = app.demoData().generate(DemoSize.SMALL, i18n.locale(), DEMO_SEED, p);
                    app.auth().assignDemoPasswords(); // the demo's people sign in with the documented password
                    demoLogin[0] = app.auth().demoLogin();
                    return r;
                },
                (DemoResult result) -> {
                    long clients = result.rows().getOrDefault("client", 0L);
                    statusBar.message(i18n.format("shell.welcome.demo.done", clients,
                            result.elapsed().toMillis() / 1000.0) + " " + i18n.format("user.demo.passwords",
                            org.deskcrm.service.user.AuthService.DEMO_PASSWORD, demoLogin[0]));
                    tabs.close(WELCOME_TAB);
                    tabs.close(NavItem.CLIENTS.tabKey()); // a list opened before the data arrived is stale
                    openSection(NavItem.CLIENTS);
                },
                failure -> {
                    view.setBusy(false);
                    if (!(failure instanceof CancellationException)) {
                        dialogs.error(i18n.get("shell.welcome.demo.failed"), i18n.message(failure));
                    }
                });
    }

    // ------------------------------------------------------------------ themes

    public void applyTheme(Theme newTheme) {
        applyTheme(newTheme, true);
    }

    private void applyTheme(Theme newTheme, boolean persist) {
        this.theme = Objects.requireNonNull(newTheme);
        Scene scene = root.getScene();
        if (scene != null) {
            scene.getStylesheets().setAll(stylesheet(Theme.BASE_CSS), stylesheet(newTheme.cssResource()));
        }
        if (persist) {
            prefs.setTheme(newTheme);
        }
        menu.themeChanged(newTheme);
    }

    private static String stylesheet(String resource) {
        return Optional.ofNullable(MainWindow.class.getResource(resource))
                .orElseThrow(() -> new IllegalStateException("missing stylesheet " + resource))
                .toExternalForm();
    }

    void focusSearch() {
        search.focus();
    }
}
