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
import org.deskcrm.persistence.report.CallFigures.CallDay;
import org.deskcrm.persistence.report.CallFigures.CallRow;
import org.deskcrm.persistence.report.FirstCallQueries.Neighbours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Calls per manager and business day (or week): outgoing, incoming, answered, missed, missed and
 * returned (closed by a callback in the missed-call list), first calls and those resolved at once
 * (first-call resolution, ADR 0002), total and average duration. The database counts the calls per user
 * and business day (the day in the business time zone, see {@code BusinessDays}); weeks add the days up
 * here, and first calls are counted from the first-call query's rows, which carry the same business day.
 */
public final class CallsReport implements Report {
    public static final String NAME = "calls";
    private static final List<String> COLUMNS = List.of("calls", "outgoing", "incoming", "answered", "missed",
            "returned", "first_calls", "first_resolved", "duration_sec");
    private static final int CALLS = 0;
    private static final int OUTGOING = 1;
    private static final int INCOMING = 2;
    private static final int ANSWERED = 3;
    private static final int MISSED = 4;
    private static final int RETURNED = 5;
    private static final int FIRST = 6;
    private static final int RESOLVED = 7;
    private static final int DURATION = 8;
    private final ReportSupport support;

    public CallsReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Grain> grains() {
        return List.of(Grain.DAY, Grain.WEEK);
    }

    private record Key(Long userId, LocalDate day) {
        String text() {
            return Pick.keyOf(userId) + "|" + day;
        }
    }

    private Grain grain(ReportFilter f) {
        Grain g = f.grainOr(Grain.DAY);
        return g == Grain.PERIOD ? Grain.DAY : g;
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        return run(f, s, support.callFigures.fromTotals(s));
    }

    /**
     * The report from the stored call totals (first calls decided when the calls were written) or counted from
     * the call records (first calls by the first-call query): the same table either way.
     */
    ReportTable run(ReportFilter f, ReportScope s, boolean fromTotals) {
        Grain grain = grain(f);
        Duration window = FirstCallResolution.window(support);
        Map<Long, String> names = support.lookups.userNames();
        Comparator<Key> order = Comparator.comparing((Key k) -> k.userId() == null ? "\uffff" : names.getOrDefault(k.userId(), ""))
                .thenComparing(k -> k.userId() == null ? Long.MAX_VALUE : k.userId()).thenComparing(Key::day);
        Map<Key, long[]> groups = new TreeMap<>(order);
        List<CallDay> days = fromTotals ? support.callFigures.byUserAndDayFromTotals(s)
                : support.callFigures.byUserAndDayRecorded(s);
        for (CallDay d : days) {
            long[] a = groups.computeIfAbsent(new Key(d.userId(), grain.bucket(d.day(), f.from())), k -> new long[9]);
            a[CALLS] += d.calls();
            a[OUTGOING] += d.outgoing();
            a[INCOMING] += d.incoming();
            a[ANSWERED] += d.answered();
            a[MISSED] += d.missed();
            a[RETURNED] += d.returned();
            a[DURATION] += d.durationSec();
            a[FIRST] += d.first();
            a[RESOLVED] += d.resolved();
        }
        List<Neighbours> answered = fromTotals ? List.of() : support.firstCalls.answeredIncoming(s, window);
        for (Neighbours n : answered) {
            if (FirstCallResolution.isFirst(n, window)) {
                long[] a = groups.computeIfAbsent(new Key(n.userId(), grain.bucket(n.day(), f.from())), k -> new long[9]);
                a[FIRST]++;
                a[RESOLVED] += FirstCallResolution.isResolved(n, window) ? 1 : 0;
            }
        }
        TableBuilder t = new TableBuilder(NAME, f, Column.text("manager"), Column.date(grain == Grain.WEEK ? "week" : "day"),
                Column.count("calls"), Column.count("outgoing"), Column.count("incoming"), Column.count("answered"),
                Column.count("missed"), Column.count("returned"), Column.count("first_calls"),
                Column.count("first_resolved"), Column.ratio("fcr"),
                new Column("duration_sec", ColumnType.NUMBER, true, DrillKind.SUM), Column.number("avg_sec"));
        groups.forEach((k, a) -> {
            BigDecimal duration = BigDecimal.valueOf(a[DURATION]);
            t.row(k.text(), k.userId() == null ? null : names.get(k.userId()), k.day(), a[CALLS], a[OUTGOING],
                    a[INCOMING], a[ANSWERED], a[MISSED], a[RETURNED], a[FIRST], a[RESOLVED],
                    Ratios.ratio(BigDecimal.valueOf(a[RESOLVED]), BigDecimal.valueOf(a[FIRST])),
                    duration, avg(duration, a[CALLS]));
        });
        Map<String, Object> derived = new HashMap<>();
        derived.put("avg_sec", avg(t.amount("duration_sec"), t.count("calls")));
        derived.put("fcr", Ratios.ratio(BigDecimal.valueOf(t.count("first_resolved")), BigDecimal.valueOf(t.count("first_calls"))));
        t.summary("fcr_days", window.toDays());
        return t.build(derived);
    }

    private static BigDecimal avg(BigDecimal total, long n) {
        return n == 0 ? null : total.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }

    /** Which calls a figure counts, given which calls are first calls and which of them were resolved. */
    private static Predicate<CallRow> counted(String column, FirstCallResolution.Outcome fcr) {
        return switch (column) {
            case "outgoing" -> c -> "out".equals(c.direction());
            case "incoming" -> c -> "in".equals(c.direction());
            case "answered" -> c -> "answered".equals(c.status());
            case "missed" -> c -> "missed".equals(c.status());
            case "returned" -> c -> "missed".equals(c.status()) && c.missedReturned();
            case "first_calls" -> c -> fcr.first().contains(c.id());
            case "first_resolved" -> c -> fcr.resolved().contains(c.id());
            default -> c -> true;
        };
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (!COLUMNS.contains(column) || rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        ReportScope s = support.scope(f);
        Grain grain = grain(f);
        Pick user = Pick.all();
        LocalDate first = f.from();
        LocalDate last = f.to();
        if (!rowKey.equals(ReportTable.TOTALS)) {
            int bar = rowKey.indexOf('|');
            if (bar < 0) {
                throw ReportSupport.unknownFigure(NAME, rowKey);
            }
            user = Pick.parse(rowKey.substring(0, bar));
            first = LocalDate.parse(rowKey.substring(bar + 1));
            last = grain.bucketEnd(first, f.to());
        }
        boolean seconds = column.equals("duration_sec");
        List<DrillItem> items = List.of();
        if (grain.bucket(first, f.from()).equals(first)) {
            Duration window = FirstCallResolution.window(support);
            FirstCallResolution.Outcome fcr = column.startsWith("first_")
                    ? FirstCallResolution.of(support.firstCalls.answeredIncoming(s, window), window)
                    : new FirstCallResolution.Outcome(Set.of(), Set.of());
            items = support.callFigures.calls(s, user, first, last).stream().filter(counted(column, fcr))
                    .map(c -> new DrillItem("call", c.id(), c.direction() + " " + c.status(),
                            seconds ? BigDecimal.valueOf(c.durationSec()) : null)).toList();
        }
        return ReportSupport.drill(NAME, column, rowKey, seconds ? DrillKind.SUM : DrillKind.COUNT, items);
    }
}
