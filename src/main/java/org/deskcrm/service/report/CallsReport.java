package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.report.WorkQueries.CallFact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Calls per manager and business day: outgoing, incoming, answered, missed, missed and returned
 * (closed by a callback in the missed-call list), total and average duration. The period's calls
 * are read once over {@code ix_phone_call_user} and grouped by business day in Java, because the
 * day depends on the business time zone (portable SQL has no zone-aware date truncation).
 */
public final class CallsReport implements Report {
    public static final String NAME = "calls";
    private static final Map<String, Predicate<CallFact>> COUNTS = Map.of(
            "calls", c -> true,
            "outgoing", c -> "out".equals(c.direction()),
            "incoming", c -> "in".equals(c.direction()),
            "answered", c -> "answered".equals(c.status()),
            "missed", c -> "missed".equals(c.status()),
            "returned", c -> "missed".equals(c.status()) && c.missedReturned(),
            "duration_sec", c -> true);
    private final ReportSupport support;

    public CallsReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Key(Long userId, LocalDate day) {
        String text() {
            return Pick.keyOf(userId) + "|" + day;
        }
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        ZoneId zone = s.zone();
        Map<Long, String> names = support.lookups.userNames();
        Comparator<Key> order = Comparator.comparing((Key k) -> k.userId() == null ? "\uffff" : names.getOrDefault(k.userId(), ""))
                .thenComparing(k -> k.userId() == null ? Long.MAX_VALUE : k.userId()).thenComparing(Key::day);
        Map<Key, List<CallFact>> groups = new TreeMap<>(order);
        for (CallFact c : support.work.calls(s)) {
            groups.computeIfAbsent(new Key(c.userId(), c.startedAt().atZone(zone).toLocalDate()), k -> new ArrayList<>()).add(c);
        }
        TableBuilder t = new TableBuilder(NAME, f, Column.text("manager"), Column.date("day"), Column.count("calls"),
                Column.count("outgoing"), Column.count("incoming"), Column.count("answered"), Column.count("missed"),
                Column.count("returned"), new Column("duration_sec", ColumnType.NUMBER, true, DrillKind.SUM),
                Column.number("avg_sec"));
        groups.forEach((k, calls) -> {
            BigDecimal duration = duration(calls);
            t.row(k.text(), k.userId() == null ? null : names.get(k.userId()), k.day(), (long) calls.size(),
                    count(calls, "outgoing"), count(calls, "incoming"), count(calls, "answered"), count(calls, "missed"),
                    count(calls, "returned"), duration, avg(duration, calls.size()));
        });
        Map<String, Object> derived = new java.util.HashMap<>();
        derived.put("avg_sec", avg(t.amount("duration_sec"), t.count("calls")));
        return t.build(derived);
    }

    private static long count(List<CallFact> calls, String column) {
        return calls.stream().filter(COUNTS.get(column)).count();
    }

    private static BigDecimal duration(List<CallFact> calls) {
        return BigDecimal.valueOf(calls.stream().mapToLong(CallFact::durationSec).sum());
    }

    private static BigDecimal avg(BigDecimal total, long n) {
        return n == 0 ? null : total.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        Predicate<CallFact> what = COUNTS.get(column);
        if (what == null || rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        ReportScope s = support.scope(f);
        Predicate<CallFact> where = c -> true;
        if (!rowKey.equals(ReportTable.TOTALS)) {
            int bar = rowKey.indexOf('|');
            if (bar < 0) {
                throw ReportSupport.unknownFigure(NAME, rowKey);
            }
            Pick user = Pick.parse(rowKey.substring(0, bar));
            LocalDate day = LocalDate.parse(rowKey.substring(bar + 1));
            where = c -> Objects.equals(c.userId(), user.key()) && c.startedAt().atZone(s.zone()).toLocalDate().equals(day);
        }
        boolean seconds = column.equals("duration_sec");
        List<DrillItem> items = support.work.calls(s).stream().filter(where).filter(what)
                .map(c -> new DrillItem("call", c.id(), c.direction() + " " + c.status(),
                        seconds ? BigDecimal.valueOf(c.durationSec()) : null)).toList();
        return ReportSupport.drill(NAME, column, rowKey, seconds ? DrillKind.SUM : DrillKind.COUNT, items);
    }
}
