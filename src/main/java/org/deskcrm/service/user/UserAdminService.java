package org.deskcrm.service.user;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.user.Team;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.UserRepository;
import org.deskcrm.persistence.user.DatabaseRoles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The administrator's user and team screens: create a user with a first password, change role, team,
 * export right and whether the account is active, create and rename teams and set their supervisor.
 * Only an administrator may call these; every change goes to the event feed field by field (old → new).
 */
public class UserAdminService {
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
    private static final String USER = "user";
    private static final String TEAM = "team";

    private final Database db;
    private final UserRepository users;
    private final AuditRepository audit;
    private final AuthService auth;
    private final Clock clock;
    private final DatabaseRoles roles;

    public UserAdminService(Database db, UserRepository users, AuditRepository audit, AuthService auth, Clock clock) {
        this.db = db;
        this.roles = new DatabaseRoles(db);
        this.users = users;
        this.audit = audit;
        this.auth = auth;
        this.clock = clock;
    }

    public List<User> users() {
        auth.requireAdmin();
        return users.findAll();
    }

    public List<Team> teams() {
        auth.requireAdmin();
        return users.findTeams();
    }

    /** Creates a user with a first password; returns the new id. */
    public long create(User draft, char[] password, char[] repeat) {
        auth.requireAdmin();
        List<FieldError> errors = validate(draft);
        if (draft.login() != null && LOGIN.matcher(draft.login().strip()).matches()
                && users.loginTaken(draft.login().strip())) {
            errors.add(FieldError.of("login", "users.error.loginTaken"));
        }
        try {
            AuthService.checkNewPassword(password, repeat);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        User clean = new User(null, draft.login().strip(), draft.fullName().strip(), Texts.trimToNull(draft.email()),
                draft.role(), draft.teamId(), draft.canExport(), draft.active(), 0);
        char[] databasePassword = password.clone();
        String hash = auth.hashNew(password, repeat);
        return db.inTransaction(() -> {
            long id = users.insert(clean, hash);
            if (roles.enabled()) { // the person's own PostgreSQL login, in the same transaction (ADR 0015)
                roles.create(clean.login(), clean.role(), databasePassword, clean.active());
            }
            Instant now = clock.instant();
            List<AuditEvent> events = new ArrayList<>();
            events.add(AuditEvent.of(now, actor(), AuditAction.CREATE, USER, id).withDetails(clean.login()));
            diff(events, now, id, null, clean);
            audit.append(events);
            return id;
        });
    }

    /** Saves role, team, export right, name, email and the active flag (version-checked). */
    public void update(User changed) {
        auth.requireAdmin();
        List<FieldError> errors = validate(changed);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        User old = users.findById(changed.id()).orElseThrow(() -> new AppException("auth.error.noUser"));
        if (Objects.equals(old.id(), auth.session().userId()) && (!changed.active() || changed.role() != old.role())) {
            throw new ValidationException(List.of(FieldError.of("role", "users.error.ownAccount")));
        }
        User clean = new User(changed.id(), old.login(), changed.fullName().strip(), Texts.trimToNull(changed.email()),
                changed.role(), changed.teamId(), changed.canExport(), changed.active(), changed.version());
        db.inTransaction(() -> {
            users.update(clean);
            if (roles.enabled()) { // group of the role, and NOLOGIN for a deactivated person (ADR 0015)
                if (roles.state(clean.login()).exists()) {
                    roles.update(clean.login(), clean.role(), clean.active());
                } else {
                    roles.create(clean.login(), clean.role(), null, clean.active());
                }
            }
            List<AuditEvent> events = new ArrayList<>();
            diff(events, clock.instant(), clean.id(), old, clean);
            audit.append(events);
            return null;
        });
    }

    /**
     * An administrator sets another person's password: the DeskCRM one and, on a PostgreSQL with people's
     * own logins, the database login's (ADR 0015).
     */
    public void resetPassword(long userId, char[] password, char[] repeat) {
        char[] databasePassword = password == null ? null : password.clone();
        db.inTransaction(() -> {
            auth.resetPassword(userId, password, repeat);
            if (roles.enabled()) {
                User u = users.findById(userId).orElseThrow(() -> new AppException("auth.error.noUser"));
                if (roles.state(u.login()).exists()) {
                    roles.setPassword(u.login(), databasePassword);
                } else {
                    roles.create(u.login(), u.role(), databasePassword, u.active());
                }
            }
            return null;
        });
    }

    public long createTeam(String name, Long supervisorId) {
        auth.requireAdmin();
        String n = checkTeamName(name, null);
        return db.inTransaction(() -> {
            long id = users.insertTeam(n, supervisorId);
            Instant now = clock.instant();
            audit.append(List.of(AuditEvent.of(now, actor(), AuditAction.CREATE, TEAM, id).withChange("name", null, n),
                    AuditEvent.of(now, actor(), AuditAction.CREATE, TEAM, id)
                            .withChange("supervisor", null, str(supervisorId))));
            return id;
        });
    }

    public void updateTeam(Team changed) {
        auth.requireAdmin();
        String n = checkTeamName(changed.name(), changed.id());
        Team old = users.findTeam(changed.id()).orElseThrow(() -> new AppException("users.error.noTeam"));
        db.inTransaction(() -> {
            users.updateTeam(new Team(changed.id(), n, changed.supervisorId(), changed.version()));
            Instant now = clock.instant();
            List<AuditEvent> events = new ArrayList<>();
            change(events, now, TEAM, old.id(), "name", old.name(), n);
            change(events, now, TEAM, old.id(), "supervisor", str(old.supervisorId()), str(changed.supervisorId()));
            audit.append(events);
            return null;
        });
    }

    private String checkTeamName(String name, Long exceptId) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("name", "users.error.required")));
        }
        if (n.length() > 200) {
            throw new ValidationException(List.of(FieldError.of("name", "users.error.tooLong", 200)));
        }
        if (users.teamNameTaken(n, exceptId)) {
            throw new ValidationException(List.of(FieldError.of("name", "users.error.teamTaken")));
        }
        return n;
    }

    private List<FieldError> validate(User u) {
        List<FieldError> errors = new ArrayList<>();
        if (u.id() == null) {
            if (Texts.isBlank(u.login())) {
                errors.add(FieldError.of("login", "users.error.required"));
            } else if (!LOGIN.matcher(u.login().strip()).matches()) {
                errors.add(FieldError.of("login", "users.error.loginFormat"));
            }
        }
        if (Texts.isBlank(u.fullName())) {
            errors.add(FieldError.of("fullName", "users.error.required"));
        } else if (u.fullName().strip().length() > 200) {
            errors.add(FieldError.of("fullName", "users.error.tooLong", 200));
        }
        String email = Texts.trimToNull(u.email());
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(FieldError.of("email", "users.error.email"));
        }
        if (u.role() == null) {
            errors.add(FieldError.of("role", "users.error.required"));
        } else if (u.role() != org.deskcrm.model.user.Role.ADMIN && u.teamId() == null) {
            errors.add(FieldError.of("team", "users.error.teamRequired"));
        }
        if (u.teamId() != null && users.findTeam(u.teamId()).isEmpty()) {
            errors.add(FieldError.of("team", "users.error.noTeam"));
        }
        return errors;
    }

    private void diff(List<AuditEvent> events, Instant now, long id, User old, User now2) {
        change(events, now, USER, id, "full_name", old == null ? null : old.fullName(), now2.fullName());
        change(events, now, USER, id, "email", old == null ? null : old.email(), now2.email());
        change(events, now, USER, id, "role", old == null ? null : old.role().code(), now2.role().code());
        change(events, now, USER, id, "team", old == null ? null : str(old.teamId()), str(now2.teamId()));
        change(events, now, USER, id, "can_export", old == null ? null : str(old.canExport()), str(now2.canExport()));
        change(events, now, USER, id, "active", old == null ? null : str(old.active()), str(now2.active()));
    }

    private void change(List<AuditEvent> events, Instant now, String entity, long id, String field, String oldV,
                        String newV) {
        if (!Objects.equals(oldV, newV)) {
            events.add(AuditEvent.of(now, actor(), AuditAction.UPDATE, entity, id).withChange(field, oldV, newV));
        }
    }

    private Long actor() {
        return auth.session().userId();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
