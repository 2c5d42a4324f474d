package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.Team;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.user.DatabaseRoles;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * {@code users}: the administrator's Users screen on the command line, through the same service (so on a
 * PostgreSQL with people's own logins every change also creates, regroups, locks or re-passwords the
 * person's database role, ADR 0015).
 * <pre>
 * users [list]
 * users create LOGIN --name "Full Name" --role manager|supervisor|admin [--team "Team"]
 * users role LOGIN ROLE [--team "Team"]
 * users deactivate LOGIN | users activate LOGIN
 * users password LOGIN
 * users sync-roles        (a database role for every person who has none yet, without a password)
 * </pre>
 * A new password is read from {@code DESKCRM_NEW_PASSWORD} or asked for twice on the terminal without echo.
 */
final class UsersCommand implements Cli.Command {
    static final String NEW_PASSWORD_VARIABLE = "DESKCRM_NEW_PASSWORD";

    private final ResourceBundle texts;
    private final Function<String, String> environment;

    UsersCommand(ResourceBundle texts, Function<String, String> environment) {
        this.texts = texts;
        this.environment = environment;
    }

    @Override
    public int run(AppContext ctx, Cli.Options options, PrintStream out) {
        List<String> args = options.positional();
        String action = args.isEmpty() ? "list" : args.get(0);
        DatabaseRoles roles = new DatabaseRoles(ctx.database());
        switch (action) {
            case "list" -> list(ctx, roles, out);
            case "create" -> {
                Role role = role(options.value("role", ""));
                User draft = User.draft(login(args), options.value("name", ""), role, team(ctx, options));
                char[] password = newPassword(login(args));
                ctx.userAdmin().create(draft, password, password.clone());
                out.println(String.format(texts.getString("users.created"), draft.login()));
            }
            case "role" -> {
                User u = user(ctx, login(args));
                if (args.size() < 3) {
                    throw new IllegalArgumentException("users role LOGIN ROLE");
                }
                Long team = options.values().containsKey("team") ? team(ctx, options) : u.teamId();
                ctx.userAdmin().update(new User(u.id(), u.login(), u.fullName(), u.email(), role(args.get(2)), team,
                        u.canExport(), u.active(), u.version()));
                out.println(String.format(texts.getString("users.updated"), u.login()));
            }
            case "activate", "deactivate" -> {
                User u = user(ctx, login(args));
                ctx.userAdmin().update(new User(u.id(), u.login(), u.fullName(), u.email(), u.role(), u.teamId(),
                        u.canExport(), action.equals("activate"), u.version()));
                out.println(String.format(texts.getString("users.updated"), u.login()));
            }
            case "password" -> {
                User u = user(ctx, login(args));
                char[] password = newPassword(u.login());
                ctx.userAdmin().resetPassword(u.id(), password, password.clone());
                out.println(String.format(texts.getString("users.updated"), u.login()));
            }
            case "sync-roles" -> {
                if (!roles.enabled()) {
                    out.println(texts.getString("users.roles.off"));
                    return 1;
                }
                int created = 0;
                for (User u : ctx.userAdmin().users()) {
                    if (!roles.state(u.login()).exists()) {
                        roles.create(u.login(), u.role(), null, u.active());
                        created++;
                    }
                }
                out.println(String.format(texts.getString("users.roles.synced"), created));
            }
            default -> throw new IllegalArgumentException("users: list, create, role, activate, deactivate,"
                    + " password or sync-roles expected: " + action);
        }
        return 0;
    }

    private void list(AppContext ctx, DatabaseRoles roles, PrintStream out) {
        boolean enabled = roles.enabled();
        Map<Long, String> teams = new java.util.HashMap<>();
        ctx.userAdmin().teams().forEach((Team t) -> teams.put(t.id(), t.name()));
        out.println(texts.getString(enabled ? "users.roles.on" : "users.roles.off"));
        for (User u : ctx.userAdmin().users()) {
            String database = "";
            if (enabled) {
                DatabaseRoles.RoleState s = roles.state(u.login());
                database = !s.exists() ? "-" : (s.canLogin() ? "LOGIN " : "NOLOGIN ") + String.join(",", s.groups());
            }
            out.printf("%-20s %-10s %-20s %-8s %s%n", u.login(), u.role().code(),
                    u.teamId() == null ? "" : teams.getOrDefault(u.teamId(), ""), u.active() ? "active" : "inactive",
                    database);
        }
    }

    private static String login(List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("users " + args.get(0) + " LOGIN");
        }
        return args.get(1);
    }

    private static User user(AppContext ctx, String login) {
        return ctx.userAdmin().users().stream().filter(u -> u.login().equalsIgnoreCase(login)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("users: no such login: " + login));
    }

    private static Role role(String code) {
        try {
            return Role.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--role: manager, supervisor or admin expected: " + code);
        }
    }

    private static Long team(AppContext ctx, Cli.Options options) {
        String name = options.values().get("team");
        if (name == null) {
            return null;
        }
        return ctx.userAdmin().teams().stream().filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst()
                .map(Team::id).orElseThrow(() -> new IllegalArgumentException("--team: no such team: " + name));
    }

    private char[] newPassword(String login) {
        String fromEnvironment = environment.apply(NEW_PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        if (System.console() == null) {
            throw new IllegalArgumentException(String.format(texts.getString("users.passwordNeeded"), login,
                    NEW_PASSWORD_VARIABLE));
        }
        char[] first = System.console().readPassword("%s: ", login);
        char[] second = System.console().readPassword(texts.getString("users.passwordAgain"));
        if (!java.util.Arrays.equals(first, second)) {
            throw new IllegalArgumentException(texts.getString("users.passwordMismatch"));
        }
        return first;
    }
}
