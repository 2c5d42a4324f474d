package org.deskcrm.ui.deal;

import javafx.scene.Node;
import org.deskcrm.service.deal.NeedService;
import org.deskcrm.service.deal.PipelineService;
import org.deskcrm.service.deal.SaleService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.time.LocalDate;
import java.util.function.Supplier;

/** The deal feature's sections of a client card: sales/invoices and needs. Each starts loading at once. */
public final class ClientDealSections {
    private final SaleService sales;
    private final NeedService needs;
    private final PipelineService catalog;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Supplier<Long> currentUser;
    private final Supplier<LocalDate> today;

    /** @param today the business day (overdue invoices, default sale date) */
    public ClientDealSections(SaleService sales, NeedService needs, PipelineService catalog, TaskExecutor executor,
                              I18n i18n, DialogService dialogs, Supplier<Long> currentUser,
                              Supplier<LocalDate> today) {
        this.sales = sales;
        this.needs = needs;
        this.catalog = catalog;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.currentUser = currentUser;
        this.today = today;
    }

    /** The sales section; {@code purchasesChanged} runs after every saved change (the card refreshes its status). */
    public Node sales(long clientId, Runnable purchasesChanged) {
        ClientSalesViewModel vm = new ClientSalesViewModel(clientId, sales, executor, i18n, dialogs, currentUser,
                today, purchasesChanged);
        ClientSalesPane pane = new ClientSalesPane(vm, i18n);
        vm.load();
        return pane;
    }

    public Node needs(long clientId) {
        ClientNeedsViewModel vm = new ClientNeedsViewModel(clientId, needs, catalog, executor, i18n, dialogs);
        ClientNeedsPane pane = new ClientNeedsPane(vm, i18n);
        vm.load();
        return pane;
    }
}
