package org.deskcrm.ui.deal;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealCard;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.StageChange;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.ConflictResolution;
import org.deskcrm.ui.common.ConflictResolver;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.text.NumberFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The deal card: its fields, product lines and stage history, and the form for its own fields (title,
 * amount when it has no lines, expected close, owner among those the user may assign). Moves happen on
 * the board. A save that meets someone else's save shows both versions in the conflict dialog (keep
 * mine, take theirs or merge) and loses nothing typed.
 */
public final class DealCardViewModel {
    /** A labelled value of the card. */
    public record Field(String label, String value) {
    }

    /** A history row as shown: from, to, when, who. */
    public record HistoryRow(String from, String to, String when, String who) {
    }

    private record Loaded(DealCard card, DealRow row, List<Pipeline> pipelines, Map<Long, String> users,
                          Map<Long, String> reasons, Map<Long, String> owners) {
    }

    private final DealService deals;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final StringProperty title = new SimpleStringProperty("");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<DealLine> lines = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private Long clientId;
    private final java.util.function.Supplier<Long> currentUser;
    private final StringProperty editTitle = new SimpleStringProperty("");
    private final StringProperty editAmount = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> editClose = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice<Long>> editOwner = new SimpleObjectProperty<>();
    private final ObservableList<Choice<Long>> owners = FXCollections.observableArrayList();
    private final BooleanProperty amountEditable = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private ConflictResolver conflictResolver;
    private Loaded loaded;

    /** The business time zone (read once when the database opened). */
    private final ZoneId zone;

    public DealCardViewModel(DealService deals, TaskExecutor executor, I18n i18n, DialogService dialogs, ZoneId zone) {
        this(deals, executor, i18n, dialogs, zone, () -> null);
    }

    public DealCardViewModel(DealService deals, TaskExecutor executor, I18n i18n, DialogService dialogs, ZoneId zone,
                             java.util.function.Supplier<Long> currentUser) {
        this.currentUser = currentUser;
        this.zone = zone;
        this.deals = deals;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
    }

    /** Loads the deal; {@code onLoaded} receives its title (for the tab). */
    public void load(long dealId, Consumer<String> onLoaded) {
        executor.submit(p -> read(dealId), l -> {
            show(l);
            onLoaded.accept(l.card().deal().title());
        }, e -> dialogs.error(i18n.get("deal.error.title"), i18n.message(e)));
    }

    private Loaded read(long dealId) {
        return new Loaded(deals.card(dealId), deals.row(dealId), deals.pipelines(), deals.userNames(),
                deals.lostReasons(), deals.assignableOwners());
    }

    /** The conflict dialog of the window (without one a conflict only shows the message). */
    public void useConflictResolver(ConflictResolver resolver) {
        this.conflictResolver = resolver;
    }

    /** Saves the form over the loaded version; a conflicting save opens the conflict dialog. */
    public void save() {
        if (loaded == null || busy.get()) {
            return;
        }
        Deal mine;
        try {
            mine = edited(loaded.card().deal());
        } catch (NumberFormatException e) {
            message.set(i18n.get("deal.msg.amountInvalid"));
            return;
        }
        write(mine, loaded.card().lines());
    }

    private Deal edited(Deal d) {
        BigDecimal amount = amountEditable.get() ? Amounts.parse(editAmount.get()) : d.amount();
        if (amount == null) {
            amount = BigDecimal.ZERO;
        }
        long owner = editOwner.get() == null || editOwner.get().value() == null ? d.ownerId() : editOwner.get().value();
        return new Deal(d.id(), editTitle.get() == null ? "" : editTitle.get().strip(), d.clientId(), d.contactId(), owner,
                d.pipelineId(), d.stageId(), amount, editClose.get(), d.sourceId(), d.score(), d.band(),
                d.lostReasonId(), d.lostNote(), d.createdAt(), d.stageChangedAt(), d.closedAt(), d.version());
    }

    private void write(Deal deal, List<DealLine> dealLines) {
        busy.set(true);
        message.set("");
        long id = deal.id();
        executor.submit(p -> {
            deals.update(deal, dealLines, currentUser.get());
            return read(id);
        }, l -> {
            busy.set(false);
            show(l);
            message.set(i18n.get("deal.msg.saved"));
        }, e -> {
            busy.set(false);
            if (e instanceof ConcurrentEditException) {
                conflict(deal);
            } else {
                message.set(i18n.message(e));
            }
        });
    }

