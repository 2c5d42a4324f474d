package org.deskcrm.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;

/**
 * The whole text of whatever the window shows cut (with an ellipsis) as a tooltip: table and tree cells,
 * column headers, labels, buttons and tab titles. One mechanism for the whole scene: when the mouse moves
 * over a {@link Labeled} (or a column header, whose title is a label inside it), the text it shows is
 * compared with its full text; a cut text gets a tooltip with the full one, a text that fits loses the
 * tooltip again. A tooltip that the screen set itself is never replaced.
 */
public final class CutTextTooltips {
    /** Marks the tooltips this mechanism made (the only ones it replaces or removes). */
    private static final String MARK = "deskcrm.cutTextTooltip";
    /** How far up from the node under the mouse a {@link Labeled} is looked for (a cell's text, a button's graphic). */
    private static final int DEPTH = 6;

    private CutTextTooltips() {
    }

    /** Installs the mechanism on every node of the scene, present and future. */
    public static void install(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            Node picked = e.getPickResult() == null ? null : e.getPickResult().getIntersectedNode();
            Labeled labeled = labeledAt(picked);
            if (labeled != null) {
                update(labeled);
            }
        });
    }

    /** The labeled control the node belongs to: itself, an ancestor, or the title label of a column header. */
    static Labeled labeledAt(Node node) {
        Node n = node;
        for (int i = 0; n != null && i < DEPTH; i++, n = n.getParent()) {
            if (n instanceof Labeled l) {
                return l;
            }
            if (n.getStyleClass().contains("column-header") && n instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    if (child instanceof Labeled l) {
                        return l;
                    }
                }
            }
        }
        return null;
    }

    /** Gives {@code labeled} a tooltip with its full text when the text it shows is cut; removes it when not. */
    public static void update(Labeled labeled) {
        Tooltip current = labeled.getTooltip();
        if (current != null && !current.getProperties().containsKey(MARK)) {
            return; // the screen's own tooltip
        }
        String full = labeled.getText();
        if (isCut(labeled)) {
            if (current == null || !full.equals(current.getText())) {
                Tooltip tip = new Tooltip(full);
                tip.getProperties().put(MARK, Boolean.TRUE);
                tip.setWrapText(true);
                tip.setMaxWidth(600);
                labeled.setTooltip(tip);
            }
        } else if (current != null) {
            labeled.setTooltip(null);
        }
    }

    /** True when the text {@code labeled} shows is not its whole text (cut with an ellipsis, or clipped). */
    public static boolean isCut(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isBlank()) {
            return false;
        }
        String shown = shownText(labeled);
        return shown == null || !shown.equals(full);
    }

    /** The text the skin displays (after cutting), or null when nothing of it is shown. */
    public static String shownText(Labeled labeled) {
        if (labeled.getSkin() == null) {
            return null;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text.isVisible() ? text.getText() : null;
            }
        }
        return null;
    }
}
