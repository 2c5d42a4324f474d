package org.deskcrm.service.rights;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.UserRepository;

import java.util.List;
import java.util.Objects;

/**
 * Who may be made the owner of a record: a manager only themself, a supervisor anyone in their team,
 * an administrator (and the command line) anyone. No owner at all is not refused here.
 */
public final class OwnerRule {
    private final UserRepository users;

    public OwnerRule(UserRepository users) {
        this.users = users;
    }

    /** Throws a localized {@link AppException} when {@code scope} may not give a record to {@code ownerId}. */
    public void check(AccessScope scope, Long ownerId) {
        if (ownerId == null || scope.isAll()) {
            return;
        }
        User owner = users.findById(ownerId).orElse(null);
        if (owner == null || !allows(scope, owner)) {
            throw new AppException("error.owner.notAllowed", owner == null ? String.valueOf(ownerId) : owner.fullName());
        }
    }

    /** The active users {@code scope} may give a record to, in the repository's order. */
    public List<User> allowed(AccessScope scope) {
        return users.findAll().stream().filter(User::active).filter(u -> allows(scope, u)).toList();
    }

    static boolean allows(AccessScope scope, User owner) {
        return switch (scope.kind()) {
            case ALL -> true;
            case TEAM -> scope.teamId() != null && scope.teamId().equals(owner.teamId());
            case OWNER -> Objects.equals(scope.userId(), owner.id());
        };
    }
}
