package org.deskcrm.model.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A plan: one manager's or one team's target for a metric over a month, quarter or year. */
public record Goal(long id, Long userId, Long teamId, GoalMetric metric, PeriodKind periodKind,
                   LocalDate periodStart, BigDecimal target) {

    /** The last day of the goal's period. */
    public LocalDate periodEnd() {
        return periodKind.end(periodStart);
    }
}
