package org.deskcrm.ui.call;

import org.deskcrm.model.call.PhoneListKind;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.service.call.CallService;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * What can be done with a number that matches no card, from the unknown-numbers list and from the call
 * log alike: make a new client of it, attach it to an existing client, or put it on a list. Each action
 * asks what it needs through the dialogs, runs in the background and reports a sentence to {@code done}.
 */
final class NumberActions {
    private final CallService calls;
    private final ClientService clients;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Consumer<Throwable> fail;

    NumberActions(CallService calls, ClientService clients, TaskExecutor executor, I18n i18n, DialogService dialogs,
                  Consumer<Throwable> fail) {
        this.calls = calls;
        this.clients = clients;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.fail = fail;
    }

    /** Asks for a name and creates a client with this number; {@code created} gets the new client's id. */
    void createClient(String phoneNorm, String phoneRaw, Long userId, Consumer<String> done, LongConsumer created) {
        Optional<String> name = dialogs.prompt(i18n.get("call.number.newClient"),
                i18n.format("call.number.newClientName", phoneRaw), "");
        if (name.isEmpty() || name.get().isBlank()) {
            return;
        }
        String n = name.get().strip();
        executor.submit(p -> calls.createClientFor(phoneNorm, phoneRaw, n, userId), id -> {
            done.accept(i18n.format("call.number.created", n, phoneRaw));
            created.accept(id);
        }, fail::accept);
    }

    /** Asks for a client (search text, then a choice among the matches) and attaches the number to it. */
    void attach(String phoneNorm, String phoneRaw, Long userId, Consumer<String> done) {
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
            dialogs.choose(i18n.get("call.unknown.attach"), i18n.format("call.unknown.choose", phoneRaw), labels)
                    .ifPresent(i -> {
                        ClientRow client = found.get(i);
                        executor.submit(p -> calls.attachToClient(phoneNorm, phoneRaw, client.id(), userId),
                                linked -> done.accept(i18n.format("call.unknown.attached", phoneRaw, client.name(),
                                        linked)), fail::accept);
                    });
        }, fail::accept);
    }

    /** Asks which list and puts the number on it. */
    void putOnList(String phoneNorm, String phoneRaw, Long userId, Consumer<String> done) {
        List<PhoneListKind> kinds = Arrays.asList(PhoneListKind.values());
        List<String> labels = kinds.stream().map(k -> i18n.get("call.list." + k.code())).toList();
        dialogs.choose(i18n.get("call.unknown.putOnList"), phoneRaw, labels).ifPresent(i -> {
            PhoneListKind kind = kinds.get(i);
            executor.submit(p -> {
                calls.putOnList(phoneNorm, phoneRaw, kind, null, userId);
                return kind;
            }, k -> done.accept(i18n.format("call.unknown.listed", phoneRaw, labels.get(i))), fail::accept);
        });
    }
}
