package org.deskcrm.ui.call;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.call.UnknownNumber;
import org.deskcrm.service.call.CallService;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;


/**
 * Numbers that match no card: attach one to a card (found by the global search) or put it on a list;
 * either way it leaves this list.
 */
public final class UnknownNumbersViewModel {
    public static final int LIMIT = 1_000;

    private final CallService calls;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ObservableList<UnknownNumber> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final NumberActions actions;

    public UnknownNumbersViewModel(CallService calls, ClientService clients, TaskExecutor executor, I18n i18n,
                                   DialogService dialogs) {
        this.calls = calls;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.actions = new NumberActions(calls, clients, executor, i18n, dialogs, this::fail);
    }

    public ObservableList<UnknownNumber> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void refresh() {
        reload(null);
    }

    /** Reloads the list; the status line shows {@code note} (what was just done) or the count. */
    private void reload(String note) {
        executor.submit(p -> calls.unknownNumbers(LIMIT), list -> {
            rows.setAll(list);
            message.set(note != null ? note : i18n.format("call.unknown.count", list.size()));
        }, this::fail);
    }

    /** Asks for a client (search text, then a choice among the matches) and attaches the number to it. */
    public void attach(UnknownNumber number, Long userId) {
        if (number != null) {
            actions.attach(number.phoneNorm(), number.phoneRaw(), userId, this::reload);
        }
    }

    /** Asks which list and puts the number on it. */
    public void putOnList(UnknownNumber number, Long userId) {
        if (number != null) {
            actions.putOnList(number.phoneNorm(), number.phoneRaw(), userId, this::reload);
        }
    }

    /** Asks for a name and makes a new client with the number; {@code opened} gets its id (to open the card). */
    public void createClient(UnknownNumber number, Long userId, java.util.function.LongConsumer opened) {
        if (number != null) {
            actions.createClient(number.phoneNorm(), number.phoneRaw(), userId, this::reload, opened);
        }
    }

    private void fail(Throwable e) {
        message.set(i18n.message(e));
        dialogs.error(i18n.get("call.unknown.title"), i18n.message(e));
    }
}
