package org.deskcrm.ui.user;

import javafx.scene.Node;
import org.deskcrm.AppContext;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

/**
 * The administrator's Users and Teams pages, for the Settings screen (or any tab): each call builds a
 * fresh page. Only an administrator gets data; anyone else sees the refusal as the page's status.
 */
public final class UserAdminPages {
    public static final String USERS_TAB = "admin:users";
    public static final String TEAMS_TAB = "admin:teams";

    private final AppContext app;
    private final TaskExecutor executor;
    private final I18n i18n;

    public UserAdminPages(AppContext app, TaskExecutor executor, I18n i18n) {
        this.app = app;
        this.executor = executor;
        this.i18n = i18n;
    }

    public Node usersPage() {
        return new UsersView(viewModel(), i18n).node();
    }

    public Node teamsPage() {
        return new TeamsView(viewModel(), i18n).node();
    }

    private UserAdminViewModel viewModel() {
        return new UserAdminViewModel(app.userAdmin(), app.auth(), executor, i18n);
    }
}
