package org.deskcrm.ui.shell;

import org.deskcrm.AppContext;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.util.Optional;

/**
 * Enter on "Nothing found" in the search field: for a phone number, offers a new client with this phone
 * (asks the name, creates the client with the number and its calls, opens the card); for anything else,
 * offers an empty new client card.
 */
final class NothingFoundOffer {
    private final AppContext app;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Workspace workspace;

    NothingFoundOffer(AppContext app, TaskExecutor executor, I18n i18n, DialogService dialogs, Workspace workspace) {
        this.app = app;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.workspace = workspace;
    }

    void offer(String query) {
        String q = query == null ? "" : query.strip();
        Optional<String> phone = ClientService.isNumeric(q) ? app.phones().normalize(q) : Optional.empty();
        if (phone.isEmpty()) {
            if (dialogs.confirm(i18n.get("shell.search.nothing.title"), i18n.format("shell.search.nothing.text", q))) {
                workspace.newClient();
            }
            return;
        }
        String e164 = phone.get();
        Optional<String> name = dialogs.prompt(i18n.get("shell.search.newWithPhone.title"),
                i18n.format("shell.search.newWithPhone.text", q), "");
        if (name.isEmpty() || name.get().isBlank()) {
            return;
        }
        String n = name.get().strip();
        Long user = app.session().userId();
        executor.submit(p -> app.callService().createClientFor(e164, q, n, user), workspace::openClient,
                e -> dialogs.error(i18n.get("shell.search.newWithPhone.title"), i18n.message(e)));
    }
}
