package org.deskcrm.model.report;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A filter placed in the business time zone: the period becomes the half-open instant range
 * [start, end) from the first day's midnight to the midnight after the last day.
 */
public record ReportScope(ReportFilter filter, ZoneId zone) {

    public Instant start() {
        return filter.from().atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return filter.to().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The same scope over another period. */
    public ReportScope over(java.time.LocalDate from, java.time.LocalDate to) {
        return new ReportScope(filter.withPeriod(from, to), zone);
    }
}
