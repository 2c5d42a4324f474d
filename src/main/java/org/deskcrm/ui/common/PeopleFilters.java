package org.deskcrm.ui.common;

import javafx.scene.Node;

/**
 * Filters that choose among people or teams ("All managers", "All teams"). A screen marks them; the
 * window hides them for someone who sees only own records (a manager), since such a filter could only
 * offer the person himself.
 */
public final class PeopleFilters {
    public static final String STYLE_CLASS = "people-filter";

    private PeopleFilters() {
    }

    /** Marks a filter control (or the box with its label) as choosing among people or teams. */
    public static <T extends Node> T mark(T node) {
        node.getStyleClass().add(STYLE_CLASS);
        return node;
    }

    /** Hides and unmanages every marked node under {@code root} (and {@code root} itself when marked). */
    public static void hideIn(Node root) {
        if (root == null) {
            return;
        }
        for (Node n : root.lookupAll("." + STYLE_CLASS)) {
            n.setVisible(false);
            n.setManaged(false);
        }
    }
}
