package org.deskcrm.model.task;

import java.time.LocalDate;

/** How often a task template repeats; period k starts at the anchor plus k steps. */
public enum Recurrence {
    ONCE, WEEKLY, MONTHLY, QUARTERLY, YEARLY;

    /** The code stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Recurrence ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * The start of period {@code k} (k = 0 is the anchor), counted from the anchor each time so that
     * a month-end anchor stays at the month end (31 Jan, 28 Feb, 31 Mar...).
     */
    public LocalDate periodStart(LocalDate anchor, int k) {
        return switch (this) {
            case ONCE -> k == 0 ? anchor : null;
            case WEEKLY -> anchor.plusWeeks(k);
            case MONTHLY -> anchor.plusMonths(k);
            case QUARTERLY -> anchor.plusMonths(3L * k);
            case YEARLY -> anchor.plusYears(k);
        };
    }
}
