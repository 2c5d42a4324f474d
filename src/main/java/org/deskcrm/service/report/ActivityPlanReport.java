package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Grain;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.report.ActivityFigures;
import org.deskcrm.persistence.report.CallFigures;
import org.deskcrm.persistence.report.DatedFacts.Dated;
import org.deskcrm.persistence.report.WorkQueries.CallFact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Activity vs plan per manager over the period, or per manager and business day or week: outgoing
 * calls, answered calls (any direction), meetings, proposals and tasks done, each against the daily
 * activity plan (the manager's own or the default) times the working days of the row's days elapsed by
 * today. With a day or week grain every manager with any activity in the period gets a row for each
 * elapsed working day (or week) even when he did nothing then, so a missed day shows as zero against
 * its plan; the rows' totals are those of the whole-period table.
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
    public List<Grain> grains() {
        return List.of(Grain.PERIOD, Grain.DAY, Grain.WEEK);
    }

    /** Every record behind the facts of the period, by metric. */
    private Map<String, List<Dated>> facts(ReportScope s) {
        Map<String, List<Dated>> m = new LinkedHashMap<>();
        List<CallFact> calls = support.work.calls(s);
        for (String metric : METRICS) {
            m.put(metric, facts(metric, s, calls));
        }
        return m;
    }

    /** The records behind one metric; the period's calls are read when not given. */
    private List<Dated> facts(String metric, ReportScope s, List<CallFact> calls) {
        return switch (metric) {
            case "outgoing_calls" -> calls(calls == null ? support.work.calls(s) : calls, c -> "out".equals(c.direction()));
            case "answered_calls" -> calls(calls == null ? support.work.calls(s) : calls, c -> "answered".equals(c.status()));
            case "meetings" -> support.dated.activities("meeting", s);
            case "proposals" -> support.dated.activities("proposal", s);
            default -> support.dated.tasksDone(s);
        };
    }

    private static List<Dated> calls(List<CallFact> calls, Predicate<CallFact> which) {
        return calls.stream().filter(which)
                .map(c -> new Dated(c.id(), c.userId(), c.startedAt(), c.direction() + " " + c.status())).toList();
    }

    private static String key(Grain grain, Long user, LocalDate bucket) {
        return grain == Grain.PERIOD ? Pick.keyOf(user) : Pick.keyOf(user) + "|" + bucket;
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        Grain grain = f.grainOr(Grain.PERIOD);
        Map<String, Map<String, Long>> counted = new HashMap<>();
        Map<Long, Set<LocalDate>> buckets = new HashMap<>();
        if (grain == Grain.PERIOD) {
            countPeriod(s, f.from(), counted, buckets);
        } else {
            facts(s).forEach((metric, list) -> list.forEach(d -> {
                LocalDate b = grain.bucket(d.at().atZone(s.zone()).toLocalDate(), f.from());
                buckets.computeIfAbsent(d.userId(), k -> new TreeSet<>()).add(b);
                counted.computeIfAbsent(metric, k -> new HashMap<>()).merge(key(grain, d.userId(), b), 1L, Long::sum);
            }));
        }
        LocalDate today = support.today();
        LocalDate last = today.isBefore(f.to()) ? today : f.to();
        WorkingCalendar calendar = new WorkingCalendar(support.plans.calendarOverrides(f.from(), f.to()));
        int days = calendar.count(f.from(), last);
        Map<Long, Map<String, BigDecimal>> plans = support.work.activityPlans();
        Map<Long, String> names = support.lookups.userNames();
        List<Long> users = new ArrayList<>(names.keySet().stream().filter(buckets::containsKey).toList());
        if (buckets.containsKey(null)) {
            users.add(null); // records without a user: their own rows, so the totals cover every record
        }
        TableBuilder t = new TableBuilder(NAME, f, columns(grain));
        for (Long u : users) {
            Set<LocalDate> rows = new TreeSet<>(buckets.get(u));
            if (u != null && grain != Grain.PERIOD) {
                for (LocalDate d = f.from(); !d.isAfter(last); d = d.plusDays(1)) {
                    if (calendar.isWorking(d)) {
                        rows.add(grain.bucket(d, f.from()));
                    }
                }
            }
            for (LocalDate b : rows) {
                int planDays = grain == Grain.PERIOD ? days : calendar.count(b, min(grain.bucketEnd(b, f.to()), last));
                List<Object> v = new ArrayList<>();
                v.add(u == null ? null : names.get(u));
                if (grain != Grain.PERIOD) {
                    v.add(b);
                }
                for (String m : METRICS) {
                    long fact = counted.getOrDefault(m, Map.of()).getOrDefault(key(grain, u, b), 0L);
                    BigDecimal plan = u == null ? BigDecimal.ZERO : perDay(plans, u, m).multiply(BigDecimal.valueOf(planDays));
                    v.add(fact);
                    v.add(plan);
                    v.add(Ratios.ratio(BigDecimal.valueOf(fact), plan));
                }
                t.row(key(grain, u, b), v.toArray());
            }
        }
        t.summary("working_days", (long) days);
        return t.build();
    }

    /**
     * The whole period's counts per user, grouped in the database (a few rows per user instead of every
     * call, activity and task of the period): the same records as {@link #facts}, all in the period's one bucket.
     */
    private void countPeriod(ReportScope s, LocalDate bucket, Map<String, Map<String, Long>> counted,
                             Map<Long, Set<LocalDate>> buckets) {
        BiConsumer<String, Tally> add = (metric, t) -> {
            if (t.count() > 0) {
                buckets.computeIfAbsent(t.key(), k -> new TreeSet<>()).add(bucket);
                counted.computeIfAbsent(metric, k -> new HashMap<>()).merge(key(Grain.PERIOD, t.key(), bucket), t.count(),
                        Long::sum);
            }
        };
        for (CallFigures.UserCalls c : support.callFigures.byUser(s)) {
            add.accept("outgoing_calls", new Tally(c.userId(), c.outgoing(), null));
            add.accept("answered_calls", new Tally(c.userId(), c.answered(), null));
        }
        support.activity.byUser(ActivityFigures.Kind.MEETINGS, s).forEach(t -> add.accept("meetings", t));
        support.activity.byUser(ActivityFigures.Kind.PROPOSALS, s).forEach(t -> add.accept("proposals", t));
        support.work.doneTasksByAssignee(s).forEach(t -> add.accept("tasks_done", t));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Column[] columns(Grain grain) {
        List<Column> c = new ArrayList<>();
        c.add(Column.text("manager"));
        if (grain != Grain.PERIOD) {
            c.add(Column.date(grain == Grain.WEEK ? "week" : "day"));
        }
        for (String m : METRICS) {
            c.add(Column.count(m));
            c.add(new Column(m + "_plan", ColumnType.NUMBER, true, DrillKind.NONE));
            c.add(Column.ratio(m + "_done"));
        }
        return c.toArray(Column[]::new);
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
        Grain grain = f.grainOr(Grain.PERIOD);
        Predicate<Dated> where = d -> true;
        if (!rowKey.equals(ReportTable.TOTALS)) {
            int bar = rowKey.indexOf('|');
            Pick user = Pick.parse(bar < 0 ? rowKey : rowKey.substring(0, bar));
            LocalDate day = bar < 0 ? null : LocalDate.parse(rowKey.substring(bar + 1));
            where = d -> Objects.equals(d.userId(), user.key()) && (day == null
                    || grain.bucket(d.at().atZone(s.zone()).toLocalDate(), f.from()).equals(day));
        }
        String entity = column.endsWith("_calls") ? "call" : column.equals("tasks_done") ? "task" : "activity";
        List<DrillItem> items = facts(column, s, null).stream().filter(where)
                .map(d -> new DrillItem(entity, d.id(), d.label(), null)).toList();
        return ReportSupport.drill(NAME, column, rowKey, DrillKind.COUNT, items);
    }
}
