package org.deskcrm.service.report;

import org.deskcrm.model.report.Goal;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.report.DealFigures;
import org.deskcrm.persistence.report.SpanFigures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The facts of many goals read set-based: the goals' periods are cut at every goal's first day and at the
 * day after every goal's last day, and one query per metric (and one for open deals) reads the whole span
 * grouped by that bucket and by user, so a year of monthly, quarterly and yearly goals costs six queries
 * however many periods and goals there are. A goal's fact is then the sum over its period's buckets and
 * over the users its own filter would select (the manager, or the members of the team), so the figures
 * equal a per-goal query's exactly. The pipeline, source and band of the report's filter apply, and the
 * access scope narrows the shared queries and each goal as it would a per-goal one.
 */
final class GoalFacts {
    private final ReportSupport support;
    private final ReportFilter base;
    private final Map<Long, Long> teamOfUser;
    /** Ascending: every goal's first day and the day after its last; bucket i is [bounds i, bounds i+1). */
    private final List<LocalDate> bounds;
    private final Map<String, List<List<SpanFigures.Cell>>> cells = new HashMap<>();
    private List<List<DealFigures.StageAmount>> open;

    GoalFacts(ReportSupport support, ReportFilter filter, List<Goal> goals) {
        this.support = support;
        this.base = filter;
        this.teamOfUser = support.lookups.teamOfUser();
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Goal g : goals) {
            days.add(g.periodStart());
            days.add(g.periodEnd().plusDays(1));
        }
        this.bounds = List.copyOf(days);
    }

    /** The goal's manager or team as a per-goal query would see it (narrowed by the access scope). */
    private ReportFilter who(Goal g) {
        return support.visible(new ReportFilter(g.periodStart(), g.periodEnd(), base.pipelineId(), g.userId(),
                g.teamId(), base.sourceId(), base.band()));
    }

    /** The metric's fact for the goal. */
    BigDecimal fact(Goal g) {
        ReportFilter who = who(g);
        List<List<SpanFigures.Cell>> byBucket = cells.computeIfAbsent(source(g.metric()), k -> read(g.metric()));
        BigDecimal amount = BigDecimal.ZERO;
        long count = 0;
        for (int b = bucket(g.periodStart()); b < bucket(g.periodEnd().plusDays(1)); b++) {
            for (SpanFigures.Cell c : byBucket.get(b)) {
                if (selects(who, c.userId())) {
                    amount = amount.add(c.amount());
                    count += c.count();
                }
            }
        }
        return g.metric() == GoalMetric.REVENUE ? amount : BigDecimal.valueOf(count);
    }

    /** Open deals expected to close within the goal's period, of the goal's owner, by owner and stage. */
    List<DealFigures.StageAmount> openExpected(Goal g) {
        ReportFilter who = who(g);
        if (open == null) {
            open = perBucket(support.spans.openExpected(span(), cuts()), SpanFigures.OpenCell::bucket,
                    SpanFigures.OpenCell::amount);
        }
        List<DealFigures.StageAmount> list = new ArrayList<>();
        for (int b = bucket(g.periodStart()); b < bucket(g.periodEnd().plusDays(1)); b++) {
            for (DealFigures.StageAmount a : open.get(b)) {
                if (selects(who, a.ownerId())) {
                    list.add(a);
                }
            }
        }
        return list;
    }

    /** Revenue and won deals come from the same won deals; every other metric from its own records. */
    private static String source(GoalMetric metric) {
        return metric == GoalMetric.REVENUE || metric == GoalMetric.WON_DEALS ? "won" : metric.code();
    }

    private List<List<SpanFigures.Cell>> read(GoalMetric metric) {
        List<SpanFigures.Cell> rows = switch (metric) {
            case REVENUE, WON_DEALS -> support.spans.won(span(), cuts());
            default -> support.spans.activity(PlanFactReport.activityKind(metric), span(), cuts());
        };
        return perBucket(rows, SpanFigures.Cell::bucket, c -> c);
    }

    private <T, R> List<List<R>> perBucket(List<T> rows, Function<T, Integer> bucket, Function<T, R> value) {
        List<List<R>> list = new ArrayList<>();
        for (int i = 0; i < bounds.size() - 1; i++) {
            list.add(new ArrayList<>());
        }
        for (T row : rows) {
            list.get(bucket.apply(row)).add(value.apply(row));
        }
        return list;
    }

    /** The bucket starting on a bound (a goal's first day, or the day after its last). */
    private int bucket(LocalDate bound) {
        int i = Collections.binarySearch(bounds, bound);
        if (i < 0) {
            throw new IllegalArgumentException(bound.toString());
        }
        return i;
    }

    /** The bounds inside the span: where one bucket ends and the next begins. */
    private List<LocalDate> cuts() {
        return bounds.subList(1, bounds.size() - 1);
    }

    /** Every user's figures over all the goals' periods (narrowed by the access scope only). */
    private ReportScope span() {
        return new ReportScope(support.visible(new ReportFilter(bounds.get(0), bounds.get(bounds.size() - 1).minusDays(1),
                base.pipelineId(), null, null, base.sourceId(), base.band())), support.zone());
    }

    /** Whether a per-goal query with this manager and team would have counted the user's records. */
    private boolean selects(ReportFilter who, Long userId) {
        if (userId == null) {
            return who.managerId() == null && who.teamId() == null;
        }
        return (who.managerId() == null || who.managerId().equals(userId))
                && (who.teamId() == null || Objects.equals(teamOfUser.get(userId), who.teamId()));
    }
}
