package org.deskcrm.ui.settings;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Settings tab: the list of admin pages on the left, the chosen page on the right (built on first show). */
public final class SettingsView extends BorderPane {
    private final Map<String, Node> built = new HashMap<>();
    private final StackPane content = new StackPane();
    private final ListView<SettingsPage> list = new ListView<>();

    public SettingsView(List<SettingsPage> pages, String emptyText) {
        getStyleClass().add("settings-view");
        list.setId("settings-pages");
        list.getItems().setAll(pages);
        list.setPrefWidth(210);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, page) -> show(page));
        content.getChildren().setAll(new Label(emptyText));
        setLeft(list);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        setCenter(scroll);
        if (!pages.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    /** Shows the page with that key (no-op when there is none). */
    public void select(String key) {
        list.getItems().stream().filter(p -> p.key().equals(key)).findFirst()
                .ifPresent(p -> list.getSelectionModel().select(p));
    }

    private void show(SettingsPage page) {
        if (page == null) {
            return;
        }
        Node node = built.computeIfAbsent(page.key(), k -> page.content().get());
        content.getChildren().setAll(node);
    }
}
