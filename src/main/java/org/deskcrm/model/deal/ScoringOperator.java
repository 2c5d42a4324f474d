package org.deskcrm.model.deal;

import java.util.Locale;

/** Comparison of a scoring rule (the codes of the scoring_rule.operator CHECK constraint). */
public enum ScoringOperator {
    EQ, NE, GT, GE, LT, LE, IN, PRESENT, ABSENT, WITHIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScoringOperator ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
