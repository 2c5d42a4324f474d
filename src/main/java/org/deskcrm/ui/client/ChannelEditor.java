package org.deskcrm.ui.client;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.ui.common.I18n;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The channels of the client or of one contact: a row per channel (kind, value, main flag, one-click
 * buttons, remove) and buttons to add a phone, email, WhatsApp or Telegram.
 */
final class ChannelEditor extends VBox {
    private final ClientCardViewModel vm;
    private final I18n i18n;
    private final ObservableList<ChannelRow> rows;
    /** The one-click buttons get a fixed width so that the value fields of all rows line up. */
    private static final double ACTIONS_WIDTH = 150;

    private final VBox list = new VBox(3);

    ChannelEditor(ClientCardViewModel vm, I18n i18n, ObservableList<ChannelRow> rows,
                  Function<ChannelKind, ChannelRow> add) {
        super(3);
        this.vm = vm;
        this.i18n = i18n;
        this.rows = rows;
        getStyleClass().add("channel-editor");
        HBox adders = new HBox(4);
        adders.getStyleClass().add("adders");
        for (ChannelKind k : ChannelKind.values()) {
            Button b = new Button("+ " + i18n.get("client.channel." + k.code()));
            b.getStyleClass().addAll("link-button", "add-channel-" + k.code());
            b.setOnAction(e -> focusLater(add.apply(k)));
            adders.getChildren().add(b);
        }
        rows.addListener((ListChangeListener<ChannelRow>) c -> rebuild());
        rebuild();
        getChildren().addAll(list, adders);
    }

    private void focusLater(ChannelRow row) {
        list.getChildren().stream().filter(n -> n.getUserData() == row).findFirst()
                .map(n -> n.lookup(".channel-value")).ifPresent(javafx.scene.Node::requestFocus);
    }

    private void rebuild() {
        list.getChildren().setAll(rows.stream().map(this::row).toList());
    }

    private VBox row(ChannelRow r) {
        ComboBox<ChannelKind> kind = new ComboBox<>();
        kind.getItems().setAll(ChannelKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChannelKind k) {
                return k == null ? "" : i18n.get("client.channel." + k.code());
            }

            @Override
            public ChannelKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(r.kindProperty());
        kind.getStyleClass().add("channel-kind");
        kind.setPrefWidth(110);
        TextField value = new TextField();
        value.getStyleClass().add("channel-value");
        value.textProperty().bindBidirectional(r.valueProperty());
        value.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> r.kindProperty().get() == null ? "" : i18n.get("client.channel.prompt." + r.kindProperty().get().code()),
                r.kindProperty()));
        FieldDecor.mark(value, r.errorProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        CheckBox primary = new CheckBox(i18n.get("client.channel.primary"));
        primary.getStyleClass().add("channel-primary");
        primary.selectedProperty().bindBidirectional(r.primaryProperty());
        HBox actions = new HBox(2);
        actions.setMinWidth(ACTIONS_WIDTH);
        actions.setPrefWidth(ACTIONS_WIDTH);
        actions.setAlignment(Pos.CENTER_LEFT);
        Consumer<ChannelKind> fillActions = k -> actions.getChildren().setAll(ChannelLinks.actions(k).stream().map(a -> {
            Button b = new Button(i18n.get("client.action." + a.name().toLowerCase(java.util.Locale.ROOT)));
            b.getStyleClass().addAll("channel-action", "action-" + a.name().toLowerCase(java.util.Locale.ROOT));
            b.setTooltip(new Tooltip(i18n.get("client.action." + a.name().toLowerCase(java.util.Locale.ROOT) + ".tip")));
            b.setFocusTraversable(false);
            b.setOnAction(e -> vm.open(r, a));
            return b;
        }).toList());
        fillActions.accept(r.kindProperty().get());
        r.kindProperty().addListener((o, a, b) -> fillActions.accept(b));
        Button remove = new Button("✕");
        remove.getStyleClass().addAll("remove-button", "channel-remove");
        remove.setTooltip(new Tooltip(i18n.get("client.channel.remove")));
        remove.setFocusTraversable(false);
        remove.setOnAction(e -> vm.removeChannel(r));
        HBox box = new HBox(4, kind, value, primary, actions, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("channel-row");
        Label error = new Label();
        error.getStyleClass().add("field-error-text");
        error.textProperty().bind(r.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        // a phone is shown in the international format of the business region; the field keeps the typed text
        Label shown = new Label();
        shown.getStyleClass().addAll("hint", "channel-shown");
        shown.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String typed = r.valueProperty().get();
            String international = r.kindProperty().get() == ChannelKind.PHONE && typed != null && !typed.isBlank()
                    ? vm.shownPhone(typed) : "";
            return international.equals(typed == null ? "" : typed.strip()) ? "" : international;
        }, r.valueProperty(), r.kindProperty()));
        shown.managedProperty().bind(shown.textProperty().isNotEmpty());
        shown.visibleProperty().bind(shown.managedProperty());
        VBox wrapper = new VBox(1, box, shown, error);
        wrapper.setUserData(r);
        return wrapper;
    }
}
