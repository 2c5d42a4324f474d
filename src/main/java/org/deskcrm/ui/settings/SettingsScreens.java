package org.deskcrm.ui.settings;

import javafx.application.Platform;
import javafx.scene.Node;
import org.deskcrm.service.deal.DealSettings;
import org.deskcrm.service.deal.PipelineService;
import org.deskcrm.service.deal.SaleService;
import org.deskcrm.service.deal.ScoringService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The Settings section: an extensible list of admin pages. Features add theirs with
 * {@link #withPage(SettingsPage)} (the deal feature's pipelines, scoring and lifecycle pages come from
 * {@link #withDealPages}); {@link #view()} builds the tab.
 */
public final class SettingsScreens {
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Executor fx;
    private final List<SettingsPage> pages = new ArrayList<>();

    public SettingsScreens(TaskExecutor executor, I18n i18n, DialogService dialogs) {
        this(executor, i18n, dialogs, Platform::runLater);
    }

    /** @param fx runs progress updates on the FX thread ({@code Runnable::run} in tests on it) */
    public SettingsScreens(TaskExecutor executor, I18n i18n, DialogService dialogs, Executor fx) {
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.fx = fx;
    }

    /** Adds a page at the end of the list. */
    public SettingsScreens withPage(SettingsPage page) {
        pages.add(page);
        return this;
    }

    /** Adds the deal feature's pages: pipelines and stages, lead scoring, lifecycle thresholds. */
    public SettingsScreens withDealPages(PipelineService pipelines, ScoringService scoring, SaleService sales,
                                         DealSettings settings) {
        withPage(new SettingsPage("pipelines", i18n.get("settings.page.pipelines"), () -> pipelines(pipelines)));
        withPage(new SettingsPage("scoring", i18n.get("settings.page.scoring"), () -> scoring(scoring, settings)));
        withPage(new SettingsPage("lifecycle", i18n.get("settings.page.lifecycle"), () -> lifecycle(settings, sales)));
        return this;
    }

    public List<SettingsPage> pages() {
        return List.copyOf(pages);
    }

    /** The Settings tab with the first page shown. */
    public SettingsView view() {
        return new SettingsView(pages, i18n.get("settings.noPages"));
    }

    public Node pipelines(PipelineService service) {
        PipelineSettingsViewModel vm = new PipelineSettingsViewModel(service, executor, i18n, dialogs);
        PipelineSettingsView view = new PipelineSettingsView(vm, i18n);
        vm.load();
        return view;
    }

    public Node scoring(ScoringService scoring, DealSettings settings) {
        ScoringSettingsViewModel vm = new ScoringSettingsViewModel(scoring, settings, executor, fx, i18n, dialogs);
        ScoringSettingsView view = new ScoringSettingsView(vm, i18n);
        vm.load();
        return view;
    }

    /** The "Phones and time" page: the business region, the business time zone and what it is for. */
    public SettingsScreens withRegionPage(org.deskcrm.service.settings.BusinessRegionService regions) {
        return withRegionPage(regions, null);
    }

    /** The same page offering the business currency too. */
    public SettingsScreens withRegionPage(org.deskcrm.service.settings.BusinessRegionService regions,
                                          org.deskcrm.service.settings.BusinessCurrency currency) {
        return withPage(new SettingsPage("region", i18n.get("settings.page.region"), () -> {
            RegionSettingsViewModel vm = new RegionSettingsViewModel(regions, executor, i18n).withCurrency(currency);
            RegionSettingsView view = new RegionSettingsView(vm, i18n);
            vm.load();
            return view;
        }));
    }

    public Node lifecycle(DealSettings settings, SaleService sales) {
        LifecycleSettingsViewModel vm = new LifecycleSettingsViewModel(settings, sales, executor, fx, i18n);
        LifecycleSettingsView view = new LifecycleSettingsView(vm, i18n);
        vm.load();
        return view;
    }
}
