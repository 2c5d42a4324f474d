package org.deskcrm.model.task;

/** A timeline entry that is not a call, task or deal move. */
public enum ActivityKind {
    NOTE, MEETING, PROPOSAL, EMAIL;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ActivityKind ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
