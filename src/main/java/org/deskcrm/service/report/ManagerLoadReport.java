package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.report.DealFigures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.deskcrm.service.report.ManagerRatingReport.amount;
import static org.deskcrm.service.report.ManagerRatingReport.count;
import static org.deskcrm.service.report.ManagerRatingReport.index;

/**
 * Manager load (summary), as of now: active clients owned, open deals and their amount, open and
 * overdue tasks; and the conversion of the filter's period = won / (won + lost) deals closed in it.
 */
public final class ManagerLoadReport implements Report {
    public static final String NAME = "manager-load";
    private final ReportSupport support;

    public ManagerLoadReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        Map<Long, Tally> clients = index(support.work.clientsByOwner(s));
        Map<Long, Tally> open = index(support.deals.openByOwner(s));
        Map<Long, Tally> tasks = index(support.work.openTasksByAssignee(s, null));
        Map<Long, Tally> overdue = index(support.work.openTasksByAssignee(s, support.now()));
        Map<Long, Tally> won = index(support.deals.grouped(DealFigures.Outcome.WON, DealFigures.By.OWNER, s));
        Map<Long, Tally> lost = index(support.deals.grouped(DealFigures.Outcome.LOST, DealFigures.By.OWNER, s));
        Map<Long, String> names = support.lookups.userNames();
        Set<Long> keys = new LinkedHashSet<>(names.keySet());
        keys.retainAll(union(clients, open, tasks, won, lost));
        List<Long> order = new ArrayList<>(keys);
        if (union(clients, open, tasks).contains(null)) {
            order.add(null);
        }
        TableBuilder t = new TableBuilder(NAME, f, Column.text("manager"), Column.count("clients"),
                Column.count("open_deals"), Column.money("open_amount"), Column.count("open_tasks"),
                Column.count("overdue_tasks"), Column.ratio("conversion"));
        for (Long k : order) {
            long w = count(won, k);
            t.row(Pick.keyOf(k), k == null ? null : names.get(k), count(clients, k), count(open, k), amount(open, k),
                    count(tasks, k), count(overdue, k), Ratios.ratio(w, w + count(lost, k)));
        }
        long w = won.values().stream().mapToLong(Tally::count).sum();
        long l = lost.values().stream().mapToLong(Tally::count).sum();
        Map<String, Object> derived = new HashMap<>();
        derived.put("conversion", Ratios.ratio(w, w + l));
        return t.build(derived);
    }

    @SafeVarargs
    private static Set<Long> union(Map<Long, Tally>... maps) {
        Set<Long> s = new LinkedHashSet<>();
        for (Map<Long, Tally> m : maps) {
            s.addAll(m.keySet());
        }
        return s;
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        ReportScope s = support.scope(f);
        Pick p = Pick.parse(rowKey);
        List<DrillItem> items = switch (column) {
            case "clients" -> support.work.clientsDrill(s, p);
            case "open_deals", "open_amount" -> support.deals.openDrill(p, s);
            case "open_tasks" -> support.work.openTasksDrill(s, null, p);
            case "overdue_tasks" -> support.work.openTasksDrill(s, support.now(), p);
            default -> throw ReportSupport.unknownFigure(NAME, column);
        };
        return ReportSupport.drill(NAME, column, rowKey, column.equals("open_amount") ? DrillKind.SUM : DrillKind.COUNT,
                items);
    }
}
