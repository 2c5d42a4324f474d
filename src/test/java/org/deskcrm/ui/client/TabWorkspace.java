package org.deskcrm.ui.client;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.deskcrm.ui.common.Workspace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A minimal main window for tests and previews: tabs keyed like the real shell's, and a status line. */
final class TabWorkspace implements Workspace {
    final TabPane tabs = new TabPane();
    final Label status = new Label();
    final BorderPane root = new BorderPane(tabs);
    private final Map<String, Tab> byKey = new LinkedHashMap<>();
    ClientScreens screens;

    TabWorkspace() {
        status.setId("status-line");
        root.setBottom(status);
    }

    @Override
    public void openTab(String key, String title, Supplier<Node> content) {
        Tab tab = byKey.get(key);
        if (tab == null) {
            tab = new Tab(title, content.get());
            tab.setId("tab-" + key.replace(':', '-'));
            Tab created = tab;
            tab.setOnCloseRequest(e -> {
                if (screens != null && !screens.canClose(key)) {
                    e.consume();
                }
            });
            tab.setOnClosed(e -> byKey.values().remove(created));
            byKey.put(key, tab);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(tab);
    }

    @Override
    public void retitleTab(String key, String title) {
        Tab tab = byKey.get(key);
        if (tab != null) {
            tab.setText(title);
        }
    }

    @Override
    public void closeTab(String key) {
        Tab tab = byKey.remove(key);
        if (tab != null) {
            tabs.getTabs().remove(tab);
        }
    }

    @Override
    public void rekeyTab(String oldKey, String newKey) {
        if (byKey.containsKey(oldKey) && !byKey.containsKey(newKey)) {
            byKey.put(newKey, byKey.remove(oldKey));
        }
    }

    @Override
    public void status(String text) {
        status.setText(text);
    }

    @Override
    public void openClient(long clientId) {
        screens.openClientCard(clientId);
    }

    @Override
    public void newClient() {
        screens.openNewClientCard();
    }

    Tab tab(String key) {
        return byKey.get(key);
    }

    Node selectedContent() {
        return tabs.getSelectionModel().getSelectedItem().getContent();
    }
}
