package org.deskcrm.ui.call;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.call.PhoneListKind;
import org.deskcrm.model.call.UnknownNumber;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.service.call.CallService;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Numbers that match no card: attach one to a card (found by the global search) or put it on a list;
 * either way it leaves this list.
 */
public final class UnknownNumbersViewModel {
    public static final int LIMIT = 1_000;

    private final CallService calls;
    private final ClientService clients;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ObservableList<UnknownNumber> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public UnknownNumbersViewModel(CallService calls, ClientService clients, TaskExecutor executor, I18n i18n,
                                   DialogService dialogs) {
        this.calls = calls;
        this.clients = clients;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
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
        if (number == null) {
            return;
        }
        Optional<String> query = dialogs.prompt(i18n.get("call.unknown.attach"), i18n.get("call.unknown.search"), "");
        if (query.isEmpty() || query.get().isBlank()) {
            return;
        }
        String q = query.get();
        executor.submit(p -> clients.search(q, 20), (List<ClientRow> found) -> {
            if (found.isEmpty()) {
                dialogs.info(i18n.get("call.unknown.attach"), i18n.format("call.unknown.noClient", q));
                return;
            }
            List<String> labels = found.stream().map(r -> r.name() + (r.inn() == null ? "" : " · " + r.inn()))
                    .toList();
            dialogs.choose(i18n.get("call.unknown.attach"), i18n.format("call.unknown.choose", number.phoneRaw()),
                    labels).ifPresent(i -> {
                        ClientRow client = found.get(i);
                        executor.submit(p -> calls.attachToClient(number.phoneNorm(), number.phoneRaw(), client.id(),
                                userId), linked -> reload(i18n.format("call.unknown.attached",
                                number.phoneRaw(), client.name(), linked)), this::fail);
                    });
        }, this::fail);
    }

    /** Asks which list and puts the number on it. */
    public void putOnList(UnknownNumber number, Long userId) {
        if (number == null) {
            return;
        }
        List<PhoneListKind> kinds = Arrays.asList(PhoneListKind.values());
        List<String> labels = kinds.stream().map(k -> i18n.get("call.list." + k.code())).toList();
        dialogs.choose(i18n.get("call.unknown.putOnList"), number.phoneRaw(), labels).ifPresent(i -> {
            PhoneListKind kind = kinds.get(i);
            executor.submit(p -> {
                calls.putOnList(number.phoneNorm(), number.phoneRaw(), kind, null, userId);
                return kind;
            }, k -> reload(i18n.format("call.unknown.listed", number.phoneRaw(), labels.get(i))), this::fail);
        });
    }

    private void fail(Throwable e) {
        message.set(i18n.message(e));
        dialogs.error(i18n.get("call.unknown.title"), i18n.message(e));
    }
}
