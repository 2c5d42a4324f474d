package org.deskcrm.model.call;

/** Outcome of a call. */
public enum CallStatus {
    ANSWERED, MISSED, NO_ANSWER, BUSY, FAILED;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CallStatus ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
