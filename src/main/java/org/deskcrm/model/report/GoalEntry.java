package org.deskcrm.model.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A goal as the goals editor sees it: the plan of one manager ({@code userId}) or one team
 * ({@code teamId}) for a metric over a month, quarter or year, with the version read (for the
 * optimistic check on save). {@code id} is null for a goal not yet saved.
 */
public record GoalEntry(Long id, Long userId, Long teamId, GoalMetric metric, PeriodKind periodKind,
                        LocalDate periodStart, BigDecimal target, long version) {

    /** A new goal (no id yet). */
    public static GoalEntry draft(Long userId, Long teamId, GoalMetric metric, PeriodKind kind, LocalDate start,
                                  BigDecimal target) {
        return new GoalEntry(null, userId, teamId, metric, kind, start, target, 0);
    }

    public LocalDate periodEnd() {
        return periodKind.end(periodStart);
    }
}
