package org.deskcrm.service.report;

import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Goal;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.report.ActivityFigures;
import org.deskcrm.persistence.report.DealFigures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plan vs fact: every goal whose period starts within the filter's period, with its fact over the
 * goal's own period (revenue and won deals by the revenue rule; new clients = cards created, by
 * owner; calls = outgoing calls; meetings and proposals = activities), % done, the share of the
 * period's working days elapsed by today (what should be done by now), and a forecast: for revenue
 * fact + Σ(open amount × stage probability) over open deals expected to close in the period, for
 * won deals fact + Σ probability, for activities the fact extrapolated at the current pace.
 * A team goal's fact is its members' (as the team filter sees them). Summary: target and fact per
 * metric over the managers' goals, and beside them (never added) target and fact over the team goals, so
 * each goal counts once (docs/decisions/0008-plan-fact-totals-visibility.md). Rows are the goals the
 * signed-in user may see; each row's fact is the same as the administrator's for that goal.
 */
public final class PlanFactReport implements Report {
    public static final String NAME = "plan-fact";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Summary groups of team goals end with it: they are shown beside their managers' goals, not added to them. */
    private static final String TEAM_SUFFIX = "_team";
    private final ReportSupport support;
    private final Revenue revenue;

    public PlanFactReport(ReportSupport support) {
        this.support = support;
        this.revenue = new Revenue(support.deals);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReportTable run(ReportFilter f) {
        List<Goal> goals = visibleGoals(f);
        Map<Long, String> users = support.lookups.userNames();
        Map<Long, String> teams = support.lookups.teamNames();
        LocalDate today = support.today();
        LocalDate from = goals.stream().map(Goal::periodStart).min(LocalDate::compareTo).orElse(f.from());
        LocalDate to = goals.stream().map(Goal::periodEnd).max(LocalDate::compareTo).orElse(f.to());
        WorkingCalendar calendar = new WorkingCalendar(support.plans.calendarOverrides(from, to));
        Map<Long, Stage> stages = support.lookups.stages();

        TableBuilder t = new TableBuilder(NAME, f, Column.text("owner"), Column.text("owner_kind"), Column.text("metric"),
                Column.date("period_start"), Column.date("period_end"), Column.number("target"),
                new Column("fact", ColumnType.NUMBER, false, DrillKind.SUM), Column.ratio("done"),
                Column.ratio("expected"), Column.number("forecast"));
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        Map<String, BigDecimal> facts = new LinkedHashMap<>();
        GoalFacts goalFacts = new GoalFacts(support, f, goals);
        for (Goal g : goals) {
            BigDecimal fact = goalFacts.fact(g);
            int total = calendar.count(g.periodStart(), g.periodEnd());
            LocalDate last = today.isBefore(g.periodEnd()) ? today : g.periodEnd();
            int elapsed = calendar.count(g.periodStart(), last);
            String owner = g.userId() != null ? users.get(g.userId()) : teams.get(g.teamId());
            t.row(Long.toString(g.id()), owner, g.userId() != null ? "manager" : "team", g.metric().code(),
                    g.periodStart(), g.periodEnd(), g.target(), fact, Ratios.ratio(fact, g.target()),
                    Ratios.ratio(elapsed, total), forecast(g, goalFacts, fact, elapsed, total, stages));
            String group = g.metric().code() + (g.userId() != null ? "" : TEAM_SUFFIX);
            targets.merge(group, g.target(), BigDecimal::add);
            facts.merge(group, fact, BigDecimal::add);
        }
        targets.forEach((group, v) -> {
            t.summary(group + "_target", v);
            t.summary(group + "_fact", facts.get(group));
        });
        return t.build();
    }

    /**
     * The goals of the filter the signed-in user may see as rows: an administrator every goal, a supervisor
     * the team's goal and its members' goals, a manager only own goals (a team goal's fact is the whole
     * team's, which a manager does not see; docs/decisions/0008-plan-fact-totals-visibility.md).
     */
    private List<Goal> visibleGoals(ReportFilter f) {
        List<Goal> all = support.plans.goals(f);
        org.deskcrm.model.user.AccessScope a = support.access();
        return switch (a.kind()) {
            case ALL -> all;
            case OWNER -> all.stream().filter(g -> a.userId().equals(g.userId())).toList();
            case TEAM -> {
                Map<Long, Long> teamOf = support.lookups.teamOfUser();
                yield all.stream().filter(g -> a.teamId() != null && (a.teamId().equals(g.teamId())
                        || g.userId() != null && a.teamId().equals(teamOf.get(g.userId())))).toList();
            }
        };
    }

    /** The goal's owner and period over the filter's pipeline, source and band. */
    private ReportScope goalScope(ReportFilter f, Goal g) {
        return support.scope(new ReportFilter(g.periodStart(), g.periodEnd(), f.pipelineId(), g.userId(), g.teamId(),
                f.sourceId(), f.band()));
    }

    static ActivityFigures.Kind activityKind(GoalMetric metric) {
        return switch (metric) {
            case NEW_CLIENTS -> ActivityFigures.Kind.NEW_CLIENTS;
            case CALLS -> ActivityFigures.Kind.OUTGOING_CALLS;
            case MEETINGS -> ActivityFigures.Kind.MEETINGS;
            case PROPOSALS -> ActivityFigures.Kind.PROPOSALS;
            default -> throw new IllegalArgumentException(metric.code());
        };
    }

    private BigDecimal forecast(Goal g, GoalFacts goalFacts, BigDecimal fact, int elapsed, int total,
                                Map<Long, Stage> stages) {
        if (g.metric() == GoalMetric.REVENUE || g.metric() == GoalMetric.WON_DEALS) {
            BigDecimal expected = BigDecimal.ZERO;
            for (DealFigures.StageAmount a : goalFacts.openExpected(g)) {
                BigDecimal p = stages.get(a.stageId()).probability().divide(HUNDRED);
                expected = expected.add(g.metric() == GoalMetric.REVENUE ? a.amount().multiply(p)
                        : BigDecimal.valueOf(a.count()).multiply(p));
            }
            return fact.add(expected).setScale(2, RoundingMode.HALF_UP);
        }
        if (elapsed >= total) {
            return fact;
        }
        if (elapsed == 0) {
            return null;
        }
        return fact.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP);
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (!"fact".equals(column) || rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        Pick pick = Pick.parse(rowKey);
        Goal g = visibleGoals(f).stream().filter(x -> pick.key() != null && x.id() == pick.key()).findFirst()
                .orElseThrow(() -> ReportSupport.unknownFigure(NAME, rowKey));
        ReportScope s = goalScope(f, g);
        List<DrillItem> items = switch (g.metric()) {
            case REVENUE, WON_DEALS -> revenue.ownerDrill(Pick.all(), s);
            default -> support.activity.drill(activityKind(g.metric()), Pick.all(), s);
        };
        return ReportSupport.drill(NAME, column, rowKey, g.metric() == GoalMetric.REVENUE ? DrillKind.SUM : DrillKind.COUNT,
                items);
    }
}
