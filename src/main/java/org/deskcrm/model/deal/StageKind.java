package org.deskcrm.model.deal;

/** An open stage, or one of the two closing outcomes. */
public enum StageKind {
    OPEN, WON, LOST;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static StageKind ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