    /** Someone else saved the deal: keep the form, read their version, let the user choose. */
    private void conflict(Deal mine) {
        message.set(i18n.get("deal.msg.conflict"));
        List<DealLine> mineLines = loaded.card().lines();
        executor.submit(p -> read(mine.id()), theirs -> {
            if (conflictResolver == null) {
                return;
            }
            Map<Long, String> names = new java.util.HashMap<>(theirs.users());
            DealConflict c = new DealConflict(i18n, id -> names.getOrDefault(id, ""));
            conflictResolver.resolve(i18n.get("conflict.title"),
                    i18n.format("deal.conflict.message", theirs.card().deal().title()),
                    c.fields(mine, mineLines, theirs.card())).ifPresent(r -> {
                        if (r.kind() == ConflictResolution.Kind.TAKE_THEIRS) {
                            show(theirs);
                            message.set("");
                        } else {
                            loaded = theirs;
                            write(DealConflict.merge(mine, theirs.card().deal(), r),
                                    DealConflict.lines(mineLines, theirs.card().lines(), r));
                        }
                    });
        }, e -> message.set(i18n.message(e)));
    }

    private void show(Loaded l) {
        loaded = l;
        Deal d = l.card().deal();
        List<Choice<Long>> ownerChoices = new ArrayList<>();
        l.owners().forEach((id, name) -> ownerChoices.add(new Choice<>(id, name)));
        if (!l.owners().containsKey(d.ownerId())) {
            ownerChoices.add(0, new Choice<>(d.ownerId(), l.users().getOrDefault(d.ownerId(), "")));
        }
        owners.setAll(ownerChoices);
        editOwner.set(ownerChoices.stream().filter(c -> c.value() == d.ownerId()).findFirst().orElse(null));
        editTitle.set(d.title());
        amountEditable.set(l.card().lines().isEmpty());
        editAmount.set(Amounts.plain(d.amount(), i18n.locale()));
        editClose.set(d.expectedClose());
        clientId = d.clientId();
        Map<Long, String> stages = new java.util.HashMap<>();
        String pipelineName = "";
        for (Pipeline p : l.pipelines()) {
            p.stages().forEach(s -> stages.put(s.id(), s.name()));
            if (p.id() == d.pipelineId()) {
                pipelineName = p.name();
            }
        }
        NumberFormat money = NumberFormat.getNumberInstance(i18n.locale());
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(i18n.locale())
                .withZone(zone);
        title.set(d.title());
        List<Field> f = new ArrayList<>();
        f.add(new Field(i18n.get("deal.field.client"), l.row().clientName() == null ? i18n.get("deal.noClient")
                : l.row().clientName()));
        f.add(new Field(i18n.get("deal.field.owner"), l.row().ownerName()));
        f.add(new Field(i18n.get("deal.field.pipeline"), pipelineName));
        f.add(new Field(i18n.get("deal.field.stage"), stages.getOrDefault(d.stageId(), "")));
        f.add(new Field(i18n.get("deal.field.amount"), money.format(d.amount())));
        f.add(new Field(i18n.get("deal.field.expectedClose"), d.expectedClose() == null ? "" : dates.format(d.expectedClose())));
        f.add(new Field(i18n.get("deal.field.score"), i18n.format("deal.score.value", d.score(),
                i18n.get("deal.band." + d.band().code()))));
        f.add(new Field(i18n.get("deal.field.created"), times.format(d.createdAt())));
        if (d.closedAt() != null) {
            f.add(new Field(i18n.get("deal.field.closed"), times.format(d.closedAt())));
        }
        if (d.lostReasonId() != null) {
            f.add(new Field(i18n.get("deal.field.lostReason"), l.reasons().getOrDefault(d.lostReasonId(), "")));
        }
        fields.setAll(f);
        lines.setAll(l.card().lines());
        List<HistoryRow> h = new ArrayList<>();
        List<StageChange> changes = l.card().history();
        for (int i = changes.size() - 1; i >= 0; i--) {
            StageChange c = changes.get(i);
            h.add(new HistoryRow(c.fromStageId() == null ? "" : stages.getOrDefault(c.fromStageId(), ""),
                    stages.getOrDefault(c.toStageId(), ""), times.format(c.changedAt()),
                    c.changedBy() == null ? "" : l.users().getOrDefault(c.changedBy(), "")));
        }
        history.setAll(h);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObservableList<DealLine> lines() {
        return lines;
    }

    public ObservableList<HistoryRow> history() {
        return history;
    }

    public StringProperty editTitleProperty() {
        return editTitle;
    }

    public StringProperty editAmountProperty() {
        return editAmount;
    }

    public ObjectProperty<LocalDate> editCloseProperty() {
        return editClose;
    }

    public ObjectProperty<Choice<Long>> editOwnerProperty() {
        return editOwner;
    }

    /** The owners this user may give the deal to (plus its current owner). */
    public ObservableList<Choice<Long>> owners() {
        return owners;
    }

    public BooleanProperty amountEditableProperty() {
        return amountEditable;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public Long clientId() {
        return clientId;
    }
}
