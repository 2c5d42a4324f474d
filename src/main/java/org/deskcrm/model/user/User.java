package org.deskcrm.model.user;

/** A person who signs in. The password hash never leaves the persistence layer. */
public record User(Long id, String login, String fullName, String email, Role role, Long teamId,
                   boolean canExport, boolean active, long version) {

    public static User draft(String login, String fullName, Role role, Long teamId) {
        return new User(null, login, fullName, null, role, teamId, role != Role.MANAGER, true, 0);
    }
}
