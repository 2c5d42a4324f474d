package org.deskcrm.ui.deal;

import javafx.application.Platform;
import javafx.scene.Node;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The deal screens for the shell: the board, the list and a deal's card. Each call builds a fresh
 * view with its view model and starts loading it in the background.
 */
public final class DealScreens {
    private final DealService deals;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Workspace workspace;
    private final DialogService dialogs;
    private final Supplier<Long> currentUser;
    private final ZoneId zone;

    /**
     * @param currentUser the signed-in user's id (recorded as "who" in the stage history)
     * @param zone        the business time zone, read once when the database opened (period filters, times)
     */
    public DealScreens(DealService deals, TaskExecutor executor, I18n i18n, Workspace workspace, DialogService dialogs,
                       Supplier<Long> currentUser, ZoneId zone) {
        this.zone = zone;
        this.deals = deals;
        this.executor = executor;
        this.i18n = i18n;
        this.workspace = workspace;
        this.dialogs = dialogs;
        this.currentUser = currentUser;
    }

    public Node board() {
        DealBoardViewModel vm = new DealBoardViewModel(deals, executor, i18n, dialogs, currentUser, zone);
        DealBoardView view = new DealBoardView(vm, i18n, this::openDeal);
        vm.load();
        return view;
    }

    public Node list() {
        DealListViewModel vm = new DealListViewModel(deals, executor, i18n, dialogs, zone);
        DealListView view = new DealListView(vm, i18n, this::openDeal);
        vm.load();
        return view;
    }

    public Node dealCard(long dealId) {
        DealCardViewModel vm = new DealCardViewModel(deals, executor, i18n, dialogs, zone, currentUser);
        DealCardView view = new DealCardView(vm, i18n);
        // retitle after the shell has registered the tab (the load may finish before openTab returns)
        vm.load(dealId, title -> Platform.runLater(() -> workspace.retitleTab(tabKey(dealId), title)));
        return view;
    }

    /**
     * The client card's deals section: the client's deals (double-click opens the deal) and "New deal";
     * {@code created} runs after a new deal was saved.
     */
    public Node clientDeals(long clientId, Runnable created) {
        ClientDealsViewModel vm = new ClientDealsViewModel(clientId, deals, executor, i18n, currentUser);
        vm.setOnCreated(created);
        ClientDealsPane pane = new ClientDealsPane(vm, i18n, this::openDeal);
        vm.load();
        return pane;
    }

    /** Opens (or focuses) the board tab. */
    public void openBoard() {
        workspace.openTab("deals:board", i18n.get("deal.board.title"), this::board);
    }

    /** Opens (or focuses) the list tab. */
    public void openList() {
        workspace.openTab("deals:list", i18n.get("deal.list.title"), this::list);
    }

    /** Opens (or focuses) a deal's card tab. */
    public void openDeal(long dealId) {
        workspace.openTab(tabKey(dealId), i18n.format("deal.card.tab", dealId), () -> dealCard(dealId));
    }

    static String tabKey(long dealId) {
        return "deal:" + dealId;
    }
}
