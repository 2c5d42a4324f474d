package org.deskcrm.ui.deal;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The client card's deals: each deal's title, stage, amount and owner (loaded in the background), and a new
 * deal for this client in the first open stage of a pipeline.
 */
public final class ClientDealsViewModel {
    static final int LIMIT = 500;

    /** A deal as the card lists it. */
    public record Row(long id, String title, String stage, String amount, String owner) {
    }

    private record Loaded(List<Pipeline> pipelines, List<DealRow> deals, Map<Long, String> owners) {
    }

    private final long clientId;
    private final DealService deals;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Supplier<Long> currentUser;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Pipeline> pipelines = FXCollections.observableArrayList();
    private final Map<Long, String> owners = new java.util.LinkedHashMap<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Runnable onCreated = () -> { };

    public ClientDealsViewModel(long clientId, DealService deals, TaskExecutor executor, I18n i18n,
                                Supplier<Long> currentUser) {
        this.clientId = clientId;
        this.deals = deals;
        this.executor = executor;
        this.i18n = i18n;
        this.currentUser = currentUser;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The active pipelines a new deal may start in. */
    public ObservableList<Pipeline> pipelines() {
        return pipelines;
    }

    /** The people this user may make a deal's owner (id → name). */
    public Map<Long, String> owners() {
        return owners;
    }

    /** Told after a new deal was saved (the card refreshes its timeline). */
    public void setOnCreated(Runnable action) {
        this.onCreated = action == null ? () -> { } : action;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public long clientId() {
        return clientId;
    }

    /** The signed-in user (the default owner of a new deal). */
    public Long currentUser() {
        return currentUser.get();
    }

    public void load() {
        executor.submit(p -> new Loaded(deals.pipelines(), deals.byClient(clientId, LIMIT), deals.assignableOwners()),
                this::show, e -> summary.set(i18n.message(e)));
    }

    private void show(Loaded l) {
        Map<Long, String> stages = new HashMap<>();
        for (Pipeline p : l.pipelines()) {
            for (Stage s : p.stages()) {
                stages.put(s.id(), s.name());
            }
        }
        rows.setAll(l.deals().stream().map(d -> new Row(d.id(), d.title(), stages.getOrDefault(d.stageId(), ""),
                d.amount() == null ? "" : Amounts.money(d.amount(), i18n.locale()), d.ownerName())).toList());
        pipelines.setAll(l.pipelines().stream().filter(Pipeline::active).toList());
        owners.clear();
        owners.putAll(l.owners());
        summary.set(i18n.format("client.deals.count", rows.size()));
    }

    /**
     * Creates a deal of this client in the pipeline's first open stage; {@code onError} receives the localized
     * problems (the form stays open), {@code onSaved} the new deal's id after the list reloaded.
     */
    public void create(String title, Pipeline pipeline, String amountText, Long ownerId, Consumer<Long> onSaved,
                       Consumer<String> onError) {
        if (pipeline == null || pipeline.firstOpenStage() == null) {
            onError.accept(i18n.get("deal.field.pipeline") + ": " + i18n.get("client.deals.pipelineRequired"));
            return;
        }
        BigDecimal amount;
        try {
            amount = amountText == null || amountText.isBlank() ? BigDecimal.ZERO : Amounts.parse(amountText);
        } catch (RuntimeException e) {
            onError.accept(i18n.get("deal.field.amount") + ": " + i18n.format("client.deals.badAmount", amountText));
            return;
        }
        Long owner = ownerId != null ? ownerId : currentUser.get();
        Long user = currentUser.get();
        Deal draft = Deal.draft(title == null ? "" : title.strip(), clientId, owner == null ? 0 : owner, pipeline.id(),
                pipeline.firstOpenStage().id(), amount);
        executor.submit(p -> deals.create(draft, List.of(), user).id(), id -> {
            load();
            onCreated.run();
            onSaved.accept(id);
        }, e -> onError.accept(describe(e)));
    }

    private String describe(Throwable e) {
        if (e instanceof ValidationException v) {
            return String.join("\n", v.errors().stream().map(f -> (i18n.has("deal.field." + f.field())
                    ? i18n.get("deal.field." + f.field()) + ": " : "") + i18n.format(f.messageKey(), f.args().toArray()))
                    .toList());
        }
        return i18n.message(e);
    }
}
