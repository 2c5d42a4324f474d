package org.deskcrm.model.report;

import java.time.LocalDate;
import java.util.Locale;

/** The length of a goal's period; a period starts on the first day of a month, quarter or year. */
public enum PeriodKind {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    public LocalDate end(LocalDate start) {
        return start.plusMonths(months).minusDays(1);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PeriodKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
