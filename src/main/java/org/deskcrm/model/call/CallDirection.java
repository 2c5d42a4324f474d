package org.deskcrm.model.call;

/** Direction of a call as the PBX sees it. */
public enum CallDirection {
    IN, OUT, INTERNAL;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CallDirection ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
