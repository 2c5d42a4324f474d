package org.deskcrm.model.user;

import java.util.Objects;

/**
 * Which records a query may return, derived from the signed-in user's role: {@link Kind#ALL} for an
 * administrator (and the command line's system actor), {@link Kind#TEAM} for a supervisor (records owned
 * by anyone in the team, and the team's shared task queue), {@link Kind#OWNER} for a manager (own records
 * and the shared task queue of the manager's team). Repositories turn it into a WHERE condition, so a
 * hidden record is never read, not merely not shown.
 */
public record AccessScope(Kind kind, Long userId, Long teamId) {
    public enum Kind { ALL, TEAM, OWNER }

    private static final AccessScope ALL = new AccessScope(Kind.ALL, null, null);

    public AccessScope {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.OWNER && userId == null) {
            throw new IllegalArgumentException("an owner scope needs a user");
        }
    }

    /** Everything: the administrator and the command line's system actor. */
    public static AccessScope all() {
        return ALL;
    }

    /** A supervisor's view: the records of everyone in {@code teamId} (nothing when the team is null). */
    public static AccessScope team(Long teamId) {
        return new AccessScope(Kind.TEAM, null, teamId);
    }

    /** A manager's view: own records, plus the shared queue of {@code teamId} (may be null). */
    public static AccessScope owner(long userId, Long teamId) {
        return new AccessScope(Kind.OWNER, userId, teamId);
    }

    /** The scope a user works in. */
    public static AccessScope of(User user) {
        return switch (user.role()) {
            case ADMIN -> all();
            case SUPERVISOR -> team(user.teamId());
            case MANAGER -> owner(user.id(), user.teamId());
        };
    }

    public boolean isAll() {
        return kind == Kind.ALL;
    }
}
