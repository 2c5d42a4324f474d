package org.deskcrm.ui.user;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SeparatorMenuItem;
import org.deskcrm.AppContext;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The window's Account menu: sign out / switch user, change one's own password, and for an administrator
 * the Users and Teams pages (until the Settings screen lists them).
 */
public final class AccountMenu {
    private final Menu menu;

    public AccountMenu(AppContext app, Workspace workspace, TaskExecutor executor, I18n i18n, Runnable signOut) {
        menu = new Menu(i18n.get("user.menu"));
        menu.setId("accountMenu");
        MenuItem out = new MenuItem(i18n.get("user.menu.signOut"));
        out.setId("signOutItem");
        out.setOnAction(e -> signOut.run());
        MenuItem password = new MenuItem(i18n.get("user.menu.changePassword"));
        password.setId("changePasswordItem");
        password.setOnAction(e -> changePassword(app, executor, i18n, workspace));
        menu.getItems().addAll(password, out);
        if (app.session().isAdmin()) {
            UserAdminPages pages = new UserAdminPages(app, executor, i18n);
            MenuItem users = new MenuItem(i18n.get("user.menu.users"));
            users.setId("usersItem");
            users.setOnAction(e -> workspace.openTab(UserAdminPages.USERS_TAB, i18n.get("users.tab"), pages::usersPage));
            MenuItem teams = new MenuItem(i18n.get("user.menu.teams"));
            teams.setId("teamsItem");
            teams.setOnAction(e -> workspace.openTab(UserAdminPages.TEAMS_TAB, i18n.get("users.teams.tab"),
                    pages::teamsPage));
            menu.getItems().addAll(new SeparatorMenuItem(), users, teams);
        }
    }

    public Menu node() {
        return menu;
    }

    private static void changePassword(AppContext app, TaskExecutor executor, I18n i18n, Workspace workspace) {
        PasswordField current = new PasswordField();
        PasswordField password = new PasswordField();
        PasswordField repeat = new PasswordField();
        new FormDialog(null, i18n.get("user.password.title"), "passwordDialog")
                .field("current", i18n.get("user.password.current"), current)
                .field("password", i18n.get("user.password.new"), password)
                .field("repeat", i18n.get("user.password.repeat"), repeat)
                .show((done, errors) -> executor.submit(p -> {
                    app.auth().changeOwnPassword(current.getText().toCharArray(), password.getText().toCharArray(),
                            repeat.getText().toCharArray());
                    return Boolean.TRUE;
                }, ok -> {
                    done.run();
                    workspace.status(i18n.get("user.password.changed"));
                }, e -> errors.accept(errorsOf(e, i18n))));
    }

    private static Map<String, String> errorsOf(Throwable e, I18n i18n) {
        if (e instanceof ValidationException v) {
            return v.errors().stream().collect(Collectors.toMap(FieldError::field,
                    f -> i18n.format(f.messageKey(), f.args().toArray()), (a, b) -> a));
        }
        return Map.of("", i18n.message(e));
    }
}
