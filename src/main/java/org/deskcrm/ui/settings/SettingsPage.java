package org.deskcrm.ui.settings;

import javafx.scene.Node;

import java.util.function.Supplier;

/**
 * One admin page of the Settings screen: a stable key (e.g. {@code "pipelines"}), its localized title
 * in the page list, and a factory for its content (called once, when the page is first shown).
 */
public record SettingsPage(String key, String title, Supplier<Node> content) {
    @Override
    public String toString() {
        return title;
    }
}
