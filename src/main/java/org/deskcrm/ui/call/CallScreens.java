package org.deskcrm.ui.call;

import javafx.scene.Node;
import javafx.stage.Window;
import org.deskcrm.service.call.CallImportService;
import org.deskcrm.service.call.CallService;
import org.deskcrm.service.call.MissedCallService;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.task.TimeFormat;

import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The call screens for the shell: the call log (with manual entry and import), unknown numbers and
 * missed calls, each opened as a workspace tab. {@code currentUser} gives the signed-in user's id
 * (null when nobody is signed in: then lists show everybody's). Times are shown and typed in
 * {@code displayZone}, the computer's time zone in the window (ADR 0009).
 */
public final class CallScreens {
    public static final String TAB_LOG = "calls:log";
    public static final String TAB_UNKNOWN = "calls:unknown";
    public static final String TAB_MISSED = "calls:missed";

    private final CallService calls;
    private final CallImportService importer;
    private final MissedCallService misses;
    private final ClientService clients;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Workspace workspace;
    private final DialogService dialogs;
    private final Supplier<Long> currentUser;
    private final TimeFormat time;
    private Consumer<String> dialer = uri -> { };

    public CallScreens(CallService calls, CallImportService importer, MissedCallService misses, ClientService clients,
                       TaskExecutor executor, I18n i18n, Workspace workspace, DialogService dialogs,
                       ZoneId displayZone, Supplier<Long> currentUser) {
        this.calls = calls;
        this.importer = importer;
        this.misses = misses;
        this.clients = clients;
        this.executor = executor;
        this.i18n = i18n;
        this.workspace = workspace;
        this.dialogs = dialogs;
        this.currentUser = currentUser;
        this.time = new TimeFormat(displayZone, i18n.locale());
    }

    public void openCallLog() {
        workspace.openTab(TAB_LOG, i18n.get("call.tab.log"), this::callLog);
    }

    public void openUnknownNumbers() {
        workspace.openTab(TAB_UNKNOWN, i18n.get("call.tab.unknown"), this::unknownNumbers);
    }

    public void openMissedCalls() {
        workspace.openTab(TAB_MISSED, i18n.get("call.tab.missed"), this::missedCalls);
    }

    public Node callLog() {
        CallLogViewModel vm = new CallLogViewModel(calls, clients, executor, i18n, dialogs, time);
        Node[] self = new Node[1];
        CallLogView view = new CallLogView(vm, i18n, time, workspace,
                () -> newCall(window(self[0]), null, vm::refresh),
                () -> importCalls(window(self[0]), vm::refresh), currentUser,
                r -> callBack(window(self[0]), r.phoneNorm(), r.phoneRaw(), vm::refresh));
        self[0] = view;
        vm.refresh();
        return view;
    }

    public Node unknownNumbers() {
        UnknownNumbersViewModel vm = new UnknownNumbersViewModel(calls, clients, executor, i18n, dialogs);
        UnknownNumbersView view = new UnknownNumbersView(vm, i18n, time, currentUser);
        vm.refresh();
        return view;
    }

    public Node missedCalls() {
        MissedCallsViewModel vm = new MissedCallsViewModel(misses, executor, i18n);
        Node[] self = new Node[1];
        MissedCallsView view = new MissedCallsView(vm, i18n, time, workspace, currentUser,
                m -> callBack(window(self[0]), m.phoneNorm(), m.phoneRaw(), () -> vm.refresh(currentUser.get())));
        self[0] = view;
        vm.refresh(currentUser.get());
        return view;
    }

    /**
     * Calls a number back: the desktop's phone app gets the tel: link, and the New call dialog opens filled in
     * as an outgoing call to it, so that the call is logged (and closes the missed call it returns).
     */
    public void callBack(Window owner, String phoneNorm, String phoneRaw, Runnable afterSave) {
        if (phoneNorm != null && phoneNorm.startsWith("+")) {
            dialer.accept("tel:" + phoneNorm);
        }
        newCall(owner, phoneRaw == null || phoneRaw.isBlank() ? phoneNorm : phoneRaw, afterSave);
    }

    /** Where "Call back" sends the tel: link (the window: the desktop's phone app; by default nowhere). */
    public CallScreens withDialer(Consumer<String> dialer) {
        this.dialer = dialer;
        return this;
    }

    /** The manual entry dialog; {@code number} prefills a callback. */
    public void newCall(Window owner, String number, Runnable afterSave) {
        CallEntryViewModel vm = new CallEntryViewModel(calls, executor, i18n, time, misses.clock().instant());
        if (number != null) {
            vm.callback(number);
        }
        new CallEntryDialog(owner, vm, i18n, currentUser.get(), c -> {
            workspace.status(i18n.get("call.entry.saved"));
            if (afterSave != null) {
                afterSave.run();
            }
        }).show();
    }

    /**
     * The client card's "Log call": the New call dialog as an outgoing call of this client, to its primary phone
     * (read in the background); {@code afterSave} runs once the call is saved.
     */
    public javafx.scene.control.Button logCallButton(long clientId, Runnable afterSave) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(i18n.get("client.calls.log"));
        b.setId("client-call-log");
        b.setOnAction(e -> executor.submit(p -> primaryPhone(clients.load(clientId)), number -> {
            Window owner = b.getScene() == null ? null : b.getScene().getWindow();
            CallEntryViewModel vm = new CallEntryViewModel(calls, executor, i18n, time, misses.clock().instant())
                    .forClient(clientId, number);
            new CallEntryDialog(owner, vm, i18n, currentUser.get(), c -> {
                workspace.status(i18n.get("call.entry.saved"));
                afterSave.run();
            }).show();
        }, err -> workspace.status(i18n.message(err))));
        return b;
    }

    /** The card's primary phone (else its first phone), as typed; null when it has none. */
    static String primaryPhone(org.deskcrm.model.client.ClientCard card) {
        return card.channels().stream().filter(c -> c.kind() == org.deskcrm.model.client.ChannelKind.PHONE)
                .sorted(java.util.Comparator.comparing(c -> !c.primary())).map(org.deskcrm.model.client.Channel::raw)
                .findFirst().orElse(null);
    }

    public void importCalls(Window owner, Runnable afterImport) {
        CallImportViewModel vm = new CallImportViewModel(importer, executor, i18n);
        new CallImportDialog(owner, vm, i18n, time, currentUser.get(), afterImport == null ? () -> { } : afterImport)
                .show();
    }

    private static Window window(Node node) {
        return node == null || node.getScene() == null ? null : node.getScene().getWindow();
    }
}
