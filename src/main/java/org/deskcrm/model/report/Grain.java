package org.deskcrm.model.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How finely a report splits its period into rows: the whole period, business days, or weeks
 * (Monday to Sunday, the first and last week clipped to the period).
 */
public enum Grain {
    PERIOD, DAY, WEEK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Grain ofCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }

    /** The first day of the row a day falls in, never before the period's first day. */
    public LocalDate bucket(LocalDate day, LocalDate periodFrom) {
        LocalDate start = switch (this) {
            case PERIOD -> periodFrom;
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
        return start.isBefore(periodFrom) ? periodFrom : start;
    }

    /** The last day of the row starting on the given bucket day, never after the period's last day. */
    public LocalDate bucketEnd(LocalDate bucket, LocalDate periodTo) {
        LocalDate end = switch (this) {
            case PERIOD -> periodTo;
            case DAY -> bucket;
            case WEEK -> bucket.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        };
        return end.isAfter(periodTo) ? periodTo : end;
    }
}
