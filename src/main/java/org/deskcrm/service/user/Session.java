package org.deskcrm.service.user;

import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;

import java.util.Optional;

/**
 * Who is signed in to this window. Services ask it for the {@link AccessScope} of their queries; with
 * nobody signed in (the command line runs as the system actor) the scope is everything.
 */
public final class Session {
    private volatile User user;

    public void signIn(User signedIn) {
        this.user = signedIn;
    }

    public void signOut() {
        this.user = null;
    }

    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /** The signed-in user's id, or null for the system actor. */
    public Long userId() {
        User u = user;
        return u == null ? null : u.id();
    }

    public Long teamId() {
        User u = user;
        return u == null ? null : u.teamId();
    }

    public AccessScope scope() {
        User u = user;
        return u == null ? AccessScope.all() : AccessScope.of(u);
    }

    /** Whether settings and the user administration are open to the current user (or the system actor). */
    public boolean isAdmin() {
        User u = user;
        return u == null || u.role() == Role.ADMIN;
    }

    /** Whether the current user may export client data. */
    public boolean canExport() {
        User u = user;
        return u == null || u.canExport();
    }
}
