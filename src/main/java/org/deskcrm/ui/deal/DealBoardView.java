package org.deskcrm.ui.deal;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.ui.common.I18n;

import java.text.NumberFormat;
import java.util.function.LongConsumer;

/**
 * The board: a column per stage with its count and amount; a card is dragged to another column with
 * a full press-drag-release gesture (works without the platform clipboard, also headless); a
 * double-click opens the deal.
 */
public final class DealBoardView extends BorderPane {
    private final DealBoardViewModel vm;
    private final I18n i18n;
    private final LongConsumer openDeal;
    private final HBox columns = new HBox(8);
    private final NumberFormat money;
    private Long dragged;

    public DealBoardView(DealBoardViewModel vm, I18n i18n, LongConsumer openDeal) {
        this.vm = vm;
        this.i18n = i18n;
        this.openDeal = openDeal;
        this.money = NumberFormat.getNumberInstance(i18n.locale());
        money.setMaximumFractionDigits(0);
        getStyleClass().add("deal-board");
        setTop(new DealFilterBar(vm.filter(), i18n, vm::refresh));
        columns.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToHeight(true);
        setCenter(scroll);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(24, 24);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox bottom = new HBox(8, moveNotice(), busy);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(0, 8, 4, 8));
        setBottom(bottom);
        vm.columns().addListener((ListChangeListener<DealBoardViewModel.Column>) c -> rebuild());
        rebuild();
    }

    /** How long the notice of a move (with its Undo) stays. */
    static final javafx.util.Duration NOTICE_TIME = javafx.util.Duration.seconds(8);

    /** After a drop: "Moved «deal» to «stage»" with Undo, for a few seconds; it asks nothing and blocks nothing. */
    private HBox moveNotice() {
        Label text = new Label();
        text.setId("deal-move-notice");
        javafx.scene.control.Button undo = new javafx.scene.control.Button(i18n.get("deal.board.undo"));
        undo.setId("deal-move-undo");
        undo.setOnAction(e -> vm.undoMove());
        javafx.scene.control.Button close = new javafx.scene.control.Button("×");
        close.setOnAction(e -> vm.dismissMove());
        HBox notice = new HBox(8, text, undo, close);
        notice.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        notice.setId("deal-move-bar");
        notice.getStyleClass().add("deal-move-notice");
        notice.setPadding(new Insets(4, 8, 4, 8));
        notice.setStyle("-fx-background-color: derive(-fx-accent, 80%); -fx-background-radius: 4;");
        notice.setVisible(false);
        notice.managedProperty().bind(notice.visibleProperty());
        javafx.animation.PauseTransition timer = new javafx.animation.PauseTransition(NOTICE_TIME);
        timer.setOnFinished(e -> vm.dismissMove());
        vm.lastMoveProperty().addListener((o, before, move) -> {
            timer.stop();
            notice.setVisible(move != null);
            if (move != null) {
                text.setText(vm.notice(move));
                timer.playFromStart();
            }
        });
        return notice;
    }

    private void rebuild() {
        columns.getChildren().clear();
        for (DealBoardViewModel.Column c : vm.columns()) {
            columns.getChildren().add(column(c));
        }
    }

    private VBox column(DealBoardViewModel.Column c) {
        VBox box = new VBox(6);
        box.setId("stage-column-" + c.stage().id());
        box.getStyleClass().addAll("deal-column", "deal-column-" + c.stage().kind().code());
        box.setPadding(new Insets(6));
        box.setPrefWidth(180);
        box.setMinWidth(160);
        box.setStyle("-fx-background-color: derive(-fx-base, 8%); -fx-background-radius: 4;");
        Label name = new Label(c.stage().name());
        name.setStyle("-fx-font-weight: bold;");
        Label summary = new Label(i18n.format("deal.column.summary", c.count(), money.format(c.amount())));
        summary.setId("stage-summary-" + c.stage().id());
        box.getChildren().addAll(name, summary);
        for (DealRow r : c.cards()) {
            box.getChildren().add(card(r));
        }
        VBox.setVgrow(box, Priority.ALWAYS);
        box.setOnMouseDragEntered(e -> box.setStyle("-fx-background-color: derive(-fx-accent, 70%); -fx-background-radius: 4;"));
        box.setOnMouseDragExited(e -> box.setStyle("-fx-background-color: derive(-fx-base, 8%); -fx-background-radius: 4;"));
        box.setOnMouseDragReleased(e -> {
            Long id = dragged;
            dragged = null;
            if (id != null) {
                vm.move(id, c.stage().id());
            }
        });
        return box;
    }

    private VBox card(DealRow r) {
        Label title = new Label(r.title());
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        Label client = new Label(r.clientName() == null ? i18n.get("deal.noClient") : r.clientName());
        Label amount = new Label(money.format(r.amount()) + " · " + r.ownerName());
        Label band = new Label(i18n.format("deal.score.value", r.score(), i18n.get("deal.band." + r.band().code())));
        VBox card = new VBox(2, title, client, amount, band);
        card.setId("deal-card-" + r.id());
        card.getStyleClass().addAll("deal-card", "deal-card-" + r.band().code());
        card.setPadding(new Insets(6));
        card.setStyle("-fx-background-color: -fx-control-inner-background; -fx-border-color: -fx-box-border;"
                + " -fx-background-radius: 3; -fx-border-radius: 3;");
        card.setOnDragDetected(e -> {
            dragged = r.id();
            card.startFullDrag();
            e.consume();
        });
        card.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openDeal.accept(r.id());
            }
        });
        if (r.stageId() != 0 && vm.filter().stage(r.stageId()) != null
                && vm.filter().stage(r.stageId()).kind() != StageKind.OPEN) {
            card.setOpacity(0.75);
        }
        return card;
    }
}
