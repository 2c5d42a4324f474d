package org.deskcrm;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import org.deskcrm.ui.common.I18n;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a window shows, for the whole-window tests: every visible text (labels, buttons, cells, column
 * headers, tab titles, menus), raw message keys and leftover placeholders among them, and whether a label's
 * text is shown whole or cut.
 */
final class WindowTexts {
    /** A dotted lower-case word ("calls.target", "abc.A"), not part of an e-mail, address or number. */
    private static final Pattern DOTTED = Pattern.compile("(?<![\\w.@/:-])[a-z][a-zA-Z_]*(?:\\.[a-zA-Z_]+)+(?![\\w@/-])");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    private final Set<String> keys = new HashSet<>();
    private final Set<String> families = new HashSet<>();

    WindowTexts() {
        for (String name : I18n.BUNDLES) {
            for (Locale l : List.of(Locale.ROOT, Locale.forLanguageTag("ru"))) {
                try {
                    ResourceBundle b = ResourceBundle.getBundle("org.deskcrm.i18n.ui." + name, l);
                    for (String k : b.keySet()) {
                        keys.add(k);
                        families.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')));
                    }
                } catch (java.util.MissingResourceException ignored) {
                    // a feature without strings
                }
            }
        }
    }

    /**
     * The texts among {@code texts} that are a message key or the end of one ("calls.target" of
     * "report.plan.calls.target"), start with a key's first word ("client.xyz"), or hold a "{0}".
     */
    List<String> rawKeys(List<String> texts) {
        List<String> bad = new ArrayList<>();
        for (String t : texts) {
            if (PLACEHOLDER.matcher(t).find()) {
                bad.add(t);
                continue;
            }
            Matcher m = DOTTED.matcher(t);
            while (m.find()) {
                String token = m.group();
                String family = token.substring(0, token.indexOf('.'));
                if (keys.contains(token) || families.contains(family)
                        || keys.stream().anyMatch(k -> k.endsWith("." + token))) {
                    bad.add(t);
                    break;
                }
            }
        }
        return bad;
    }

    /** Every text the user can see under {@code root}: labeled controls, cells and headers, tab titles; not hidden parts. */
    static List<String> visibleTexts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getText());
        }
        if (node instanceof TabPane pane) {
            pane.getTabs().stream().map(Tab::getText).filter(t -> t != null).forEach(out::add);
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> menuTexts(m, out));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static void menuTexts(MenuItem item, List<String> out) {
        if (item.getText() != null) {
            out.add(item.getText());
        }
        if (item instanceof Menu m) {
            m.getItems().forEach(i -> menuTexts(i, out));
        }
    }

    /** True when the node and all its ancestors are visible. */
    static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** The text the label's skin draws (null when it draws none). */
    static String drawn(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Text && n.getStyleClass().contains("text") && n.isVisible())
                .map(n -> ((Text) n).getText()).findFirst().orElse(null);
    }

    /** True when the label shows less than its whole text (an ellipsis, or nothing of it). */
    static boolean cut(Labeled labeled) {
        String full = labeled.getText();
        return full != null && !full.isBlank() && !full.equals(drawn(labeled));
    }

    /** True when the centre of {@code node} lies inside {@code area} (so the mouse can point at it). */
    static boolean centreInside(Node node, Node area) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        Bounds a = area.localToScene(area.getBoundsInLocal());
        double x = b.getCenterX();
        double y = b.getCenterY();
        return x > a.getMinX() && x < a.getMaxX() && y > a.getMinY() && y < a.getMaxY();
    }
}
