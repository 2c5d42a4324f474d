package org.deskcrm.ui.client;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.common.I18n;

/** The contact persons of the card: name, position, primary flag, remove, and each person's channels. */
final class ContactEditor extends VBox {
    private final ClientCardViewModel vm;
    private final I18n i18n;
    private final VBox list = new VBox(6);

    ContactEditor(ClientCardViewModel vm, I18n i18n) {
        super(6);
        this.vm = vm;
        this.i18n = i18n;
        Button add = new Button("+ " + i18n.get("client.contact.add"));
        add.setId("client-add-contact");
        add.getStyleClass().add("link-button");
        add.setOnAction(e -> {
            ContactRow row = vm.addContact();
            list.getChildren().stream().filter(n -> n.getUserData() == row).findFirst()
                    .map(n -> n.lookup(".contact-name")).ifPresent(Node::requestFocus);
        });
        vm.contacts().addListener((ListChangeListener<ContactRow>) c -> rebuild());
        rebuild();
        getChildren().addAll(list, add);
    }

    private void rebuild() {
        list.getChildren().setAll(vm.contacts().stream().map(this::box).toList());
    }

    private VBox box(ContactRow r) {
        TextField name = new TextField();
        name.getStyleClass().add("contact-name");
        name.setPromptText(i18n.get("client.contact.name"));
        name.textProperty().bindBidirectional(r.fullNameProperty());
        Node nameField = FieldDecor.withError(name, r.nameErrorProperty());
        HBox.setHgrow(nameField, Priority.ALWAYS);
        TextField job = new TextField();
        job.getStyleClass().add("contact-position");
        job.setPromptText(i18n.get("client.contact.position"));
        job.setPrefColumnCount(14);
        job.textProperty().bindBidirectional(r.jobTitleProperty());
        CheckBox primary = new CheckBox(i18n.get("client.contact.primary"));
        primary.getStyleClass().add("contact-primary");
        primary.selectedProperty().bindBidirectional(r.primaryProperty());
        Button remove = new Button("✕");
        remove.getStyleClass().addAll("remove-button", "contact-remove");
        remove.setTooltip(new Tooltip(i18n.get("client.contact.remove")));
        remove.setFocusTraversable(false);
        remove.setOnAction(e -> vm.removeContact(r));
        HBox head = new HBox(6, nameField, job, primary, remove);
        head.setAlignment(Pos.TOP_LEFT);
        ChannelEditor channels = new ChannelEditor(vm, i18n, r.channels(), k -> vm.addChannel(r, k));
        channels.getStyleClass().add("contact-channels");
        VBox box = new VBox(4, head, channels);
        box.getStyleClass().add("contact-box");
        box.setUserData(r);
        return box;
    }
}
