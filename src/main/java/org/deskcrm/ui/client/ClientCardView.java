package org.deskcrm.ui.client;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.ui.common.I18n;

/**
 * The client card tab: a toolbar (save, archive, reload), a message banner, the form on the left
 * (requisites, management, channels, contact persons, notes) and the timeline on the right.
 */
public final class ClientCardView extends BorderPane {
    private final ClientCardViewModel vm;
    private final I18n i18n;

    public ClientCardView(ClientCardViewModel vm, I18n i18n) {
        this(vm, i18n, java.util.List.of());
    }

    /** A card with other features' sections (sales, needs...) below its own form sections. */
    public ClientCardView(ClientCardViewModel vm, I18n i18n, java.util.List<Node> extraSections) {
        this.vm = vm;
        this.i18n = i18n;
        vm.useConflictResolver(new org.deskcrm.ui.trust.ConflictDialog(i18n, this));
        getStyleClass().add("client-card");
        getStylesheets().add(ClientCardView.class.getResource("client.css").toExternalForm());
        setTop(new VBox(toolbar(), banner()));
        VBox formBox = form();
        formBox.getChildren().addAll(extraSections);
        ScrollPane form = new ScrollPane(formBox);
        form.setFitToWidth(true);
        form.getStyleClass().add("card-form-scroll");
        SplitPane split = new SplitPane(form, new TimelinePane(vm, i18n));
        split.setDividerPositions(0.6);
        setCenter(split);
        vm.setOnSaved(id -> fireEvent(new ClientSavedEvent(id)));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                vm.save();
                e.consume();
            }
        });
    }

    private ToolBar toolbar() {
        Button save = new Button(i18n.get("action.save"));
        save.setId("client-save");
        save.getStyleClass().add("primary-button");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Button archive = new Button();
        archive.setId("client-archive");
        archive.textProperty().bind(javafx.beans.binding.Bindings.when(vm.archivedProperty())
                .then(i18n.get("client.action.restore")).otherwise(i18n.get("action.archive")));
        archive.disableProperty().bind(vm.persistedProperty().not().or(vm.busyProperty()));
        archive.setOnAction(e -> vm.toggleArchived());
        Button reload = new Button(i18n.get("client.action.reload"));
        reload.setId("client-reload");
        reload.disableProperty().bind(vm.persistedProperty().not().or(vm.busyProperty()));
        reload.setOnAction(e -> vm.reload());
        Label title = new Label();
        title.getStyleClass().add("card-title");
        title.textProperty().bind(vm.titleProperty());
        Label archived = new Label(i18n.get("client.archivedBadge"));
        archived.getStyleClass().addAll("badge", "badge-archived");
        archived.visibleProperty().bind(vm.archivedProperty());
        archived.managedProperty().bind(vm.archivedProperty());
        Label status = new Label();
        status.getStyleClass().addAll("badge", "badge-status");
        status.textProperty().bind(vm.lifecycleNameProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(vm.busyProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        return new ToolBar(save, archive, reload, new Separator(), title, status, archived, spring, busy);
    }

    private Node banner() {
        Label text = new Label();
        text.setId("client-message");
        text.setWrapText(true);
        text.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button keepMine = new Button(i18n.get("client.conflict.keepMine"));
        keepMine.setId("client-keep-mine");
        keepMine.setOnAction(e -> vm.keepMine());
        Button takeTheirs = new Button(i18n.get("client.conflict.takeTheirs"));
        takeTheirs.setId("client-take-theirs");
        takeTheirs.setOnAction(e -> vm.takeTheirs());
        var conflict = vm.messageKindProperty().isEqualTo(ClientCardViewModel.MessageKind.CONFLICT);
        for (Button b : new Button[]{keepMine, takeTheirs}) {
            b.visibleProperty().bind(conflict);
            b.managedProperty().bind(conflict);
        }
        Button close = new Button("✕");
        close.getStyleClass().add("remove-button");
        close.setOnAction(e -> vm.clearMessage());
        HBox box = new HBox(8, text, keepMine, takeTheirs, close);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("banner");
        box.managedProperty().bind(vm.messageProperty().isNotEmpty());
        box.visibleProperty().bind(box.managedProperty());
        vm.messageKindProperty().addListener((o, a, k) -> {
            box.getStyleClass().removeAll("banner-info", "banner-error", "banner-conflict");
            if (k != null && k != ClientCardViewModel.MessageKind.NONE) {
                box.getStyleClass().add("banner-" + k.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return box;
    }

    private VBox form() {
        VBox form = new VBox(6,
                section("client.section.requisites"), requisites(),
                section("client.section.management"), management(),
                section("client.section.channels"),
                new ChannelEditor(vm, i18n, vm.channels(), vm::addChannel),
                section("client.section.contacts"), new ContactEditor(vm, i18n),
                section("client.section.notes"), notes());
        form.getStyleClass().add("card-form");
        form.setPadding(new Insets(8, 12, 12, 12));
        return form;
    }

    private Label section(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("section-title");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        field.setFillWidth(true);
        field.setPrefWidth(120); // both field columns start equal and share the extra width equally
        g.getColumnConstraints().addAll(label, field, label, field);
        return g;
    }

    private GridPane requisites() {
        GridPane g = grid();
        ComboBox<ClientKind> kind = new ComboBox<>();
        kind.setId("client-kind");
        kind.getItems().setAll(ClientKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClientKind k) {
                return k == null ? "" : i18n.get("client.kind." + k.code());
            }

            @Override
            public ClientKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        add(g, 0, 0, "client.field.kind", FieldDecor.withError(kind, vm.errorProperty("kind")));
        add(g, 2, 0, "client.field.name", text("client-name", vm.nameProperty(), "name"));
        add(g, 0, 1, "client.field.legalName", text("client-legal-name", vm.legalNameProperty(), "legalName"));
        add(g, 2, 1, "client.field.website", text("client-website", vm.websiteProperty(), "website"));
        add(g, 0, 2, "client.field.inn", text("client-inn", vm.innProperty(), "inn"));
        Node kpp = text("client-kpp", vm.kppProperty(), "kpp");
        kpp.disableProperty().bind(vm.kindProperty().isEqualTo(ClientKind.PERSON)
                .and(vm.kppProperty().isEmpty()));
        add(g, 2, 2, "client.field.kpp", kpp);
        add(g, 0, 3, "client.field.address", text("client-address", vm.addressProperty(), "address"));
        GridPane.setColumnSpan(g.getChildren().get(g.getChildren().size() - 1), 3);
        add(g, 0, 4, "client.field.region", text("client-region", vm.regionProperty(), "region"));
        add(g, 2, 4, "client.field.industry", text("client-industry", vm.industryProperty(), "industry"));
        return g;
    }

    private GridPane management() {
        GridPane g = grid();
        ComboBox<Choice> owner = new ComboBox<>(vm.owners());
        owner.setId("client-owner");
        owner.valueProperty().bindBidirectional(vm.ownerProperty());
        owner.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Choice> source = new ComboBox<>(vm.sources());
        source.setId("client-source");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        source.setMaxWidth(Double.MAX_VALUE);
        add(g, 0, 0, "client.field.ownerId", owner);
        add(g, 2, 0, "client.field.sourceId", source);
        TextField tags = new TextField();
        tags.setId("client-tags");
        tags.setPromptText(i18n.get("client.tags.prompt"));
        tags.textProperty().bindBidirectional(vm.tagsProperty());
        add(g, 0, 1, "client.field.tags", tags);
        GridPane.setColumnSpan(tags, 3);
        Label status = new Label();
        status.setId("client-lifecycle");
        status.getStyleClass().add("lifecycle-name");
        status.setMinWidth(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.lifecycleNameProperty());
        Label why = new Label();
        why.setId("client-lifecycle-why");
        why.getStyleClass().add("hint");
        why.setWrapText(true);
        why.textProperty().bind(vm.lifecycleExplanationProperty());
        HBox line = new HBox(8, status, why);
        line.setAlignment(Pos.BASELINE_LEFT);
        HBox.setHgrow(why, Priority.ALWAYS);
        add(g, 0, 2, "client.field.lifecycle", line);
        GridPane.setColumnSpan(line, 3);
        return g;
    }

    private Node notes() {
        TextArea notes = new TextArea();
        notes.setId("client-notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.notesProperty());
        return notes;
    }

    private Node text(String id, StringProperty value, String field) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        return FieldDecor.withError(t, vm.errorProperty(field));
    }

    private void add(GridPane g, int col, int row, String labelKey, Node field) {
        Label l = new Label(i18n.get(labelKey));
        l.getStyleClass().add("field-label");
        if (field instanceof Control c) {
            l.setLabelFor(c);
        }
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setPadding(new Insets(4, 0, 0, 0));
        g.add(l, col, row);
        g.add(field, col + 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
    }
}
