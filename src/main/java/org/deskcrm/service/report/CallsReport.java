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
import org.deskcrm.persistence.report.WorkQueries.CallFact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Calls per manager and business day (or week): outgoing, incoming, answered, missed, missed and
 * returned (closed by a callback in the missed-call list), first calls and those resolved at once
 * (first-call resolution, ADR 0002), total and average duration. The period's calls are read once
 * over {@code ix_phone_call_user} and grouped by business day in Java, because the day depends on the
 * business time zone (portable SQL has no zone-aware date truncation).
 */
public final class CallsReport implements Report {
    public static final String NAME = "calls";
    private static final List<String> COLUMNS = List.of("calls", "outgoing", "incoming", "answered", "missed",
            "returned", "first_calls", "first_resolved", "duration_sec");
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

    /** What each figure counts, given which calls are first calls and which of them were resolved. */
    private static Map<String, Predicate<CallFact>> counts(FirstCallResolution.Outcome fcr) {
        Map<String, Predicate<CallFact>> m = new LinkedHashMap<>();
        m.put("calls", c -> true);
        m.put("outgoing", c -> "out".equals(c.direction()));
        m.put("incoming", c -> "in".equals(c.direction()));
        m.put("answered", c -> "answered".equals(c.status()));
        m.put("missed", c -> "missed".equals(c.status()));
        m.put("returned", c -> "missed".equals(c.status()) && c.missedReturned());
        m.put("first_calls", c -> fcr.first().contains(c.id()));
        m.put("first_resolved", c -> fcr.resolved().contains(c.id()));
        m.put("duration_sec", c -> true);
        return m;
    }

    private FirstCallResolution.Outcome fcr(ReportScope s, Duration window) {
        return FirstCallResolution.of(support.firstCalls.answeredIncoming(s, window), window);
    }

    private Grain grain(ReportFilter f) {
        Grain g = f.grainOr(Grain.DAY);
        return g == Grain.PERIOD ? Grain.DAY : g;
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        ZoneId zone = s.zone();
        Grain grain = grain(f);
        Duration window = FirstCallResolution.window(support);
        Map<String, Predicate<CallFact>> counts = counts(fcr(s, window));
        Map<Long, String> names = support.lookups.userNames();
        Comparator<Key> order = Comparator.comparing((Key k) -> k.userId() == null ? "\uffff" : names.getOrDefault(k.userId(), ""))
                .thenComparing(k -> k.userId() == null ? Long.MAX_VALUE : k.userId()).thenComparing(Key::day);
        Map<Key, List<CallFact>> groups = new TreeMap<>(order);
        for (CallFact c : support.work.calls(s)) {
            LocalDate day = grain.bucket(c.startedAt().atZone(zone).toLocalDate(), f.from());
            groups.computeIfAbsent(new Key(c.userId(), day), k -> new ArrayList<>()).add(c);
        }
        TableBuilder t = new TableBuilder(NAME, f, Column.text("manager"), Column.date(grain == Grain.WEEK ? "week" : "day"),
                Column.count("calls"), Column.count("outgoing"), Column.count("incoming"), Column.count("answered"),
                Column.count("missed"), Column.count("returned"), Column.count("first_calls"),
                Column.count("first_resolved"), Column.ratio("fcr"),
                new Column("duration_sec", ColumnType.NUMBER, true, DrillKind.SUM), Column.number("avg_sec"));
        groups.forEach((k, calls) -> {
            BigDecimal duration = duration(calls);
            long first = count(calls, counts.get("first_calls"));
            long resolved = count(calls, counts.get("first_resolved"));
            t.row(k.text(), k.userId() == null ? null : names.get(k.userId()), k.day(), (long) calls.size(),
                    count(calls, counts.get("outgoing")), count(calls, counts.get("incoming")),
                    count(calls, counts.get("answered")), count(calls, counts.get("missed")),
                    count(calls, counts.get("returned")), first, resolved,
                    Ratios.ratio(BigDecimal.valueOf(resolved), BigDecimal.valueOf(first)),
                    duration, avg(duration, calls.size()));
        });
        Map<String, Object> derived = new HashMap<>();
        derived.put("avg_sec", avg(t.amount("duration_sec"), t.count("calls")));
        derived.put("fcr", Ratios.ratio(BigDecimal.valueOf(t.count("first_resolved")), BigDecimal.valueOf(t.count("first_calls"))));
        t.summary("fcr_days", window.toDays());
        return t.build(derived);
    }

    private static long count(List<CallFact> calls, Predicate<CallFact> what) {
        return calls.stream().filter(what).count();
    }

    private static BigDecimal duration(List<CallFact> calls) {
        return BigDecimal.valueOf(calls.stream().mapToLong(CallFact::durationSec).sum());
    }

    private static BigDecimal avg(BigDecimal total, long n) {
        return n == 0 ? null : total.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (!COLUMNS.contains(column) || rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        ReportScope s = support.scope(f);
        Grain grain = grain(f);
        boolean fcrColumn = column.startsWith("first_");
        Predicate<CallFact> what = counts(fcrColumn ? fcr(s, FirstCallResolution.window(support))
                : new FirstCallResolution.Outcome(java.util.Set.of(), java.util.Set.of())).get(column);
        Predicate<CallFact> where = c -> true;
        if (!rowKey.equals(ReportTable.TOTALS)) {
            int bar = rowKey.indexOf('|');
            if (bar < 0) {
                throw ReportSupport.unknownFigure(NAME, rowKey);
            }
            Pick user = Pick.parse(rowKey.substring(0, bar));
            LocalDate day = LocalDate.parse(rowKey.substring(bar + 1));
            where = c -> Objects.equals(c.userId(), user.key())
                    && grain.bucket(c.startedAt().atZone(s.zone()).toLocalDate(), f.from()).equals(day);
        }
        boolean seconds = column.equals("duration_sec");
        List<DrillItem> items = support.work.calls(s).stream().filter(where).filter(what)
                .map(c -> new DrillItem("call", c.id(), c.direction() + " " + c.status(),
                        seconds ? BigDecimal.valueOf(c.durationSec()) : null)).toList();
        return ReportSupport.drill(NAME, column, rowKey, seconds ? DrillKind.SUM : DrillKind.COUNT, items);
    }
}
