package org.deskcrm.service.report;

import org.deskcrm.model.report.Goal;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.report.ActivityFigures;
import org.deskcrm.persistence.report.DealFigures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facts of many goals read set-based: one query grouped by user per metric and period (and one
 * per period for open deals), shared by every goal of that period; a goal's fact is then the sum
 * over the users its own filter would select (the manager, or the members of the team), so the
 * figures equal a per-goal query's exactly. The pipeline, source and band of the report's filter
 * apply, and the access scope narrows the shared query and each goal as it would a per-goal one.
 */
final class GoalFacts {
    private final ReportSupport support;
    private final ReportFilter base;
    private final Map<Long, Long> teamOfUser;
    private final Map<String, List<Tally>> tallies = new HashMap<>();
    private final Map<String, List<DealFigures.StageAmount>> open = new HashMap<>();
    private final java.time.ZoneId zone;

    GoalFacts(ReportSupport support, ReportFilter filter) {
        this.support = support;
        this.base = filter;
        this.teamOfUser = support.lookups.teamOfUser();
        this.zone = support.zone();
    }

    /** The goal's manager or team as a per-goal query would see it (narrowed by the access scope). */
    private ReportFilter who(Goal g) {
        return support.visible(new ReportFilter(g.periodStart(), g.periodEnd(), base.pipelineId(), g.userId(),
                g.teamId(), base.sourceId(), base.band()));
    }

    /** The metric's fact for the goal. */
    BigDecimal fact(Goal g) {
        ReportFilter who = who(g);
        List<Tally> rows = tallies.computeIfAbsent(key(g, g.metric().code()), k -> query(g));
        BigDecimal amount = BigDecimal.ZERO;
        long count = 0;
        for (Tally t : rows) {
            if (selects(who, t.key())) {
                amount = amount.add(t.amount());
                count += t.count();
            }
        }
        return g.metric() == GoalMetric.REVENUE ? amount : BigDecimal.valueOf(count);
    }

    /** Open deals expected to close within the goal's period, of the goal's owner, by stage. */
    List<DealFigures.StageAmount> openExpected(Goal g) {
        ReportFilter who = who(g);
        return open.computeIfAbsent(key(g, "open"), k -> support.deals.openExpected(periodScope(g))).stream()
                .filter(a -> selects(who, a.ownerId())).toList();
    }

    private List<Tally> query(Goal g) {
        ReportScope s = periodScope(g);
        return switch (g.metric()) {
            case REVENUE, WON_DEALS -> support.deals.grouped(DealFigures.Outcome.WON, DealFigures.By.OWNER, s);
            default -> support.activity.byUser(PlanFactReport.activityKind(g.metric()), s);
        };
    }

    /** Every user's figures over the goal's period (narrowed by the access scope only). */
    private ReportScope periodScope(Goal g) {
        return new ReportScope(support.visible(new ReportFilter(g.periodStart(), g.periodEnd(), base.pipelineId(),
                null, null, base.sourceId(), base.band())), zone);
    }

    /** Whether a per-goal query with this manager and team would have counted the user's records. */
    private boolean selects(ReportFilter who, Long userId) {
        if (userId == null) {
            return who.managerId() == null && who.teamId() == null;
        }
        return (who.managerId() == null || who.managerId().equals(userId))
                && (who.teamId() == null || Objects.equals(teamOfUser.get(userId), who.teamId()));
    }

    private static String key(Goal g, String what) {
        LocalDate from = g.periodStart();
        return from + "/" + g.periodEnd() + "/" + what;
    }
}
