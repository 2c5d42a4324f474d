package org.deskcrm.model.deal;

/** Lead-score band; thresholds are settings. */
public enum ScoreBand {
    HOT, WARM, COLD;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ScoreBand ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
