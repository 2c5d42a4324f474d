package org.deskcrm.service.report;

import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.service.client.LifecycleRules;
import org.deskcrm.service.report.LifecycleHistory.Transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Client lifecycle over the period (ADR 0003): per status, how many active clients stood in it at the
 * start (end of the day before the period) and at the end, how many left it and entered it, and where
 * they went (from → to transition counts). Statuses are derived from the sales history with the
 * lifecycle rules and settings; the manager or team filter selects clients by owner. For every status
 * at the end = at the start − left + entered; the totals of both columns are the clients covered.
 */
public final class LifecycleReport implements Report {
    public static final String NAME = "lifecycle";
    private static final List<LifecycleStatus> TARGETS = List.of(LifecycleStatus.NEW_ONE_TIME,
            LifecycleStatus.OLD_ONE_TIME, LifecycleStatus.REGULAR, LifecycleStatus.CHURNED);
    private final ReportSupport support;

    public LifecycleReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    private LifecycleHistory history(ReportScope s) {
        LifecycleRules rules = new LifecycleRules(positive(support.intSetting("lifecycle.fresh_days", 90), 90),
                positive(support.intSetting("lifecycle.churn_days", 365), 365));
        return new LifecycleHistory(rules, s.filter().from(), s.filter().to(),
                support.lifecycle.before(s), support.lifecycle.within(s));
    }

    private static int positive(int v, int fallback) {
        return v > 0 ? v : fallback;
    }

    static String to(LifecycleStatus st) {
        return "to_" + st.code();
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        LifecycleHistory h = history(s);
        long withoutSales = support.lifecycle.activeClients(s) - h.atStart().size();
        List<Column> cols = new ArrayList<>(List.of(Column.text("status"), Column.count("at_start"), Column.count("left"),
                Column.count("entered"), Column.count("at_end")));
        TARGETS.forEach(t -> cols.add(Column.count(to(t))));
        TableBuilder t = new TableBuilder(NAME, f, cols.toArray(Column[]::new));
        // one pass over the transitions (a quarter of a million a year at 1 000 000 deals), not one per cell
        int n = LifecycleStatus.values().length;
        long[] left = new long[n];
        long[] entered = new long[n];
        long[][] moved = new long[n][n];
        for (Transition x : h.transitions()) {
            left[x.from().ordinal()]++;
            entered[x.to().ordinal()]++;
            moved[x.from().ordinal()][x.to().ordinal()]++;
        }
        long[] atStart = counts(h.atStart());
        long[] atEnd = counts(h.atEnd());
        for (LifecycleStatus st : LifecycleStatus.values()) {
            long extra = st == LifecycleStatus.POTENTIAL ? withoutSales : 0;
            int i = st.ordinal();
            List<Object> v = new ArrayList<>();
            v.add(st.code());
            v.add(extra + atStart[i]);
            v.add(left[i]);
            v.add(entered[i]);
            v.add(extra + atEnd[i]);
            for (LifecycleStatus target : TARGETS) {
                v.add(moved[i][target.ordinal()]);
            }
            t.row(st.code(), v.toArray());
        }
        t.summary("transitions", (long) h.transitions().size());
        return t.build();
    }

    /** How many clients are in each status (by the status's ordinal). */
    private static long[] counts(Map<Long, LifecycleStatus> m) {
        long[] c = new long[LifecycleStatus.values().length];
        m.values().forEach(v -> c[v.ordinal()]++);
        return c;
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        LifecycleStatus row = ReportTable.TOTALS.equals(rowKey) ? null : status(rowKey);
        ReportScope s = support.scope(f);
        LifecycleHistory h = history(s);
        List<DrillItem> items = switch (column) {
            case "at_start" -> clients(s, h.atStart(), row);
            case "at_end" -> clients(s, h.atEnd(), row);
            case "left" -> moves(s, h, x -> row == null || x.from() == row);
            case "entered" -> moves(s, h, x -> row == null || x.to() == row);
            default -> {
                LifecycleStatus target = TARGETS.stream().filter(st -> to(st).equals(column)).findFirst()
                        .orElseThrow(() -> ReportSupport.unknownFigure(NAME, column));
                yield moves(s, h, x -> x.to() == target && (row == null || x.from() == row));
            }
        };
        return ReportSupport.drill(NAME, column, rowKey, DrillKind.COUNT, items);
    }

    private static LifecycleStatus status(String code) {
        try {
            return LifecycleStatus.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new org.deskcrm.model.common.AppException("error.report.unknownRow", code);
        }
    }

    /** The active clients in a status (every one for the totals); clients without sales are potential. */
    private List<DrillItem> clients(ReportScope s, Map<Long, LifecycleStatus> statuses, LifecycleStatus row) {
        List<DrillItem> items = new ArrayList<>();
        support.lifecycle.activeClientNames(s).forEach((id, name) -> {
            LifecycleStatus st = statuses.getOrDefault(id, LifecycleStatus.POTENTIAL);
            if (row == null || st == row) {
                items.add(new DrillItem("client", id, name, null));
            }
        });
        return items;
    }

    /** The transitions matching, one line each: the client, from → to and the day. */
    private List<DrillItem> moves(ReportScope s, LifecycleHistory h, Predicate<Transition> which) {
        List<Transition> list = h.transitions().stream().filter(which).toList();
        Map<Long, String> names = support.lookups.clientNames(list.stream().map(Transition::clientId).distinct().toList());
        return list.stream().map(x -> new DrillItem("client", x.clientId(), names.get(x.clientId()) + ": "
                + x.from().code() + " → " + x.to().code() + ", " + x.day(), null)).toList();
    }
}
