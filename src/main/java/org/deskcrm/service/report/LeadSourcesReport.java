package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.CostEntry;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.report.DealFigures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lead sources (the deal's source): leads = deals created in the period, won leads = those of them in a
 * won stage now (a part of the leads), conversion = won leads / leads (never above 100 %), won deals and
 * revenue by the revenue rule (deals won in the period, whenever created: repeat orders too), cost = the source's cost entries overlapping the
 * period, each prorated by its overlapping days, ROI = (revenue − cost) / cost. Deals without a
 * source are a row of their own, so the totals equal the revenue of every other report.
 */
public final class LeadSourcesReport implements Report {
    public static final String NAME = "lead-sources";
    private final ReportSupport support;
    private final Revenue revenue;

    public LeadSourcesReport(ReportSupport support) {
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
        Map<Long, Tally> leads = ManagerRatingReport.index(
                support.deals.grouped(DealFigures.Outcome.CREATED, DealFigures.By.SOURCE, s));
        Map<Long, Tally> won = ManagerRatingReport.index(revenue.bySource(s));
        Map<Long, Tally> wonLeads = ManagerRatingReport.index(support.funnel.wonLeads(DealFigures.By.SOURCE, s));
        Map<Long, BigDecimal> cost = new HashMap<>();
        for (CostEntry e : costEntries(f, Pick.all())) {
            cost.merge(e.sourceId(), prorated(e, f.from(), f.to()), BigDecimal::add);
        }
        Set<Long> keys = new LinkedHashSet<>();
        keys.addAll(leads.keySet());
        keys.addAll(won.keySet());
        keys.addAll(cost.keySet());
        Map<Long, String> names = support.lookups.sourceNames();
        List<Long> order = new ArrayList<>(keys);
        order.sort(Comparator.comparing((Long k) -> k == null ? "\uffff" : names.getOrDefault(k, ""))
                .thenComparing(k -> k == null ? Long.MAX_VALUE : k));
        TableBuilder t = new TableBuilder(NAME, f, Column.text("source"), Column.count("leads"), Column.count("won_leads"),
                Column.ratio("conversion"), Column.count("won_deals"), Column.money("revenue"), Column.money("cost"), Column.ratio("roi"));
        for (Long k : order) {
            long l = ManagerRatingReport.count(leads, k);
            long w = ManagerRatingReport.count(won, k);
            long wl = ManagerRatingReport.count(wonLeads, k);
            BigDecimal rev = ManagerRatingReport.amount(won, k);
            BigDecimal c = cost.getOrDefault(k, BigDecimal.ZERO);
            t.row(Pick.keyOf(k), k == null ? null : names.get(k), l, wl, Ratios.ratio(wl, l), w, rev, c, roi(rev, c));
        }
        Map<String, Object> derived = new HashMap<>();
        derived.put("conversion", Ratios.ratio(t.count("won_leads"), t.count("leads")));
        derived.put("roi", roi(t.amount("revenue"), t.amount("cost")));
        return t.build(derived);
    }

    private static BigDecimal roi(BigDecimal revenue, BigDecimal cost) {
        return Ratios.ratio(revenue.subtract(cost), cost);
    }

    /** Cost entries of the picked source(s) overlapping the period (none for "no source"). */
    private List<CostEntry> costEntries(ReportFilter f, Pick source) {
        if (!source.any() && source.key() == null) {
            return List.of();
        }
        Long only = source.any() ? f.sourceId() : source.key();
        if (f.sourceId() != null && !Objects.equals(only, f.sourceId())) {
            return List.of();
        }
        return support.plans.costs(f.from(), f.to(), only);
    }

    /** Cost entries as drill items, each with its prorated share as the amount. */
    private List<DrillItem> costItems(ReportFilter f, Pick source) {
        return costEntries(f, source).stream().map(e -> new DrillItem("lead_source_cost", e.id(),
                e.periodStart() + " – " + e.periodEnd(), prorated(e, f.from(), f.to()))).toList();
    }

    static BigDecimal prorated(CostEntry e, LocalDate from, LocalDate to) {
        LocalDate a = e.periodStart().isAfter(from) ? e.periodStart() : from;
        LocalDate b = e.periodEnd().isBefore(to) ? e.periodEnd() : to;
        long overlap = ChronoUnit.DAYS.between(a, b) + 1;
        long days = ChronoUnit.DAYS.between(e.periodStart(), e.periodEnd()) + 1;
        if (overlap >= days) {
            return e.amount();
        }
        return e.amount().multiply(BigDecimal.valueOf(overlap)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        ReportScope s = support.scope(f);
        Pick p = Pick.parse(rowKey);
        List<DrillItem> items = switch (column) {
            case "leads" -> support.deals.drill(DealFigures.Outcome.CREATED, DealFigures.By.SOURCE, p, s);
            case "won_leads" -> support.funnel.wonLeadsDrill(DealFigures.By.SOURCE, p, s);
            case "won_deals", "revenue" -> revenue.sourceDrill(p, s);
            case "cost" -> costItems(f, p);
            default -> throw ReportSupport.unknownFigure(NAME, column);
        };
        boolean sum = column.equals("revenue") || column.equals("cost");
        return ReportSupport.drill(NAME, column, rowKey, sum ? DrillKind.SUM : DrillKind.COUNT, items);
    }
}
