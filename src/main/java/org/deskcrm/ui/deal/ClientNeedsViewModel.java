package org.deskcrm.ui.deal;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.ClientNeed;
import org.deskcrm.service.deal.NeedService;
import org.deskcrm.service.deal.PipelineService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * The needs section of a client card: what the client plans to buy with the purchase probability
 * computed from history and the sentence explaining it ({@link NeedExplanation}); a form to add or
 * edit a need (the probability is recomputed on every save, and for all open needs on refresh).
 */
public final class ClientNeedsViewModel {
    /** The statuses a need can have (client_need.status). */
    public static final List<String> STATUSES = List.of("open", "won", "dropped");

    /** A need as listed. */
    public record Row(ClientNeed need, String product, String quantity, String period, String probability,
                      String explanation, String status) {
    }

    private record Loaded(List<ClientNeed> needs, Map<Long, String> products) {
    }

    private final long clientId;
    private final NeedService needs;
    private final PipelineService catalog;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Choice<Long>> products = FXCollections.observableArrayList();
    private final ObservableList<Choice<String>> statuses = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Choice<Long>> product = new SimpleObjectProperty<>();
    private final StringProperty quantity = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice<String>> status = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private ClientNeed edited;

    public ClientNeedsViewModel(long clientId, NeedService needs, PipelineService catalog, TaskExecutor executor,
                                I18n i18n, DialogService dialogs) {
        this.clientId = clientId;
        this.needs = needs;
        this.catalog = catalog;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        STATUSES.forEach(s -> statuses.add(new Choice<>(s, i18n.get("need.status." + s))));
    }

    public void load() {
        busy.set(true);
        executor.submit(p -> new Loaded(needs.byClient(clientId), catalog.products()), this::show, this::failed);
    }

    /** Recomputes the probabilities of the open needs from the history as it is now. */
    public void refresh() {
        busy.set(true);
        executor.submit(p -> new Loaded(needs.refresh(clientId), catalog.products()), this::show, this::failed);
    }

    private void show(Loaded l) {
        busy.set(false);
        products.clear();
        l.products().forEach((id, name) -> products.add(new Choice<>(id, name)));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
        rows.clear();
        for (ClientNeed n : l.needs()) {
            String period = n.periodStart() == null && n.periodEnd() == null ? ""
                    : i18n.format("need.period", n.periodStart() == null ? "…" : dates.format(n.periodStart()),
                    n.periodEnd() == null ? "…" : dates.format(n.periodEnd()));
            rows.add(new Row(n, n.productName(), Amounts.plain(n.quantity(), i18n.locale()), period,
                    n.probability() == null ? "" : i18n.format("need.probability", n.probability().probability()),
                    n.probability() == null ? "" : NeedExplanation.of(n.probability(), i18n),
                    i18n.get("need.status." + n.status())));
        }
    }

    public void newNeed() {
        edited = null;
        product.set(products.isEmpty() ? null : products.get(0));
        quantity.set("1");
        from.set(null);
        to.set(null);
        status.set(statuses.get(0));
        note.set("");
        error.set("");
        editing.set(true);
    }

    public void edit(Row row) {
        ClientNeed n = row.need();
        edited = n;
        product.set(products.stream().filter(c -> c.value() == n.productId()).findFirst()
                .orElseGet(() -> new Choice<>(n.productId(), n.productName())));
        quantity.set(Amounts.plain(n.quantity(), i18n.locale()));
        from.set(n.periodStart());
        to.set(n.periodEnd());
        status.set(statuses.stream().filter(c -> c.value().equals(n.status())).findFirst().orElse(statuses.get(0)));
        note.set(n.note() == null ? "" : n.note());
        error.set("");
        editing.set(true);
    }

    public void cancel() {
        edited = null;
        error.set("");
        editing.set(false);
    }

    public void save() {
        if (product.get() == null) {
            error.set(i18n.get("need.error.product"));
            return;
        }
        BigDecimal q;
        try {
            q = Amounts.parse(quantity.get());
        } catch (NumberFormatException e) {
            error.set(i18n.get("sale.error.number"));
            return;
        }
        String text = note.get() == null || note.get().isBlank() ? null : note.get().strip();
        ClientNeed n = new ClientNeed(edited == null ? null : edited.id(), clientId, product.get().value(),
                product.get().label(), q, from.get(), to.get(), null,
                status.get() == null ? "open" : status.get().value(), text, edited == null ? 0 : edited.version());
        busy.set(true);
        executor.submit(w -> n.id() == null ? needs.add(n) : needs.update(n), v -> {
            editing.set(false);
            edited = null;
            error.set("");
            load();
        }, this::failed);
    }

    public void delete(Row row) {
        if (!dialogs.confirm(i18n.get("need.delete.title"), i18n.format("need.delete.confirm", row.product()))) {
            return;
        }
        busy.set(true);
        executor.submit(w -> {
            needs.delete(row.need().id());
            return null;
        }, v -> load(), this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof ValidationException v) {
            error.set(String.join(" ", v.errors().stream().map(this::text).toList()));
        } else {
            error.set(i18n.message(e));
        }
    }

    private String text(FieldError f) {
        return i18n.format(f.messageKey(), f.args().toArray());
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Choice<Long>> products() {
        return products;
    }

    public ObservableList<Choice<String>> statuses() {
        return statuses;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObjectProperty<Choice<Long>> productProperty() {
        return product;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Choice<String>> statusProperty() {
        return status;
    }

    public StringProperty noteProperty() {
        return note;
    }
}
