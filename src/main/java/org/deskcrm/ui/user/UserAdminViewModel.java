package org.deskcrm.ui.user;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.Team;
import org.deskcrm.model.user.User;
import org.deskcrm.service.user.AuthService;
import org.deskcrm.service.user.UserAdminService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The administrator's users and teams pages: the lists, and saving a user, a password or a team off
 * the FX thread. A refusal arrives as one localized sentence per field ({@link #errors}).
 */
public class UserAdminViewModel {
    private final UserAdminService admin;
    private final AuthService auth;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObservableList<Team> teams = FXCollections.observableArrayList();
    private final SimpleStringProperty status = new SimpleStringProperty("");

    public UserAdminViewModel(UserAdminService admin, AuthService auth, TaskExecutor executor, I18n i18n) {
        this.admin = admin;
        this.auth = auth;
        this.executor = executor;
        this.i18n = i18n;
    }

    public ObservableList<User> users() {
        return users;
    }

    public ObservableList<Team> teams() {
        return teams;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    private record Lists(List<User> users, List<Team> teams) {
    }

    public void refresh() {
        executor.submit(p -> new Lists(admin.users(), admin.teams()), l -> {
            users.setAll(l.users());
            teams.setAll(l.teams());
        }, e -> status.set(i18n.message(e)));
    }

    public String roleName(Role role) {
        return role == null ? "" : i18n.get("users.role." + role.code());
    }

    public String teamName(Long teamId) {
        if (teamId == null) {
            return "";
        }
        return teams.stream().filter(t -> t.id().equals(teamId)).map(Team::name).findFirst().orElse("");
    }

    public String userName(Long userId) {
        if (userId == null) {
            return "";
        }
        return users.stream().filter(u -> u.id().equals(userId)).map(User::fullName).findFirst().orElse("");
    }

    /** Creates (no id) or updates a user; {@code onDone} runs on success, {@code onErrors} gets field → text. */
    public void saveUser(User user, char[] password, char[] repeat, Runnable onDone,
                         Consumer<Map<String, String>> onErrors) {
        executor.submit(p -> {
            if (user.id() == null) {
                admin.create(user, password, repeat);
            } else {
                admin.update(user);
            }
            return Boolean.TRUE;
        }, ok -> done(onDone), e -> onErrors.accept(errors(e)));
    }

    public void resetPassword(long userId, char[] password, char[] repeat, Runnable onDone,
                              Consumer<Map<String, String>> onErrors) {
        executor.submit(p -> {
            admin.resetPassword(userId, password, repeat);
            return Boolean.TRUE;
        }, ok -> done(onDone), e -> onErrors.accept(errors(e)));
    }

    /** Creates (no id) or renames a team and sets its supervisor. */
    public void saveTeam(Team team, Runnable onDone, Consumer<Map<String, String>> onErrors) {
        executor.submit(p -> {
            if (team.id() == null) {
                admin.createTeam(team.name(), team.supervisorId());
            } else {
                admin.updateTeam(team);
            }
            return Boolean.TRUE;
        }, ok -> done(onDone), e -> onErrors.accept(errors(e)));
    }

    private void done(Runnable onDone) {
        status.set(i18n.get("users.saved"));
        onDone.run();
        refresh();
    }

    /** Field → localized message; a non-field error under the key "". */
    Map<String, String> errors(Throwable e) {
        if (e instanceof ValidationException v) {
            return v.errors().stream().collect(Collectors.toMap(FieldError::field,
                    f -> i18n.format(f.messageKey(), f.args().toArray()), (a, b) -> a, java.util.LinkedHashMap::new));
        }
        return Map.of("", i18n.message(e));
    }
}
