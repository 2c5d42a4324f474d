package org.deskcrm.ui.client;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deskcrm.model.client.TimelineKind;
import org.deskcrm.ui.common.I18n;

/** The card's timeline: a kind filter, a quick note field and the entries, newest first. */
final class TimelinePane extends VBox {
    TimelinePane(ClientCardViewModel card, I18n i18n) {
        super(4);
        getStyleClass().add("timeline-pane");
        setPadding(new Insets(6, 8, 8, 8));
        Label title = new Label(i18n.get("client.section.timeline"));
        title.getStyleClass().add("section-title");
        ComboBox<Choice> filter = new ComboBox<>();
        filter.setId("client-timeline-filter");
        filter.getItems().add(Choice.none(i18n.get("client.timeline.all")));
        for (TimelineKind k : TimelineKind.values()) {
            filter.getItems().add(new Choice((long) k.ordinal(), i18n.get("client.timeline.kind." + k.name()
                    .toLowerCase(java.util.Locale.ROOT))));
        }
        filter.getSelectionModel().selectFirst();
        ClientTimelineModel vm = card.timeline();
        filter.valueProperty().addListener((o, a, c) -> vm.filterProperty().set(
                c == null || c.id() == null ? null : TimelineKind.values()[c.id().intValue()]));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox head = new HBox(6, title, spring, filter);
        head.setAlignment(Pos.CENTER_LEFT);

        TextField note = new TextField();
        note.setId("client-note-text");
        note.setPromptText(i18n.get("client.note.prompt"));
        note.textProperty().bindBidirectional(vm.noteTextProperty());
        note.setOnAction(e -> vm.addNote());
        HBox.setHgrow(note, Priority.ALWAYS);
        Button add = new Button(i18n.get("client.note.add"));
        add.setId("client-note-add");
        add.setOnAction(e -> vm.addNote());
        HBox noteLine = new HBox(4, note, add);
        noteLine.disableProperty().bind(card.persistedProperty().not());

        ListView<TimelineItem> list = new ListView<>(vm.items());
        list.setId("client-timeline");
        list.setPlaceholder(new Label(i18n.get("client.timeline.empty")));
        list.setCellFactory(v -> new Cell(i18n));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(head, noteLine, list);
    }

    private static final class Cell extends ListCell<TimelineItem> {
        private final I18n i18n;
        private final Label kind = new Label();
        private final Label headline = new Label();
        private final Label detail = new Label();
        private final Label meta = new Label();
        private final VBox box;

        Cell(I18n i18n) {
            this.i18n = i18n;
            kind.getStyleClass().add("tl-kind");
            kind.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a badge is never cut to "..."
            headline.getStyleClass().add("tl-headline");
            headline.setWrapText(true);
            detail.getStyleClass().add("tl-detail");
            detail.setWrapText(true);
            meta.getStyleClass().add("tl-meta");
            HBox top = new HBox(6, kind, headline);
            top.setAlignment(Pos.BASELINE_LEFT);
            box = new VBox(1, top, detail, meta);
            box.setMinWidth(0);
            box.setPrefWidth(1);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TimelineItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            String k = item.kind().name().toLowerCase(java.util.Locale.ROOT);
            kind.setText(i18n.get("client.timeline.badge." + k));
            kind.getStyleClass().removeIf(s -> s.startsWith("tl-kind-"));
            kind.getStyleClass().add("tl-kind-" + k);
            headline.setText(item.headline());
            detail.setText(item.detail());
            detail.setManaged(!item.detail().isEmpty());
            detail.setVisible(!item.detail().isEmpty());
            meta.setText(item.user().isEmpty() ? item.when() : item.when() + " · " + item.user());
            setGraphic(box);
        }
    }
}
