package org.deskcrm.ui.common;

import javafx.scene.Node;

/**
 * Tab content that may refuse to close, e.g. a card with unsaved changes that asks the user first.
 * A view attaches its guard to its root node; the window consults it before closing the tab.
 */
@FunctionalInterface
public interface CloseGuard {
    String KEY = "deskcrm.closeGuard";

    /** True when the content may close now (it may ask the user). */
    boolean canClose();

    static void attach(Node node, CloseGuard guard) {
        node.getProperties().put(KEY, guard);
    }

    /** True when the node has no guard or its guard allows closing. */
    static boolean allowsClosing(Node node) {
        Object guard = node == null ? null : node.getProperties().get(KEY);
        return !(guard instanceof CloseGuard g) || g.canClose();
    }
}
