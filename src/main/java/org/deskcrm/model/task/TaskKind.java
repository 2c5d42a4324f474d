package org.deskcrm.model.task;

/** What kind of work a task is; REQUEST is a client's inbound question in a team queue. */
public enum TaskKind {
    CALL, MEETING, EMAIL, PROPOSAL, REQUEST, OTHER;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TaskKind ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
