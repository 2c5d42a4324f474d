package org.deskcrm.ui.deal;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.deal.StageTotal;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deal board: one column per stage of the chosen pipeline, with the count and amount of all the
 * filtered deals at that stage, and the most recently moved deals as cards. Dropping a card on
 * another column moves the deal; a lost column first asks for the reason.
 */
public final class DealBoardViewModel {
    /** Cards shown at most (the column headers always count every deal). */
    static final int MAX_CARDS = 2_000;

    /** A column of the board. */
    public record Column(Stage stage, long count, BigDecimal amount, List<DealRow> cards) {
    }

    /**
     * The last move made on this board, which Undo takes back: the deal left {@code fromStageId} (with
     * the lost reason and note it had there) for {@code toStageId}.
     */
    public record Move(long dealId, String title, long fromStageId, long toStageId, String toStageName,
                       Long fromLostReasonId, String fromLostNote) {
    }

    private record Data(List<Pipeline> pipelines, Map<Long, String> users) {
    }

    private record Board(List<DealRow> rows, Map<Long, StageTotal> totals) {
    }

    private final DealService deals;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Supplier<Long> currentUser;
    private final DealFilterModel filter;
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final javafx.beans.property.ObjectProperty<Move> lastMove = new javafx.beans.property.SimpleObjectProperty<>();
    private long generation;
    /** The business time zone (read once when the database opened). */
    private final java.time.ZoneId zone;

    public DealBoardViewModel(DealService deals, TaskExecutor executor, I18n i18n, DialogService dialogs,
                              Supplier<Long> currentUser, java.time.ZoneId zone) {
        this.zone = zone;
        this.deals = deals;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.currentUser = currentUser;
        this.filter = new DealFilterModel(i18n);
        filter.setOnChange(this::refresh);
    }

    /** Loads pipelines and users, then the board. */
    public void load() {
        busy.set(true);
        executor.submit(p -> new Data(deals.pipelines(), deals.userNames()), d -> {
            filter.setReferenceData(d.pipelines(), d.users(), zone, false);
            refresh();
        }, this::failed);
    }

    public void refresh() {
        Pipeline pipeline = filter.selectedPipeline();
        if (pipeline == null) {
            columns.clear();
            busy.set(false);
            return;
        }
        DealFilter f = filter.filter();
        long request = ++generation;
        busy.set(true);
        executor.submit(p -> new Board(deals.rows(f, MAX_CARDS), deals.stageTotals(f)), b -> {
            if (request == generation) { // a later refresh supersedes this one
                show(pipeline, b);
            }
        }, this::failed);
    }

    private void show(Pipeline pipeline, Board b) {
        List<Column> list = new ArrayList<>();
        for (Stage s : pipeline.stages()) {
            StageTotal t = b.totals().getOrDefault(s.id(), new StageTotal(0, BigDecimal.ZERO));
            list.add(new Column(s, t.count(), t.amount(),
                    b.rows().stream().filter(r -> r.stageId() == s.id()).toList()));
        }
        columns.setAll(list);
        busy.set(false);
    }

    /**
     * Moves a deal shown on the board to another stage. Returns false when nothing was sent (same
     * stage, unknown card, or the lost-reason question was cancelled).
     */
    public boolean move(long dealId, long toStageId) {
        Optional<DealRow> card = columns.stream().flatMap(c -> c.cards().stream()).filter(r -> r.id() == dealId)
                .findFirst();
        Stage target = filter.stage(toStageId);
        if (card.isEmpty() || target == null || card.get().stageId() == toStageId) {
            return false;
        }
        Long reason = null;
        if (target.kind() == StageKind.LOST) {
            Map<Long, String> reasons = deals.lostReasons();
            List<Long> ids = new ArrayList<>(reasons.keySet());
            Optional<Integer> chosen = dialogs.choose(i18n.get("deal.lost.title"),
                    i18n.format("deal.lost.message", card.get().title()), new ArrayList<>(reasons.values()));
            if (chosen.isEmpty()) {
                return false;
            }
            reason = ids.get(chosen.get());
        }
        DealRow row = card.get();
        Long lostReason = reason;
        busy.set(true);
        lastMove.set(null);
        executor.submit(p -> {
            org.deskcrm.model.deal.Deal before = deals.find(row.id());
            deals.move(row.id(), row.version(), toStageId, lostReason, null, currentUser.get());
            return new Move(row.id(), row.title(), before.stageId(), toStageId, target.name(), before.lostReasonId(),
                    before.lostNote());
        }, m -> {
            lastMove.set(m);
            refresh();
        }, e -> {
            failed(e);
            refresh();
        });
        return true;
    }

    /** The last move, until it is undone, a newer one replaces it, or the notice of it is dismissed. */
    public javafx.beans.property.ReadOnlyObjectProperty<Move> lastMoveProperty() {
        return lastMove;
    }

    /** "Moved «deal» to «stage»" for the notice of a move. */
    public String notice(Move m) {
        return i18n.format("deal.board.moved", m.title(), m.toStageName());
    }

    /** Forgets the last move (its notice timed out or was closed): Undo is no longer offered. */
    public void dismissMove() {
        lastMove.set(null);
    }

    /**
     * Moves the last moved deal back where it was, through the same service (history, audit and stored
     * totals as for any move). Refused with a message when the deal has been moved again since.
     */
    public void undoMove() {
        Move m = lastMove.get();
        if (m == null) {
            return;
        }
        lastMove.set(null);
        busy.set(true);
        executor.submit(p -> {
            org.deskcrm.model.deal.Deal now = deals.find(m.dealId());
            if (now.stageId() != m.toStageId()) {
                throw new org.deskcrm.model.common.AppException("deal.board.undo.movedSince", m.title());
            }
            return deals.move(m.dealId(), now.version(), m.fromStageId(), m.fromLostReasonId(), m.fromLostNote(),
                    currentUser.get());
        }, v -> refresh(), e -> {
            failed(e);
            refresh();
        });
    }

    private void failed(Throwable e) {
        busy.set(false);
        dialogs.error(i18n.get("deal.error.title"), i18n.message(e));
    }

    public DealFilterModel filter() {
        return filter;
    }

    public ObservableList<Column> columns() {
        return columns;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
