package org.deskcrm.model.io;

import org.deskcrm.model.user.Role;

/**
 * A person read from a file: the full name, the login (given or derived from the name), the role
 * (null: keep an existing person's, manager for a new one), the team, e-mail and office, and the
 * active flag (null: keep, active for a new person). An imported person has no password.
 */
public record ImportedUser(String fullName, String login, Role role, Long teamId, String email, String office,
                           Boolean active) {
    public ImportedUser withTeam(Long team) {
        return new ImportedUser(fullName, login, role, team, email, office, active);
    }

    public ImportedUser withRole(Role r) {
        return new ImportedUser(fullName, login, r, teamId, email, office, active);
    }
}
