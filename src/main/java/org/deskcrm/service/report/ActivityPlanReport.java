package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.report.ActivityFigures;
import org.deskcrm.persistence.report.WorkQueries.CallFact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Activity vs plan per manager over the period: outgoing calls, answered calls (any direction),
 * meetings, proposals and tasks done, each against the daily activity plan (the manager's own or
 * the default) times the working days of the period elapsed by today.
 */
public final class ActivityPlanReport implements Report {
    public static final String NAME = "activity";
    static final List<String> METRICS = List.of("outgoing_calls", "answered_calls", "meetings", "proposals", "tasks_done");
    private final ReportSupport support;

    public ActivityPlanReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        Map<String, Map<Long, Long>> facts = new HashMap<>();
        List<CallFact> calls = support.work.calls(s);
        for (CallFact c : calls) {
            if ("out".equals(c.direction())) {
                facts.computeIfAbsent("outgoing_calls", k -> new HashMap<>()).merge(c.userId(), 1L, Long::sum);
            }
            if ("answered".equals(c.status())) {
                facts.computeIfAbsent("answered_calls", k -> new HashMap<>()).merge(c.userId(), 1L, Long::sum);
            }
        }
        put(facts, "meetings", support.activity.byUser(ActivityFigures.Kind.MEETINGS, s));
        put(facts, "proposals", support.activity.byUser(ActivityFigures.Kind.PROPOSALS, s));
        put(facts, "tasks_done", support.work.doneTasksByAssignee(s));
        LocalDate today = support.today();
        LocalDate last = today.isBefore(f.to()) ? today : f.to();
        int days = new WorkingCalendar(support.plans.calendarOverrides(f.from(), f.to())).count(f.from(), last);
        Map<Long, Map<String, BigDecimal>> plans = support.work.activityPlans();
        Map<Long, String> names = support.lookups.userNames();
        Set<Long> withFacts = new java.util.HashSet<>();
        facts.values().forEach(m -> withFacts.addAll(m.keySet()));
        List<Long> users = new java.util.ArrayList<>(names.keySet().stream().filter(withFacts::contains).toList());
        if (withFacts.contains(null)) {
            users.add(null); // records without a user: their own row, so the totals cover every record
        }
        TableBuilder t = new TableBuilder(NAME, f, columns());
        for (Long u : users) {
            Object[] v = new Object[1 + METRICS.size() * 3];
            v[0] = u == null ? null : names.get(u);
            int i = 1;
            for (String m : METRICS) {
                long fact = facts.getOrDefault(m, Map.of()).getOrDefault(u, 0L);
                BigDecimal plan = u == null ? BigDecimal.ZERO : perDay(plans, u, m).multiply(BigDecimal.valueOf(days));
                v[i++] = fact;
                v[i++] = plan;
                v[i++] = Ratios.ratio(BigDecimal.valueOf(fact), plan);
            }
            t.row(Pick.keyOf(u), v);
        }
        t.summary("working_days", (long) days);
        return t.build();
    }

    private static Column[] columns() {
        Column[] c = new Column[1 + METRICS.size() * 3];
        c[0] = Column.text("manager");
        int i = 1;
        for (String m : METRICS) {
            c[i++] = Column.count(m);
            c[i++] = new Column(m + "_plan", org.deskcrm.model.report.ColumnType.NUMBER, true, DrillKind.NONE);
            c[i++] = Column.ratio(m + "_done");
        }
        return c;
    }

    private static void put(Map<String, Map<Long, Long>> facts, String metric, List<org.deskcrm.model.report.Tally> tallies) {
        Map<Long, Long> m = facts.computeIfAbsent(metric, k -> new HashMap<>());
        tallies.forEach(t -> m.merge(t.key(), t.count(), Long::sum));
    }

    private static BigDecimal perDay(Map<Long, Map<String, BigDecimal>> plans, Long user, String metric) {
        BigDecimal own = plans.getOrDefault(user, Map.of()).get(metric);
        if (own != null) {
            return own;
        }
        return plans.getOrDefault(null, Map.of()).getOrDefault(metric, BigDecimal.ZERO);
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (rowKey == null || !METRICS.contains(column)) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        ReportScope s = support.scope(f);
        Pick p = Pick.parse(rowKey);
        List<DrillItem> items = switch (column) {
            case "outgoing_calls", "answered_calls" -> support.work.calls(s).stream()
                    .filter(c -> column.equals("outgoing_calls") ? "out".equals(c.direction()) : "answered".equals(c.status()))
                    .filter(c -> p.any() || Objects.equals(c.userId(), p.key()))
                    .map(c -> new DrillItem("call", c.id(), c.direction() + " " + c.status(), null)).toList();
            case "meetings" -> support.activity.drill(ActivityFigures.Kind.MEETINGS, p, s);
            case "proposals" -> support.activity.drill(ActivityFigures.Kind.PROPOSALS, p, s);
            default -> support.work.doneTasksDrill(s, p);
        };
        return ReportSupport.drill(NAME, column, rowKey, DrillKind.COUNT, items);
    }
}
