package org.deskcrm.model.deal;

import java.util.Locale;

/**
 * What a scoring rule looks at. Operands: SOURCE lead-source ids (comma separated); AMOUNT a number;
 * CHANNEL a channel kind code; CLIENT_STATUS lifecycle codes; RECENT_ACTIVITY and EXPECTED_CLOSE a
 * number of days (operator {@code within}); CONTACT none (present / absent).
 */
public enum ScoringAttribute {
    SOURCE, AMOUNT, CHANNEL, CLIENT_STATUS, RECENT_ACTIVITY, EXPECTED_CLOSE, CONTACT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScoringAttribute ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
