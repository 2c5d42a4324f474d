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
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

/** The call log: filters, the rows (newest first, up to {@link #LIMIT}) and a status line. */
public final class CallLogViewModel {
    public static final int LIMIT = 1_000;

    private final CallService calls;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObservableList<CallRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<CallDirection> direction = new SimpleObjectProperty<>();
    private final ObjectProperty<CallStatus> status = new SimpleObjectProperty<>();
    private final BooleanProperty unmatchedOnly = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public CallLogViewModel(CallService calls, TaskExecutor executor, I18n i18n) {
        this.calls = calls;
        this.executor = executor;
        this.i18n = i18n;
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

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public CallFilter filter() {
        return CallFilter.ALL.withDirection(direction.get()).withStatus(status.get())
                .withUnmatchedOnly(unmatchedOnly.get());
    }

    public void refresh() {
        CallFilter f = filter();
        busy.set(true);
        executor.submit(p -> new Object[]{calls.list(f, LIMIT), calls.count(f)}, res -> {
            busy.set(false);
            @SuppressWarnings("unchecked")
            java.util.List<CallRow> list = (java.util.List<CallRow>) res[0];
            rows.setAll(list);
            message.set(i18n.format("call.log.shown", list.size(), (Integer) res[1]));
        }, e -> {
            busy.set(false);
            message.set(i18n.message(e));
        });
    }
}
