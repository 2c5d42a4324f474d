package org.deskcrm.ui.home;

import javafx.scene.Node;
import org.deskcrm.service.home.DashboardService;
import org.deskcrm.service.home.HomeTile;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.control.ControlScreens;
import org.deskcrm.ui.report.ReportScreens;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The home section for the shell: the dashboard of the signed-in person (a supervisor's or
 * administrator's tiles, or a manager's own), whose tiles open their report filtered the same way, or
 * the control list behind an indicator.
 */
public final class HomeScreens {
    private final DashboardService service;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Supplier<LocalDate> today;
    private final ReportScreens reports;
    private final ControlScreens control;
    private final String login;
    private final boolean manager;
    private final Supplier<Long> controlManager;

    /**
     * @param today today in the business time zone (runs a query: called off the FX thread)
     * @param login whose choices are remembered
     * @param manager true for a manager's own dashboard
     * @param controlManager whose control indicators count (the control section's rule)
     */
    public HomeScreens(DashboardService service, TaskExecutor executor, I18n i18n, Supplier<LocalDate> today,
                       ReportScreens reports, ControlScreens control, String login, boolean manager,
                       Supplier<Long> controlManager) {
        this.service = service;
        this.executor = executor;
        this.i18n = i18n;
        this.today = today;
        this.reports = reports;
        this.control = control;
        this.login = login;
        this.manager = manager;
        this.controlManager = controlManager;
    }

    private Supplier<java.util.Currency> currency = () -> null;

    /** Writes money in the business currency as it is when the dashboard opens. */
    public HomeScreens withCurrency(Supplier<java.util.Currency> currency) {
        this.currency = currency;
        return this;
    }

    public Node dashboard() {
        HomeViewModel vm = new HomeViewModel(service, executor, javafx.application.Platform::runLater, i18n, today,
                HomePreferences.forLogin(login), manager ? HomeTile.MANAGER : HomeTile.SUPERVISOR, controlManager);
        HomeView view = new HomeView(vm, currency.get(), f -> {
            if (f.tile().report().isPresent()) {
                reports.open(f.tile().report().get(), f.filter());
            } else {
                f.tile().indicator().ifPresent(control::openList);
            }
        });
        vm.refresh();
        return view;
    }
}
