package org.deskcrm.service.user;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.UserRepository;
import org.deskcrm.service.settings.ReferenceDataService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in, sign-out and passwords. Every attempt, good or bad, goes to the event feed (action
 * {@code sign_in}, details {@code ok} or the reason it failed); a wrong login and a wrong password give
 * the same message; repeated failures are slowed down by the {@link LoginThrottle}. A hash made with an
 * older cost is replaced on the next successful sign-in.
 */
public class AuthService {
    /** The documented password of the demo data's people (README, welcome screen). */
    public static final String DEMO_PASSWORD = "demo";
    public static final int MIN_PASSWORD_LENGTH = 8;
    static final String ENTITY = "user";

    private final UserRepository users;
    private final AuditRepository audit;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Session session;
    private final Clock clock;
    /**
     * Verified when the login does not exist, so that an unknown login costs as much as a wrong password; made
     * in the background (an Argon2 hash costs a few hundred milliseconds, on the way to the sign-in window).
     */
    private final java.util.concurrent.CompletableFuture<String> decoy;

    public AuthService(UserRepository users, AuditRepository audit, PasswordHasher hasher, LoginThrottle throttle,
                       Session session, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.hasher = hasher;
        this.throttle = throttle;
        this.session = session;
        this.clock = clock;
        this.decoy = java.util.concurrent.CompletableFuture.supplyAsync(() -> hasher.hash("decoy-password".toCharArray()));
    }

    /** The only login that may sign in, when the database connection belongs to one person (ADR 0015). */
    private volatile String connectionLogin;

    public Session session() {
        return session;
    }

    /**
     * The database connection is a person's own PostgreSQL login (not the schema's owner): only that person
     * may sign in, since the database shows that person's rows whoever the window would name (ADR 0015).
     */
    public void restrictToConnectionLogin(String login) {
        this.connectionLogin = login;
    }

    /** Also changes the database login's password when a person changes the own one (ADR 0015). */
    private volatile java.util.function.Consumer<char[]> connectionPassword = p -> { };

    public void changeConnectionPasswordWith(java.util.function.Consumer<char[]> change) {
        this.connectionPassword = change;
    }

    /** Whether the installation still needs its administrator's password (first start). */
    public boolean needsAdminPassword() {
        return !users.hasAdminWithPassword();
    }

    /**
     * Sets the first administrator's password (only while no administrator has one) and signs in as the
     * administrator.
     */
    public User createAdminPassword(char[] password, char[] repeat) {
        if (!needsAdminPassword()) {
            throw new AppException("auth.error.adminExists");
        }
        checkNewPassword(password, repeat);
        User admin = users.findByLogin(ReferenceDataService.ADMIN_LOGIN).orElseThrow(
                () -> new AppException("auth.error.noAdmin"));
        users.setPasswordHash(admin.id(), hasher.hash(password));
        record(admin.id(), AuditAction.UPDATE, admin.id(), "password", null);
        return signIn(ReferenceDataService.ADMIN_LOGIN, password);
    }

