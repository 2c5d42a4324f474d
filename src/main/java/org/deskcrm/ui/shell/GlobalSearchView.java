package org.deskcrm.ui.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.deskcrm.model.search.SearchHit;
import org.deskcrm.ui.common.I18n;

import java.text.NumberFormat;

/** The search field in the toolbar with its drop-down list of hits. */
public final class GlobalSearchView {
    private final GlobalSearchViewModel vm;
    private final I18n i18n;
    private final StackPane root = new StackPane();
    private final TextField field = new TextField();
    private final ListView<SearchHit> list = new ListView<>();
    private final Label placeholder = new Label();
    private final Popup popup = new Popup();
    private final NumberFormat money;

    public GlobalSearchView(GlobalSearchViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.money = NumberFormat.getNumberInstance(i18n.locale());
        money.setMaximumFractionDigits(0);
        field.setId("globalSearch");
        field.getStyleClass().add("global-search");
        field.setPromptText(i18n.get("shell.search.prompt"));
        field.textProperty().bindBidirectional(vm.queryProperty());
        var glyph = Icons.of(Icons.SEARCH, 15, "search-icon");
        StackPane.setAlignment(glyph, Pos.CENTER_LEFT);
        StackPane.setMargin(glyph, new javafx.geometry.Insets(0, 0, 0, 9));
        root.getChildren().addAll(field, glyph);
        root.getStyleClass().add("global-search-box");
        HBox.setHgrow(root, Priority.ALWAYS);

        list.setId("globalSearchResults");
        list.getStyleClass().add("search-results");
        list.setItems(vm.results());
        list.setCellFactory(v -> new HitCell());
        list.setFixedCellSize(44);
        list.setFocusTraversable(false);
        placeholder.getStyleClass().add("search-placeholder");
        list.setPlaceholder(placeholder);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                SearchHit hit = list.getSelectionModel().getSelectedItem();
                if (hit != null) {
                    popup.hide();
                    vm.open(hit);
                }
            }
        });
        VBox content = new VBox(list);
        content.getStyleClass().addAll("root", "search-popup");
        popup.getContent().add(content);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);

        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.results().addListener((ListChangeListener<SearchHit>) c -> update());
        vm.noMatchesProperty().addListener((o, a, b) -> update());
        vm.errorProperty().addListener((o, a, b) -> update());
        vm.queryProperty().addListener((o, a, b) -> {
            if (b == null || b.strip().length() < GlobalSearchViewModel.MIN_LENGTH) {
                popup.hide();
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && !list.isHover()) {
                popup.hide();
            }
        });
    }

    public StackPane node() {
        return root;
    }

    public TextField field() {
        return field;
    }

    public ListView<SearchHit> list() {
        return list;
    }

    public boolean isPopupShowing() {
        return popup.isShowing();
    }

    /** Ctrl+F / Ctrl+K: puts the caret into the field, selecting what is there. */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN -> {
                move(1);
                e.consume();
            }
            case UP -> {
                move(-1);
                e.consume();
            }
            case ENTER -> {
                SearchHit selected = list.getSelectionModel().getSelectedItem();
                popup.hide();
                if (selected != null && vm.isCurrent()) {
                    vm.open(selected);
                } else {
                    vm.activate();
                }
                e.consume();
            }
            case ESCAPE -> {
                if (popup.isShowing()) {
                    popup.hide();
                } else {
                    vm.clear();
                }
                e.consume();
            }
            default -> {
            }
        }
    }

    private void move(int delta) {
        int n = list.getItems().size();
        if (n == 0) {
            return;
        }
        if (!popup.isShowing()) {
            show();
        }
        int i = list.getSelectionModel().getSelectedIndex();
        int next = Math.max(0, Math.min(n - 1, i + delta));
        list.getSelectionModel().select(next);
        list.scrollTo(next);
    }

    private void update() {
        String error = vm.errorProperty().get();
        placeholder.setText(error != null ? error : i18n.get("shell.search.noMatches"));
        boolean hasAnswer = !vm.results().isEmpty() || vm.noMatchesProperty().get() || error != null;
        if (!vm.results().isEmpty()) {
            list.getSelectionModel().select(0);
        }
        int rows = Math.max(1, Math.min(vm.results().size(), 8));
        list.setPrefHeight(rows * list.getFixedCellSize() + 10); // + padding and border: no scroll bar for 8 or fewer
        if (hasAnswer && field.isFocused()) {
            show();
        } else if (!hasAnswer) {
            popup.hide();
        }
    }

    private void show() {
        if (field.getScene() == null || field.getScene().getWindow() == null) {
            return;
        }
        list.setPrefWidth(Math.max(field.getWidth(), 360));
        popup.getScene().getStylesheets().setAll(field.getScene().getStylesheets());
        Bounds b = field.localToScreen(field.getBoundsInLocal());
        if (b == null) {
            return;
        }
        if (popup.isShowing()) {
            popup.setX(b.getMinX());
            popup.setY(b.getMaxY() + 2);
        } else {
            popup.show(field, b.getMinX(), b.getMaxY() + 2);
        }
    }

    /** A hit: glyph, name and what identifies it; deals show their amount on the right. */
    private final class HitCell extends ListCell<SearchHit> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final Label kind = new Label();
        private final StackPane glyph = new StackPane();
        private final HBox box;

        HitCell() {
            title.getStyleClass().add("hit-title");
            detail.getStyleClass().add("hit-detail");
            kind.getStyleClass().add("hit-kind");
            VBox text = new VBox(title, detail);
            text.getStyleClass().add("hit-text");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            glyph.getStyleClass().add("hit-glyph");
            box = new HBox(glyph, text, spacer, kind);
            box.getStyleClass().add("hit");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            boolean deal = hit.kind() == SearchHit.Kind.DEAL;
            glyph.getChildren().setAll(Icons.of(deal ? Icons.DEALS : Icons.CLIENTS, 16));
            title.setText(hit.title());
            String d = hit.detail() == null ? "" : hit.detail();
            detail.setText(deal && !d.isEmpty() ? i18n.format("shell.search.dealOf", d) : d);
            if (deal && hit.amount() != null) {
                kind.setText(money.format(hit.amount()));
            } else {
                kind.setText(i18n.get(deal ? "shell.search.kind.deal" : "shell.search.kind.client"));
            }
            setText(null);
            setGraphic(box);
        }
    }
}
