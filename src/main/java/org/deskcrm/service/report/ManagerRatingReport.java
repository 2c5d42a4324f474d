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
import org.deskcrm.persistence.report.ActivityFigures;
import org.deskcrm.persistence.report.DealFigures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manager rating, best revenue first: won deals and revenue (the revenue rule), average check =
 * revenue / won deals, leads = deals created in the period, won leads = those of them in a won stage now,
 * productivity = won leads / leads (a part over its whole, never above 100 %),
 * outgoing calls, revenue per call and per lead. Calls know no pipeline, source or band. People are rated
 * when they are active managers; anyone else (an administrator, a supervisor, a deactivated user) only with
 * deals of their own in the period, so that no row of zeros rates who does not sell (ADR 0019).
 */
public final class ManagerRatingReport implements Report {
    public static final String NAME = "manager-rating";
    private final ReportSupport support;
    private final Revenue revenue;

    public ManagerRatingReport(ReportSupport support) {
        this.support = support;
        this.revenue = new Revenue(support.deals);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        Map<Long, Tally> won = index(revenue.byOwner(s));
        Map<Long, Tally> leads = index(support.deals.grouped(DealFigures.Outcome.CREATED, DealFigures.By.OWNER, s));
        Map<Long, Tally> wonLeads = index(support.funnel.wonLeads(DealFigures.By.OWNER, s));
        Map<Long, Tally> calls = index(support.activity.byUser(ActivityFigures.Kind.OUTGOING_CALLS, s));
        Set<Long> keys = new LinkedHashSet<>();
        keys.addAll(won.keySet());
        keys.addAll(leads.keySet());
        keys.addAll(calls.keySet());
        Set<Long> rated = support.lookups.activeManagers();
        keys.removeIf(k -> k != null && !rated.contains(k) && count(won, k) == 0 && count(leads, k) == 0);
        List<Long> order = new ArrayList<>(keys);
        order.sort(Comparator.comparing((Long k) -> amount(won, k)).reversed()
                .thenComparing(k -> k == null ? Long.MAX_VALUE : k));
        Map<Long, String> names = support.lookups.userNames();
        TableBuilder t = new TableBuilder(NAME, f, Column.text("manager"), Column.count("won_deals"),
                Column.money("revenue"), Column.money("avg_check").notSummable().plain(), Column.count("leads"),
                Column.count("won_leads"), Column.ratio("productivity"), Column.count("calls"),
                Column.money("revenue_per_call").notSummable().plain(), Column.money("revenue_per_lead").notSummable().plain());
        for (Long k : order) {
            long w = count(won, k);
            BigDecimal rev = amount(won, k);
            long l = count(leads, k);
            long wl = count(wonLeads, k);
            long c = count(calls, k);
            t.row(Pick.keyOf(k), k == null ? null : names.get(k), w, rev, Ratios.money(rev, w), l,
                    wl, Ratios.ratio(wl, l), c, Ratios.money(rev, c), Ratios.money(rev, l));
        }
        long w = t.count("won_deals");
        BigDecimal rev = t.amount("revenue");
        long l = t.count("leads");
        long c = t.count("calls");
        Map<String, Object> derived = new HashMap<>();
        derived.put("avg_check", Ratios.money(rev, w));
        derived.put("productivity", Ratios.ratio(t.count("won_leads"), l));
        derived.put("revenue_per_call", Ratios.money(rev, c));
        derived.put("revenue_per_lead", Ratios.money(rev, l));
        return t.build(derived);
    }

    static Map<Long, Tally> index(List<Tally> list) {
        Map<Long, Tally> m = new HashMap<>();
        list.forEach(t -> m.put(t.key(), t));
        return m;
    }

    static long count(Map<Long, Tally> m, Long k) {
        Tally t = m.get(k);
        return t == null ? 0 : t.count();
    }

    static BigDecimal amount(Map<Long, Tally> m, Long k) {
        Tally t = m.get(k);
        return t == null ? BigDecimal.ZERO : t.amount();
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        ReportScope s = support.scope(f);
        Pick p = Pick.parse(rowKey);
        List<DrillItem> items = switch (column) {
            case "won_deals", "revenue" -> revenue.ownerDrill(p, s);
            case "leads" -> support.deals.drill(DealFigures.Outcome.CREATED, DealFigures.By.OWNER, p, s);
            case "won_leads" -> support.funnel.wonLeadsDrill(DealFigures.By.OWNER, p, s);
            case "calls" -> support.activity.drill(ActivityFigures.Kind.OUTGOING_CALLS, p, s);
            default -> throw ReportSupport.unknownFigure(NAME, column);
        };
        return ReportSupport.drill(NAME, column, rowKey, column.equals("revenue") ? DrillKind.SUM : DrillKind.COUNT, items);
    }
}
