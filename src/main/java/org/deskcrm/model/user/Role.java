package org.deskcrm.model.user;

/** Manager sees own records, supervisor the team's, admin everything and settings. */
public enum Role {
    MANAGER, SUPERVISOR, ADMIN;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
