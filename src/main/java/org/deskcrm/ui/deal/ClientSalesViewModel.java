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
import org.deskcrm.model.deal.Sale;
import org.deskcrm.service.deal.SaleService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sales (invoices) section of a client card: the client's sales with their payment state, and a
 * form to add or edit one; mark-paid and delete from the list. Every change goes through
 * {@link SaleService}, which recomputes the client's lifecycle status in the same transaction; then
 * the list reloads and {@code purchasesChanged} tells the card to refresh its status.
 */
public final class ClientSalesViewModel {
    /** Payment state of a sale as shown. */
    public enum State { PAID, PART_PAID, UNPAID, OVERDUE }

    /** A sale as listed. */
    public record Row(Sale sale, String number, String date, String amount, String paid, String due, State state,
                      String stateText) {
    }

    private final long clientId;
    private final SaleService sales;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Supplier<Long> currentUser;
    private final Supplier<LocalDate> today;
    private final Runnable purchasesChanged;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StringProperty number = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> due = new SimpleObjectProperty<>();
    private final StringProperty paid = new SimpleStringProperty("");
    private Sale edited;

    public ClientSalesViewModel(long clientId, SaleService sales, TaskExecutor executor, I18n i18n,
                                DialogService dialogs, Supplier<Long> currentUser, Supplier<LocalDate> today,
                                Runnable purchasesChanged) {
        this.clientId = clientId;
        this.sales = sales;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.currentUser = currentUser;
        this.today = today;
        this.purchasesChanged = purchasesChanged;
    }

    public void load() {
        busy.set(true);
        executor.submit(p -> sales.byClient(clientId), this::show, this::failed);
    }

    private void show(List<Sale> list) {
        busy.set(false);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
        LocalDate now = today.get();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unpaid = BigDecimal.ZERO;
        rows.clear();
        for (Sale s : list) {
            State st = state(s, now);
            rows.add(new Row(s, s.docNo() == null ? (s.dealId() == null ? "" : i18n.format("sale.fromDeal", s.dealId()))
                    : s.docNo(), dates.format(s.saleDate()), Amounts.money(s.amount(), i18n.locale()),
                    Amounts.money(s.paidAmount(), i18n.locale()), s.dueDate() == null ? "" : dates.format(s.dueDate()),
                    st, i18n.get("sale.state." + st.name().toLowerCase(java.util.Locale.ROOT))));
            total = total.add(s.amount());
            unpaid = unpaid.add(s.amount().subtract(s.paidAmount()));
        }
        summary.set(i18n.format("sale.summary", i18n.plural("sale.count", list.size()), Amounts.money(total, i18n.locale()),
                Amounts.money(unpaid, i18n.locale())));
    }

    static State state(Sale s, LocalDate today) {
        if (s.paidAmount().compareTo(s.amount()) >= 0) {
            return State.PAID;
        }
        if (s.dueDate() != null && s.dueDate().isBefore(today)) {
            return State.OVERDUE;
        }
        return s.paidAmount().signum() > 0 ? State.PART_PAID : State.UNPAID;
    }

    /** Opens the form for a new sale dated today. */
    public void newSale() {
        edited = null;
        number.set("");
        date.set(today.get());
        amount.set("");
        due.set(null);
        paid.set(Amounts.plain(BigDecimal.ZERO, i18n.locale()));
        error.set("");
        editing.set(true);
    }

    public void edit(Row row) {
        Sale s = row.sale();
        edited = s;
        number.set(s.docNo() == null ? "" : s.docNo());
        date.set(s.saleDate());
        amount.set(Amounts.plain(s.amount(), i18n.locale()));
        due.set(s.dueDate());
        paid.set(Amounts.plain(s.paidAmount(), i18n.locale()));
        error.set("");
        editing.set(true);
    }

    public void cancel() {
        edited = null;
        error.set("");
        editing.set(false);
    }

    /** Validates the form and saves the sale in the background. */
    public void save() {
        BigDecimal a;
        BigDecimal p;
        try {
            a = Amounts.parse(amount.get());
            p = Amounts.parse(paid.get());
        } catch (NumberFormatException e) {
            error.set(i18n.get("sale.error.number"));
            return;
        }
        Sale s = new Sale(edited == null ? null : edited.id(), clientId, edited == null ? null : edited.dealId(),
                edited == null ? currentUser.get() : edited.ownerId(), blankToNull(number.get()), date.get(), a,
                due.get(), p == null ? BigDecimal.ZERO : p, edited == null ? 0 : edited.version());
        busy.set(true);
        executor.submit(w -> s.id() == null ? sales.add(s, currentUser.get()) : sales.edit(s, currentUser.get()),
                v -> {
                    editing.set(false);
                    edited = null;
                    changed();
                }, this::failed);
    }

    /** Records the whole amount as paid. */
    public void markPaid(Row row) {
        Sale s = row.sale();
        if (s.paidAmount().compareTo(s.amount()) >= 0) {
            return;
        }
        Sale paidSale = new Sale(s.id(), s.clientId(), s.dealId(), s.ownerId(), s.docNo(), s.saleDate(), s.amount(),
                s.dueDate(), s.amount(), s.version());
        busy.set(true);
        executor.submit(w -> sales.edit(paidSale, currentUser.get()), v -> changed(), this::failed);
    }

    public void delete(Row row) {
        if (!dialogs.confirm(i18n.get("sale.delete.title"), i18n.format("sale.delete.confirm", row.number(),
                row.date(), row.amount()))) {
            return;
        }
        busy.set(true);
        executor.submit(w -> {
            sales.delete(row.sale().id(), row.sale().version(), currentUser.get());
            return null;
        }, v -> changed(), this::failed);
    }

    private void changed() {
        error.set("");
        load();
        purchasesChanged.run();
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
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

    public StringProperty numberProperty() {
        return number;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<LocalDate> dueProperty() {
        return due;
    }

    public StringProperty paidProperty() {
        return paid;
    }
}
