package org.deskcrm.service.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/** Working days: Monday to Friday, except the days the calendar table overrides (holidays, working Saturdays). */
final class WorkingCalendar {
    private final Map<LocalDate, Boolean> overrides;

    WorkingCalendar(Map<LocalDate, Boolean> overrides) {
        this.overrides = overrides;
    }

    boolean isWorking(LocalDate d) {
        Boolean o = overrides.get(d);
        if (o != null) {
            return o;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Working days in [from, to], both inclusive; 0 when to is before from. */
    int count(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorking(d)) {
                n++;
            }
        }
        return n;
    }
}
