package org.deskcrm.ui.client;

import javafx.scene.Node;
import org.deskcrm.AppContext;
import org.deskcrm.ui.common.CloseGuard;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.lang.ref.WeakReference;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The client screens as plain nodes for the main window. Typical wiring in the shell:
 * <pre>
 *   ClientScreens clients = new ClientScreens(ctx, executor, i18n, workspace, dialogs,
 *           getHostServices()::showDocument, session::userId);
 *   // Workspace.openClient(id) → clients.openClientCard(id); Workspace.newClient() → clients.openNewClientCard()
 *   // navigation "Clients" → clients.openClientList()
 * </pre>
 * A card retitles its own tab (name, "*" while unsaved), so it must be opened under the key given here
 * ({@link #cardKey(long)}, or the key passed to {@link #newClientCard(String)}).
 */
public final class ClientScreens {
    public static final String LIST_KEY = "clients";

    private final ClientUiContext ctx;
    private final AtomicInteger newCards = new AtomicInteger();
    /** Open cards by tab key (weakly: a closed tab's card goes away with its view). */
    private final Map<String, WeakReference<ClientCardViewModel>> cards = new HashMap<>();
    /** Sections of other features shown on an existing client's card, in order. */
    private final List<CardSection> sections = new ArrayList<>();

    public ClientScreens(ClientUiContext ctx) {
        this.ctx = ctx;
    }

    public ClientScreens(AppContext app, TaskExecutor executor, I18n i18n, Workspace workspace, DialogService dialogs,
                         LinkOpener opener, Supplier<Long> currentUserId) {
        this(context(app, executor, i18n, workspace, dialogs, opener, currentUserId, app.businessZone()));
    }

    /** Builds the screens' dependencies from the application context. */
    public static ClientUiContext context(AppContext app, TaskExecutor executor, I18n i18n, Workspace workspace,
                                          DialogService dialogs, LinkOpener opener, Supplier<Long> currentUserId,
                                          ZoneId zone) {
        return new ClientUiContext(app.clients(), app.clientList(), app.clientTimeline(),
                new ChannelLinks(app.phones()), opener, executor, i18n, workspace, dialogs, currentUserId, app.clock(),
                zone);
    }


    /** Adds a section of another feature to every existing client's card opened from now on. */
    public ClientScreens withCardSection(CardSection section) {
        sections.add(section);
        return this;
    }

    public static String cardKey(long clientId) {
        return "client:" + clientId;
    }

    public ClientUiContext context() {
        return ctx;
    }

    /** The client list (load starts at once, in the background). */
    public Node clientList() {
        return new ClientListView(new ClientListViewModel(ctx.lookups(), ctx.executor(), ctx.i18n(), ctx.workspace()),
                ctx.i18n(), ctx.zone());
    }

    /** The card of an existing client, for the tab with key {@link #cardKey(long)}. */
    public Node clientCard(long clientId) {
        ClientCardViewModel vm = track(new ClientCardViewModel(ctx, cardKey(clientId)));
        vm.load(clientId);
        Runnable changed = () -> {
            vm.refreshLifecycle();
            vm.timeline().load();
        };
        List<Node> extra = sections.stream().map(s -> s.create(clientId, changed)).toList();
        return guarded(new ClientCardView(vm, ctx.i18n(), extra), vm);
    }

    /** An empty card for a new client, for the tab with the given key. */
    public Node newClientCard(String tabKey) {
        ClientCardViewModel vm = track(new ClientCardViewModel(ctx, tabKey));
        vm.initNew();
        return guarded(new ClientCardView(vm, ctx.i18n()), vm);
    }

    /** An empty card for a new client under a fresh key (see {@link #openNewClientCard()} to open it). */
    public Node newClientCard() {
        return newClientCard(nextNewKey());
    }

    public void openClientList() {
        ctx.workspace().openTab(LIST_KEY, ctx.i18n().get("client.list.title"), this::clientList);
    }

    public void openClientCard(long clientId) {
        ctx.workspace().openTab(cardKey(clientId), ctx.i18n().get("client.tab.loading"), () -> clientCard(clientId));
    }

    public void openNewClientCard() {
        String key = nextNewKey();
        ctx.workspace().openTab(key, ctx.i18n().get("client.tab.new"), () -> newClientCard(key));
    }

    /**
     * For the window before it closes a tab (or itself): true when the tab is not a client card, has no
     * unsaved changes, or the user agrees to drop them.
     */
    public boolean canClose(String tabKey) {
        return canClose(cards.values().stream().map(WeakReference::get)
                .filter(vm -> vm != null && vm.tabKey().equals(tabKey)).findFirst().orElse(null));
    }

    private boolean canClose(ClientCardViewModel vm) {
        if (vm == null || !vm.dirtyProperty().get()) {
            return true;
        }
        return ctx.dialogs().confirm(ctx.i18n().get("client.close.title"),
                ctx.i18n().format("client.close.confirm", vm.titleProperty().get().replaceAll(" \\*$", "")));
    }

    /** True when any open card has unsaved changes (ask before quitting). */
    public boolean hasUnsavedCards() {
        cards.values().removeIf(r -> r.get() == null);
        return cards.values().stream().map(WeakReference::get)
                .anyMatch(vm -> vm != null && vm.dirtyProperty().get());
    }

    /** The window asks the card before closing its tab (unsaved changes). */
    private Node guarded(ClientCardView view, ClientCardViewModel vm) {
        CloseGuard.attach(view, () -> canClose(vm));
        return view;
    }

    private ClientCardViewModel track(ClientCardViewModel vm) {
        cards.values().removeIf(r -> r.get() == null);
        cards.put(vm.tabKey(), new WeakReference<>(vm));
        return vm;
    }

    private String nextNewKey() {
        return "client:new:" + newCards.incrementAndGet();
    }
}
