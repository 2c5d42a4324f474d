package org.deskcrm.model.task;

/** Life of a task. */
public enum TaskStatus {
    OPEN, DONE, CANCELLED;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TaskStatus ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
