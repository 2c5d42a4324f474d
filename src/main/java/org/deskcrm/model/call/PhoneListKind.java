package org.deskcrm.model.call;

/** A list a number can be put on instead of a client card: it then stops showing as unknown. */
public enum PhoneListKind {
    BLACKLIST, JOB_SEEKERS, PERSONAL, SPAM;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PhoneListKind ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
