package org.deskcrm.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.deskcrm.ui.common.CloseGuard;
import org.deskcrm.ui.common.Refreshable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The centre of the window: closable tabs identified by a key; opening an open key selects its tab. */
public final class WorkspaceTabs {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceTabs.class);

    private final TabPane pane = new TabPane();
    private final Map<String, Tab> byKey = new LinkedHashMap<>();
    private final Function<Throwable, Node> errorContent;
    private String[] menuTexts;
    private java.util.function.Consumer<Node> adjustContent = n -> { };

    /** {@code errorContent} builds what a tab shows when its screen could not be created. */
    public WorkspaceTabs(Function<Throwable, Node> errorContent) {
        this.errorContent = errorContent;
        pane.setId("workspaceTabs");
        pane.getStyleClass().add("workspace-tabs");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        pane.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
    }

    /**
     * Gives every tab a context menu with Close, Close others and Close all (in this order of texts); each
     * closes as the user would, so a tab with unsaved edits may stay.
     */
    public void useTabMenu(String close, String closeOthers, String closeAll) {
        this.menuTexts = new String[] {close, closeOthers, closeAll};
        pane.getTabs().forEach(this::addMenu);
    }

    private void addMenu(Tab tab) {
        if (menuTexts == null) {
            return;
        }
        javafx.scene.control.MenuItem close = new javafx.scene.control.MenuItem(menuTexts[0]);
        close.setOnAction(e -> closeTab(tab));
        javafx.scene.control.MenuItem others = new javafx.scene.control.MenuItem(menuTexts[1]);
        others.setOnAction(e -> closeAll(tab));
        javafx.scene.control.MenuItem all = new javafx.scene.control.MenuItem(menuTexts[2]);
        all.setOnAction(e -> closeAll(null));
        close.setId("tabMenuClose");
        others.setId("tabMenuCloseOthers");
        all.setId("tabMenuCloseAll");
        tab.setContextMenu(new javafx.scene.control.ContextMenu(close, others, all));
    }

    /** Closes every tab but {@code keep} (null: every tab); a tab whose guard refuses stays open. */
    public void closeAll(Tab keep) {
        for (Tab tab : List.copyOf(pane.getTabs())) {
            if (tab != keep && tab.isClosable()) {
                closeTab(tab);
            }
        }
    }

    /** Runs on the content of every tab opened from now on, before it is shown (e.g. hides what a role cannot use). */
    public void adjustContent(java.util.function.Consumer<Node> adjust) {
        this.adjustContent = adjust;
    }

    public TabPane node() {
        return pane;
    }

    /** Opens a new tab (created by {@code content}) or selects the open one with that key. */
    public Tab open(String key, String title, Supplier<Node> content) {
        Tab existing = byKey.get(key);
        if (existing != null) {
            pane.getSelectionModel().select(existing);
            return existing;
        }
        Node node;
        try {
            node = content.get();
            adjustContent.accept(node);
        } catch (RuntimeException e) {
            LOG.warn("could not create the screen of tab {}", key, e);
            node = errorContent.apply(e);
        }
        Tab tab = new Tab(title, node);
        tab.setId("tab-" + key.replaceAll("[^A-Za-z0-9_-]", "-"));
        tab.setUserData(key);
        tab.setOnClosed(e -> byKey.values().remove(tab));
        tab.setOnCloseRequest(e -> {
            if (!CloseGuard.allowsClosing(tab.getContent())) {
                e.consume();
            }
        });
        byKey.put(key, tab);
        addMenu(tab);
        pane.getTabs().add(tab);
        pane.getSelectionModel().select(tab);
        return tab;
    }

    /** See {@code Workspace.rekeyTab}. */
    public void rekey(String oldKey, String newKey) {
        Tab tab = byKey.get(oldKey);
        if (tab == null || byKey.containsKey(newKey)) {
            return;
        }
        byKey.remove(oldKey);
        byKey.put(newKey, tab);
        tab.setUserData(newKey);
        tab.setId("tab-" + newKey.replaceAll("[^A-Za-z0-9_-]", "-"));
    }

    public void retitle(String key, String title) {
        Tab tab = byKey.get(key);
        if (tab != null) {
            tab.setText(title);
        }
    }

    /** Closes a tab as the user would (its close handlers run and may veto). */
    public void close(String key) {
        Tab tab = byKey.get(key);
        if (tab != null) {
            closeTab(tab);
        }
    }

    private void closeTab(Tab tab) {
        javafx.event.Event request = new javafx.event.Event(tab, tab, Tab.TAB_CLOSE_REQUEST_EVENT);
        javafx.event.Event.fireEvent(tab, request);
        if (request.isConsumed()) {
            return;
        }
        pane.getTabs().remove(tab);
        javafx.event.Event.fireEvent(tab, new javafx.event.Event(Tab.CLOSED_EVENT));
    }

    public void closeSelected() {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        if (tab != null && tab.isClosable()) {
            closeTab(tab);
        }
    }

    public void selectNext() {
        int n = pane.getTabs().size();
        if (n > 1) {
            pane.getSelectionModel().select((pane.getSelectionModel().getSelectedIndex() + 1) % n);
        }
    }

    public void selectPrevious() {
        int n = pane.getTabs().size();
        if (n > 1) {
            pane.getSelectionModel().select((pane.getSelectionModel().getSelectedIndex() - 1 + n) % n);
        }
    }

    /** F5: reloads the selected tab when its screen supports it; false when it does not. */
    public boolean refreshSelected() {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        Optional<Refreshable> r = tab == null ? Optional.empty() : Refreshable.of(tab.getContent());
        r.ifPresent(Refreshable::refresh);
        return r.isPresent();
    }

    public Optional<String> selectedKey() {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        return tab == null ? Optional.empty() : Optional.of((String) tab.getUserData());
    }

    /** The keys of the open tabs in display order. */
    /**
     * True when every open tab agrees to close (each guard may ask the user, e.g. about unsaved
     * changes); the first refusal stops and selects that tab.
     */
    public boolean allowClosingAll() {
        for (Tab tab : List.copyOf(pane.getTabs())) {
            if (!CloseGuard.allowsClosing(tab.getContent())) {
                pane.getSelectionModel().select(tab);
                return false;
            }
        }
        return true;
    }

    public List<String> keys() {
        return pane.getTabs().stream().map(t -> (String) t.getUserData()).toList();
    }

    public Optional<Tab> tab(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