    /**
     * Checks the login and password; on success the user becomes the session's user and is returned.
     *
     * @throws AppException {@code auth.error.invalid}, {@code auth.error.inactive} or
     *                      {@code auth.error.throttled} (argument: seconds to wait)
     */
    public User signIn(String login, char[] password) {
        String name = login == null ? "" : login.strip();
        Duration wait = throttle.waitFor(name);
        Optional<User> user = name.isEmpty() ? Optional.empty() : users.findByLogin(name);
        Long userId = user.map(User::id).orElse(null);
        if (!wait.isZero()) {
            failed(userId, name, "throttled");
            throw new AppException("auth.error.throttled", Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        String only = connectionLogin;
        if (only != null && !only.equalsIgnoreCase(name)) {
            failed(null, name, "not_connection_login"); // the events of others are not this login's to write
            throw new AppException("auth.error.connectionLogin", only);
        }
        String stored = user.isEmpty() ? null : users.passwordHash(user.get().login()).orElse(null);
        if (user.isPresent() && stored == null && choosesOwnPassword(user.get())) {
            throw new PasswordNotSetException();
        }
        boolean ok = hasher.verify(password, stored == null ? decoy.join() : stored) && stored != null;
        if (!ok) {
            throttle.failed(name);
            failed(userId, name, user.isEmpty() ? "unknown_login" : "wrong_password");
            throw new AppException("auth.error.invalid");
        }
        User u = user.get();
        if (!u.active()) {
            failed(userId, name, "inactive");
            throw new AppException("auth.error.inactive");
        }
        throttle.succeeded(name);
        if (hasher.needsRehash(stored)) {
            users.setPasswordHash(u.id(), hasher.hash(password));
        }
        Instant now = clock.instant();
        users.touchSignIn(u.id(), now);
        audit.append(List.of(AuditEvent.of(now, u.id(), AuditAction.SIGN_IN, ENTITY, u.id()).withDetails("ok")));
        session.signIn(u);
        return u;
    }

    /**
     * Whether a person without a password chooses it at the first sign-in: an active person other than
     * an administrator (an administrator's password is set by another administrator or, for the first
     * one, on a new installation).
     */
    private static boolean choosesOwnPassword(User u) {
        return u.active() && u.role() != Role.ADMIN;
    }

    /**
     * The first password of a person who has none (an imported person), chosen at the first sign-in;
     * refused once the person has a password. Signs the person in.
     */
    public User setFirstPassword(String login, char[] password, char[] repeat) {
        String name = login == null ? "" : login.strip();
        User u = (name.isEmpty() ? Optional.<User>empty() : users.findByLogin(name))
                .filter(AuthService::choosesOwnPassword)
                .orElseThrow(() -> new AppException("auth.error.invalid"));
        checkNewPassword(password, repeat);
        if (!users.setFirstPasswordHash(u.id(), hasher.hash(password))) {
            throw new AppException("auth.error.invalid");
        }
        record(u.id(), AuditAction.UPDATE, u.id(), "password", "first");
        return signIn(name, password);
    }

    /** Ends the session (audited); the window then asks for a sign-in again. */
    public void signOut() {
        Long id = session.userId();
        if (id != null) {
            audit.append(List.of(AuditEvent.of(clock.instant(), id, AuditAction.SIGN_OUT, ENTITY, id)));
        }
        session.signOut();
    }

    /** Changes the signed-in user's own password after checking the current one. */
    public void changeOwnPassword(char[] current, char[] password, char[] repeat) {
        User u = session.user().orElseThrow(() -> new AppException("auth.error.notSignedIn"));
        String stored = users.passwordHash(u.login()).orElse(null);
        if (stored == null || !hasher.verify(current, stored)) {
            throw new ValidationException(List.of(FieldError.of("current", "auth.error.invalidCurrent")));
        }
        checkNewPassword(password, repeat);
        users.setPasswordHash(u.id(), hasher.hash(password));
        connectionPassword.accept(password);
        record(u.id(), AuditAction.UPDATE, u.id(), "password", null);
    }

    /** An administrator sets another user's password. */
    public void resetPassword(long userId, char[] password, char[] repeat) {
        requireAdmin();
        checkNewPassword(password, repeat);
        users.findById(userId).orElseThrow(() -> new AppException("auth.error.noUser"));
        users.setPasswordHash(userId, hasher.hash(password));
        record(session.userId(), AuditAction.UPDATE, userId, "password", "reset");
    }

    /**
     * Gives every user without a password except administrators the {@link #DEMO_PASSWORD} (each with its
     * own salt); run right after demo data was generated. Returns how many users got it.
     */
    public int assignDemoPasswords() {
        List<Long> ids = users.idsWithoutPassword(Role.ADMIN);
        for (long id : ids) {
            users.setPasswordHash(id, hasher.hash(DEMO_PASSWORD.toCharArray()));
        }
        return ids.size();
    }

    /** The login of a demo manager, for the hint shown after demo data was generated ("" when there is none). */
    public String demoLogin() {
        return users.findActiveByRole(Role.MANAGER).stream().findFirst().map(User::login).orElse("");
    }

    /** Stores a new user's first password hash (used by the user administration). */
    String hashNew(char[] password, char[] repeat) {
        checkNewPassword(password, repeat);
        return hasher.hash(password);
    }

    void requireAdmin() {
        if (!session.isAdmin()) {
            throw new AppException("auth.error.adminOnly");
        }
    }

    static void checkNewPassword(char[] password, char[] repeat) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            errors.add(FieldError.of("password", "auth.password.tooShort", MIN_PASSWORD_LENGTH));
        } else if (repeat == null || !java.util.Arrays.equals(password, repeat)) {
            errors.add(FieldError.of("repeat", "auth.password.mismatch"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private void failed(Long userId, String login, String reason) {
        audit.append(List.of(AuditEvent.of(clock.instant(), userId, AuditAction.SIGN_IN, ENTITY, userId)
                .withChange("login", null, login).withDetails("failed: " + reason)));
    }

    private void record(Long actor, AuditAction action, long userId, String field, String details) {
        AuditEvent e = AuditEvent.of(clock.instant(), actor, action, ENTITY, userId).withChange(field, null, null);
        audit.append(List.of(details == null ? e : e.withDetails(details)));
    }
}
