package org.deskcrm.ui.merge;

import javafx.scene.Node;
import org.deskcrm.model.merge.MergeResult;
import org.deskcrm.service.merge.ClientMergeService;
import org.deskcrm.ui.client.ClientListView;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.util.List;
import java.util.function.Supplier;

/** The merge of two clients in the window: "Merge…" in the client list's context menu opens the dialog. */
public final class MergeScreens {
    private final ClientMergeService merges;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Workspace workspace;
    private final Supplier<Long> currentUser;

    public MergeScreens(ClientMergeService merges, TaskExecutor executor, I18n i18n, Workspace workspace,
                        Supplier<Long> currentUser) {
        this.merges = merges;
        this.executor = executor;
        this.i18n = i18n;
        this.workspace = workspace;
        this.currentUser = currentUser;
    }

    /** Adds "Merge…" to a client list (a no-op for any other node). */
    public Node install(Node list) {
        if (list instanceof ClientListView view) {
            view.setOnMerge(i18n.get("merge.menu"), (ids, refresh) -> open(view, ids, refresh));
        }
        return list;
    }

    /** Opens the dialog for two clients; after the merge the list reloads and the status line says what moved. */
    public void open(Node from, List<Long> ids, Runnable refresh) {
        if (ids.size() != 2) {
            return;
        }
        ClientMergeViewModel vm = new ClientMergeViewModel(merges, executor, i18n, currentUser);
        ClientMergeDialog dialog = new ClientMergeDialog(from.getScene() == null ? null : from.getScene().getWindow(),
                vm, i18n, result -> done(result, refresh));
        vm.load(ids.get(0), ids.get(1), () -> { });
        dialog.show();
    }

    private void done(MergeResult result, Runnable refresh) {
        refresh.run();
        workspace.closeTab(org.deskcrm.ui.client.ClientScreens.cardKey(result.mergedId()));
        workspace.status(i18n.format("merge.done", result.movedTotal()));
    }
}
