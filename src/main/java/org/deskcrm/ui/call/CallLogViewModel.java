package org.deskcrm.ui.call;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.service.call.CallService;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.task.TimeFormat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The call log: filters (direction, status, unmatched, a period of days in the computer's time zone), the
 * rows newest first a page of {@link #PAGE} at a time ("Show more" reads the next page by keyset), a status
 * line, and what can be done with a call from an unknown number.
 */
public final class CallLogViewModel {
    public static final int PAGE = 500;

    private final CallService calls;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final TimeFormat time;
    private final NumberActions actions;
    private final ObservableList<CallRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<CallDirection> direction = new SimpleObjectProperty<>();
    private final ObjectProperty<CallStatus> status = new SimpleObjectProperty<>();
    private final BooleanProperty unmatchedOnly = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private int total;
    private long generation;

    public CallLogViewModel(CallService calls, ClientService clients, TaskExecutor executor, I18n i18n,
                            DialogService dialogs, TimeFormat time) {
        this.calls = calls;
        this.executor = executor;
        this.i18n = i18n;
        this.time = time;
        this.actions = new NumberActions(calls, clients, executor, i18n, dialogs, e -> message.set(i18n.message(e)));
    }

    public ObservableList<CallRow> rows() {
        return rows;
    }

    public ObjectProperty<CallDirection> directionProperty() {
        return direction;
    }

    public ObjectProperty<CallStatus> statusProperty() {
        return status;
    }

    public BooleanProperty unmatchedOnlyProperty() {
        return unmatchedOnly;
    }

    /** The first day shown (in the computer's time zone), null for no lower bound. */
    public ObjectProperty<LocalDate> fromDayProperty() {
        return fromDay;
    }

    /** The last day shown (inclusive), null for no upper bound. */
    public ObjectProperty<LocalDate> toDayProperty() {
        return toDay;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether more calls match than are shown ("Show more" reads the next page). */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public CallFilter filter() {
        return CallFilter.ALL.withDirection(direction.get()).withStatus(status.get())
                .withUnmatchedOnly(unmatchedOnly.get())
                .withPeriod(fromDay.get() == null ? null : time.instant(fromDay.get(), LocalTime.MIDNIGHT),
                        toDay.get() == null ? null : time.instant(toDay.get().plusDays(1), LocalTime.MIDNIGHT));
    }

    /** Reads the first page again (after a filter change or an action). */
    public void refresh() {
        refresh(null);
    }

    private void refresh(String note) {
        CallFilter f = filter();
        long run = ++generation;
        busy.set(true);
        executor.submit(p -> new Page(calls.page(f, null, PAGE), calls.count(f)), page -> {
            if (run != generation) {
                return;
            }
            busy.set(false);
            total = page.total();
            rows.setAll(page.rows());
            show(note);
        }, this::fail);
    }

    /** Appends the next page after the last row shown. */
    public void showMore() {
        if (rows.isEmpty() || busy.get()) {
            return;
        }
        CallFilter f = filter();
        CallRow last = rows.get(rows.size() - 1);
        long run = generation;
        busy.set(true);
        executor.submit(p -> calls.page(f, last, PAGE), (List<CallRow> next) -> {
            if (run != generation) {
                return;
            }
            busy.set(false);
            rows.addAll(next);
            show(null);
        }, this::fail);
    }

    private void show(String note) {
        more.set(rows.size() < total);
        String shown = i18n.format("call.log.shown", rows.size(), total);
        message.set(note == null ? shown : note + " · " + shown);
    }

    private void fail(Throwable e) {
        busy.set(false);
        message.set(i18n.message(e));
    }

    /** Whether the row is a call of a number that matches no card (the number actions apply). */
    public static boolean unknown(CallRow row) {
        return row != null && row.clientId() == null && row.phoneNorm() != null && !row.phoneNorm().isBlank();
    }

    /** Makes a client of the call's number (asks for the name); {@code opened} gets the new client's id. */
    public void createClient(CallRow row, Long userId, LongConsumer opened) {
        if (unknown(row)) {
            actions.createClient(row.phoneNorm(), row.phoneRaw(), userId, this::refresh, opened);
        }
    }

    /** Attaches the call's number to an existing client (asks which). */
    public void attach(CallRow row, Long userId) {
        if (unknown(row)) {
            actions.attach(row.phoneNorm(), row.phoneRaw(), userId, this::refresh);
        }
    }

    /** Puts the call's number on a list (asks which). */
    public void putOnList(CallRow row, Long userId) {
        if (unknown(row)) {
            actions.putOnList(row.phoneNorm(), row.phoneRaw(), userId, this::refresh);
        }
    }

    private record Page(List<CallRow> rows, int total) {
    }
}
