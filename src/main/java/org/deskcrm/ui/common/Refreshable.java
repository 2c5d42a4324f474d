package org.deskcrm.ui.common;

import javafx.scene.Node;

/**
 * Tab content that can reload its data (F5 in the main window). A view either implements this on its
 * root node, or puts an instance into its root node's properties under {@link #KEY}.
 */
@FunctionalInterface
public interface Refreshable {
    String KEY = "deskcrm.refreshable";

    void refresh();

    /** Attaches a refresh action to a node that does not implement this interface itself. */
    static void attach(Node node, Refreshable action) {
        node.getProperties().put(KEY, action);
    }

    /** The refresh action of a tab's content, if it has one. */
    static java.util.Optional<Refreshable> of(Node node) {
        if (node instanceof Refreshable r) {
            return java.util.Optional.of(r);
        }
        Object attached = node == null ? null : node.getProperties().get(KEY);
        return attached instanceof Refreshable r ? java.util.Optional.of(r) : java.util.Optional.empty();
    }
}
