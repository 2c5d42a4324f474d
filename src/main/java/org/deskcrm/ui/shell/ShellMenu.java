package org.deskcrm.ui.shell;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.deskcrm.ui.common.I18n;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The menu bar and the keyboard shortcuts of the main window (one place for both). */
public final class ShellMenu {
    static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FIND_ALT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CLOSE_TAB = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NEXT_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN);
    static final KeyCombination PREVIOUS_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    /** Languages offered in View → Language (the window is rebuilt in the chosen one at once). */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

    private final MainWindow window;
    private final I18n i18n;
    private final ShellPreferences prefs;
    private final MenuBar bar = new MenuBar();
    private final Shortcuts shortcuts = new Shortcuts();
    private final Map<Theme, RadioMenuItem> themeItems = new EnumMap<>(Theme.class);

    ShellMenu(MainWindow window, I18n i18n, ShellPreferences prefs) {
        this.window = window;
        this.i18n = i18n;
        this.prefs = prefs;
        bar.setId("menuBar");
        bar.getMenus().addAll(fileMenu(), goMenu(), viewMenu(), helpMenu());
        shortcuts.on(NEW, window::newClient)
                .on(FIND, window::focusSearch)
                .on(FIND_ALT, window::focusSearch)
                .on(CLOSE_TAB, () -> window.tabs().closeSelected())
                .on(NEXT_TAB, () -> window.tabs().selectNext())
                .on(PREVIOUS_TAB, () -> window.tabs().selectPrevious())
                .on(REFRESH, this::refresh);
    }

    public MenuBar node() {
        return bar;
    }

    public Shortcuts shortcuts() {
        return shortcuts;
    }

    public RadioMenuItem themeItem(Theme theme) {
        return themeItems.get(theme);
    }

    void themeChanged(Theme theme) {
        RadioMenuItem item = themeItems.get(theme);
        if (item != null) {
            item.setSelected(true);
        }
    }

    private MenuItem item(String key, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId("menu-" + key.replaceFirst("^shell\\.menu\\.", "").replace('.', '-'));
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private Menu fileMenu() {
        Menu m = new Menu(i18n.get("shell.menu.file"));
        m.setId("menu-file");
        m.getItems().addAll(
                item("shell.menu.file.newClient", NEW, window::newClient),
                new SeparatorMenuItem(),
                item("shell.menu.file.closeTab", CLOSE_TAB, () -> window.tabs().closeSelected()),
                new SeparatorMenuItem(),
                item("trust.menu.backup", null, () -> backupActions().backup()),
                item("trust.menu.restore", null, () -> backupActions().restore()),
                new SeparatorMenuItem(),
                item("shell.menu.file.exit", QUIT, this::exit));
        // backup and restore are administrator rights (ADR 0011); the signed-in user can change
        m.setOnShowing(e -> m.getItems().stream().filter(i -> i.getId() != null && i.getId().startsWith("menu-trust-menu-"))
                .forEach(i -> i.setDisable(!window.services().app().session().isAdmin())));
        return m;
    }

    private org.deskcrm.ui.trust.BackupActions backupActions() {
        ShellServices s = window.services();
        return new org.deskcrm.ui.trust.BackupActions(s.app().backup(), s.jobs(), s.executor(), s.dialogs(), window,
                i18n, window::window);
    }

    private Menu goMenu() {
        Menu m = new Menu(i18n.get("shell.menu.go"));
        m.setId("menu-go");
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        int i = 0;
        for (NavItem nav : NavItem.values()) {
            KeyCombination keys = new KeyCodeCombination(digits[i++], KeyCombination.SHORTCUT_DOWN);
            if (!window.shows(nav)) {
                continue;
            }
            shortcuts.on(keys, () -> window.openSection(nav));
            m.getItems().add(item(nav.titleKey(), keys, () -> window.openSection(nav)));
        }
        m.getItems().addAll(new SeparatorMenuItem(),
                item("shell.menu.go.search", FIND_ALT, window::focusSearch),
                item("shell.menu.go.nextTab", NEXT_TAB, () -> window.tabs().selectNext()),
                item("shell.menu.go.previousTab", PREVIOUS_TAB, () -> window.tabs().selectPrevious()));
        return m;
    }

    private Menu viewMenu() {
        Menu m = new Menu(i18n.get("shell.menu.view"));
        m.setId("menu-view");
        ToggleGroup themeGroup = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(i18n.get(t.titleKey()));
            item.setId("menu-theme-" + t.code());
            item.setToggleGroup(themeGroup);
            item.setSelected(t == window.theme());
            item.setOnAction(e -> window.applyTheme(t));
            themeItems.put(t, item);
            m.getItems().add(item);
        }
        Menu languages = new Menu(i18n.get("shell.menu.view.language"));
        ToggleGroup languageGroup = new ToggleGroup();
        for (Locale l : LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(l.getDisplayLanguage(l).substring(0, 1).toUpperCase(l)
                    + l.getDisplayLanguage(l).substring(1));
            item.setId("menu-language-" + l.getLanguage());
            item.setToggleGroup(languageGroup);
            item.setSelected(l.getLanguage().equals(i18n.locale().getLanguage()));
            item.setOnAction(e -> {
                prefs.setLanguage(l.getLanguage());
                if (l.getLanguage().equals(i18n.locale().getLanguage())) {
                    return;
                }
                if (!window.switchLanguage(l)) {
                    window.status(i18n.get("shell.status.languageAfterRestart"));
                }
            });
            languages.getItems().add(item);
        }
        m.getItems().addAll(new SeparatorMenuItem(), languages, new SeparatorMenuItem(),
                item("shell.menu.view.refresh", REFRESH, this::refresh));
        return m;
    }

    private Menu helpMenu() {
        Menu m = new Menu(i18n.get("shell.menu.help"));
        m.setId("menu-help");
        m.getItems().addAll(
                item("shell.menu.help.shortcuts", null, () -> window.dialogs()
                        .table(i18n.get("shell.menu.help.shortcuts"), i18n.get("shell.help.shortcuts.text"))
                        .showAndWait()),
                item("shell.menu.help.about", null, () -> window.dialogs()
                        .info(i18n.get("shell.menu.help.about"), i18n.format("shell.help.about.text", version()))));
        return m;
    }

    private String version() {
        String v = ShellMenu.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private void refresh() {
        if (!window.tabs().refreshSelected()) {
            window.status(i18n.get("shell.status.nothingToRefresh"));
        }
    }

    private void exit() {
        if (window.window() instanceof Stage stage && window.tabs().allowClosingAll()) {
            stage.close();
        }
    }
}
