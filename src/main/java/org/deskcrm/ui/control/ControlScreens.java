package org.deskcrm.ui.control;

import javafx.scene.Node;
import org.deskcrm.model.control.ControlIndicator;
import org.deskcrm.service.control.ControlService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.task.TimeFormat;

import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The control dashboard for the shell: a tab of indicator tiles; a tile opens the list behind it as
 * another tab. {@code scope} is the manager to count for (null = the whole company, for supervisors).
 */
public final class ControlScreens {
    public static final String TAB_DASHBOARD = "control";

    private final ControlService control;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Workspace workspace;
    private final Supplier<Long> scope;
    private final TimeFormat time;
    private String mergeLabel;
    private Merger merger;

    /** Opens the merge of two clients from a list (the merge feature's dialog); {@code done} reloads the list. */
    @FunctionalInterface
    public interface Merger {
        void merge(Node from, java.util.List<Long> clientIds, Runnable done);
    }

    public ControlScreens(ControlService control, TaskExecutor executor, I18n i18n, Workspace workspace,
                          ZoneId businessZone, Supplier<Long> scope) {
        this.control = control;
        this.executor = executor;
        this.i18n = i18n;
        this.workspace = workspace;
        this.scope = scope;
        this.time = new TimeFormat(businessZone, i18n.locale());
    }

    /** Suspected duplicates get "Merge…" in their list's context menu. */
    public ControlScreens withMerge(String label, Merger merger) {
        this.mergeLabel = label;
        this.merger = merger;
        return this;
    }

    public void openDashboard() {
        workspace.openTab(TAB_DASHBOARD, i18n.get("control.tab"), this::dashboard);
    }

    public Node dashboard() {
        ControlDashboardViewModel vm = new ControlDashboardViewModel(control, executor, i18n, scope);
        ControlDashboardView view = new ControlDashboardView(vm, i18n, indicator -> openList(vm, indicator));
        vm.refresh();
        return view;
    }

    public void openList(ControlIndicator indicator) {
        openList(new ControlDashboardViewModel(control, executor, i18n, scope), indicator);
    }

    private void openList(ControlDashboardViewModel vm, ControlIndicator indicator) {
        workspace.openTab(TAB_DASHBOARD + ":" + indicator.code(), vm.title(indicator), () -> {
            ControlListView list = new ControlListView(vm, i18n, time, workspace);
            if (merger != null && indicator == ControlIndicator.SUSPECTED_DUPLICATES) {
                list.setOnMerge(mergeLabel, item -> merger.merge(list, java.util.List.of(item.clientId(),
                        item.otherClientId()), () -> vm.items(indicator, list::show)));
            }
            vm.items(indicator, list::show);
            return list;
        });
    }
}
