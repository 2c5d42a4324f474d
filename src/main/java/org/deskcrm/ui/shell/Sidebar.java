package org.deskcrm.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.common.I18n;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** The navigation sidebar: one button per section; the section of the selected tab is highlighted. */
public final class Sidebar {
    private final VBox root = new VBox();
    private final ToggleGroup group = new ToggleGroup();
    private final Map<NavItem, ToggleButton> buttons = new EnumMap<>(NavItem.class);

    public Sidebar(I18n i18n, Image logo, Consumer<NavItem> onOpen) {
        this(i18n, logo, onOpen, item -> true);
    }

    /** A sidebar with a button for each section {@code shown} accepts. */
    public Sidebar(I18n i18n, Image logo, Consumer<NavItem> onOpen, java.util.function.Predicate<NavItem> shown) {
        root.getStyleClass().add("sidebar");
        root.setId("sidebar");
        Label brand = new Label(i18n.get("shell.app.name"));
        brand.getStyleClass().add("sidebar-brand");
        if (logo != null) {
            ImageView view = new ImageView(logo);
            view.setFitWidth(22);
            view.setFitHeight(22);
            view.setSmooth(true);
            brand.setGraphic(view);
        }
        HBox header = new HBox(brand);
        header.getStyleClass().add("sidebar-header");
        header.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().add(header);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        for (NavItem item : NavItem.values()) {
            if (item == NavItem.SETTINGS) {
                root.getChildren().add(spacer);
            }
            if (!shown.test(item)) {
                continue;
            }
            ToggleButton b = new ToggleButton(i18n.get(item.titleKey()), Icons.of(item.icon(), 18));
            b.setId("nav-" + item.code());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(i18n.get(item.hintKey())));
            b.setOnAction(e -> {
                b.setSelected(true);
                onOpen.accept(item);
            });
            buttons.put(item, b);
            root.getChildren().add(b);
        }
    }

    public VBox node() {
        return root;
    }

    /** Highlights the section whose tab is selected (none for record tabs). */
    public void highlight(NavItem item) {
        if (item == null) {
            group.selectToggle(null);
        } else {
            group.selectToggle(buttons.get(item));
        }
    }
}
