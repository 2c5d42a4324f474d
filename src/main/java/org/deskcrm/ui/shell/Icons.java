package org.deskcrm.ui.shell;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/** The window's few line-free glyphs, drawn on a 24×24 grid and coloured by CSS ({@code .icon}). */
public final class Icons {
    public static final String HOME = "M12 3l9 8h-2.5v9h-5v-6h-3v6h-5v-9H3z";
    public static final String CLIENTS = "M8 4a3 3 0 1 1 0 6 3 3 0 0 1 0-6z M2 19c0-3.2 2.7-5.5 6-5.5s6 2.3 6 5.5v1H2z"
            + " M16.5 6a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z"
            + " M16 13c3 0 5.5 1.7 5.5 4.6V20h-6v-1c0-2-.8-3.8-2.1-5 .8-.6 1.7-1 2.6-1z";
    public static final String DEALS = "M9 3h6a2 2 0 0 1 2 2v2h3a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V9"
            + "a2 2 0 0 1 2-2h3V5a2 2 0 0 1 2-2z M9 5v2h6V5z";
    public static final String CALLS = "M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z"
            + " M7 5v13h10V5z M11 19h2v1.5h-2z";
    public static final String TASKS = "M4 4h16v16H4z M6 6v12h12V6z M7.6 12l1.4-1.4 2.1 2.1 4.3-4.3 1.4 1.4-5.7 5.7z";
    public static final String REPORTS = "M3 20h18v1.5H3z M5 12h3v7H5z M10.5 6h3v13h-3z M16 9h3v10h-3z";
    public static final String CONTROL = "M5 3h1.8v18H5z M8 4h11l-2.8 4.5L19 13H8z";
    public static final String SETTINGS = "M3 6h11v2H3z M18 6h3v2h-3z M14 4h4v6h-4z M3 16h3v2H3z M10 16h11v2H10z"
            + " M6 14h4v6H6z";
    public static final String SEARCH = "M10 3a7 7 0 1 1 0 14 7 7 0 0 1 0-14z M10 5a5 5 0 1 0 0 10 5 5 0 0 0 0-10z"
            + " M14.6 16l1.4-1.4 5.2 5.2-1.4 1.4z";
    public static final String BELL = "M12 3c3.3 0 6 2.7 6 6v4l2 3v1.5H4V16l2-3V9c0-3.3 2.7-6 6-6z"
            + " M9.5 19.5h5a2.5 2.5 0 0 1-5 0z";
    public static final String PLUS = "M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7z";
    public static final String DATABASE = "M12 2c4.4 0 8 1.3 8 3v14c0 1.7-3.6 3-8 3s-8-1.3-8-3V5c0-1.7 3.6-3 8-3z"
            + " M6 5.2c.8.6 3 1.3 6 1.3s5.2-.7 6-1.3c-.8-.6-3-1.2-6-1.2s-5.2.6-6 1.2z";
    public static final String SPARK = "M12 2l2.4 7.6L22 12l-7.6 2.4L12 22l-2.4-7.6L2 12l7.6-2.4z";

    private Icons() {
    }

    /** A glyph of {@code size} pixels; style class {@code icon} plus the given extra classes. */
    public static Node of(String path, double size, String... styleClasses) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.setFillRule(FillRule.EVEN_ODD);
        p.getStyleClass().add("icon");
        p.getStyleClass().addAll(styleClasses);
        double scale = size / 24.0;
        p.setScaleX(scale);
        p.setScaleY(scale);
        StackPane box = new StackPane(new Group(p));
        box.getStyleClass().add("icon-box");
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(size, size);
        box.setMouseTransparent(true);
        return box;
    }
}
