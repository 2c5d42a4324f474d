package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.DealAttribute;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.report.SalesFacts;
import org.deskcrm.persistence.report.SalesFacts.ClosedDeal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sales analysis (docs/decisions/0007-sales-analysis-groups.md): the deals closed in the period grouped by
 * one attribute the user chooses ({@link DealAttribute}): won deals and revenue (the revenue rule, so the
 * totals equal the manager rating's and plan vs fact's), lost deals, win rate = won / (won + lost), average
 * deal = revenue / won, and the average and median sales cycle (created → won) in days, counted as the
 * velocity report counts it. Deals without a value for the attribute form one labelled row ("no product",
 * "no client"...), best revenue first.
 */
public final class SalesAnalysisReport implements Report {
    public static final String NAME = "sales-analysis";
    /** The label code of the row of deals without a client (industry, region, client). */
    public static final String NO_CLIENT = "no_client";
    private static final String NONE = "none";
    private final ReportSupport support;

    public SalesAnalysisReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DealAttribute> attributes() {
        return List.of(DealAttribute.values());
    }

    /** One group's deals. */
    private static final class Group {
        final String key;
        final String label;
        final List<ClosedDeal> won = new ArrayList<>();
        final List<ClosedDeal> lost = new ArrayList<>();

        Group(String key, String label) {
            this.key = key;
            this.label = label;
        }

        BigDecimal revenue() {
            return won.stream().map(ClosedDeal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    @Override
    public ReportTable run(ReportFilter filter) {
        DealAttribute by = filter.attributeOr(DealAttribute.PRODUCT);
        ReportFilter f = filter.withAttribute(by);
        ReportScope s = support.scope(f);
        List<ClosedDeal> won = support.closedDeals.won(s);
        List<ClosedDeal> lost = support.closedDeals.lost(s);
        List<Group> groups = new ArrayList<>(groups(by, won, lost).values());
        groups.sort(Comparator.comparing(Group::revenue).reversed().thenComparing(g -> g.label));
        TableBuilder t = new TableBuilder(NAME, f, Column.text(by.code()), Column.count("won_deals"),
                Column.money("revenue"), Column.count("lost_deals"), Column.ratio("win_rate"),
                Column.money("avg_deal").notSummable().plain(), Column.number("avg_cycle_days"),
                Column.number("median_cycle_days"));
        for (Group g : groups) {
            List<BigDecimal> cycle = cycles(g.won);
            BigDecimal revenue = g.revenue();
            t.row(g.key, g.label, (long) g.won.size(), revenue, (long) g.lost.size(),
                    Ratios.ratio(g.won.size(), g.won.size() + g.lost.size()), Ratios.money(revenue, g.won.size()),
                    VelocityReport.avg(cycle), VelocityReport.median(cycle));
        }
        long w = t.count("won_deals");
        long l = t.count("lost_deals");
        BigDecimal revenue = t.amount("revenue");
        List<BigDecimal> cycle = cycles(won);
        Map<String, Object> derived = new HashMap<>();
        derived.put("win_rate", Ratios.ratio(w, w + l));
        derived.put("avg_deal", Ratios.money(revenue, w));
        derived.put("avg_cycle_days", VelocityReport.avg(cycle));
        derived.put("median_cycle_days", VelocityReport.median(cycle));
        t.summary("win_rate", Ratios.ratio(w, w + l));
        t.summary("avg_deal", Ratios.money(revenue, w));
        return t.build(derived);
    }

    /** Days from creation to winning of each won deal, as the velocity report's cycle row counts them. */
    private static List<BigDecimal> cycles(List<ClosedDeal> won) {
        return won.stream().map(d -> VelocityReport.days(d.created(), d.closed())).toList();
    }

    private Map<String, Group> groups(DealAttribute by, List<ClosedDeal> won, List<ClosedDeal> lost) {
        Labels labels = new Labels(by);
        Map<String, Group> m = new LinkedHashMap<>();
        for (ClosedDeal d : won) {
            labels.group(m, d).won.add(d);
        }
        for (ClosedDeal d : lost) {
            labels.group(m, d).lost.add(d);
        }
        return m;
    }

    /** The group key and label of a deal under one attribute, names looked up once. */
    private final class Labels {
        private final DealAttribute by;
        private final Map<Long, String> names;
        private final Map<Long, SalesFacts.ProductName> products;

        Labels(DealAttribute by) {
            this.by = by;
            this.names = switch (by) {
                case MANAGER -> support.lookups.userNames();
                case TEAM -> support.lookups.teamNames();
                case SOURCE -> support.lookups.sourceNames();
                default -> Map.of();
            };
            this.products = by == DealAttribute.PRODUCT || by == DealAttribute.PRODUCT_GROUP
                    ? support.closedDeals.products() : Map.of();
        }

        Group group(Map<String, Group> m, ClosedDeal d) {
            String[] kl = keyAndLabel(d);
            return m.computeIfAbsent(kl[0], k -> new Group(k, kl[1]));
        }

        /** The row key and the label (a name, or the code of a "no ..." row) of a deal. */
        private String[] keyAndLabel(ClosedDeal d) {
            return switch (by) {
                case PRODUCT -> id(d.productId(), d.productId() == null ? null : products.get(d.productId()).name());
                case PRODUCT_GROUP -> text(d.productId() == null ? null : products.get(d.productId()).group());
                case CLIENT -> d.clientId() == null ? noClient() : id(d.clientId(), d.clientName());
                case INDUSTRY -> d.clientId() == null ? noClient() : text(d.industry());
                case REGION -> d.clientId() == null ? noClient() : text(d.region());
                case SOURCE -> id(d.sourceId(), d.sourceId() == null ? null : names.get(d.sourceId()));
                case MANAGER -> id(d.ownerId(), names.get(d.ownerId()));
                case TEAM -> id(d.teamId(), d.teamId() == null ? null : names.get(d.teamId()));
                case OFFICE -> text(d.office());
            };
        }

        private String[] id(Long id, String name) {
            return id == null ? none() : new String[] {id.toString(), name == null ? id.toString() : name};
        }

        private String[] text(String value) {
            String v = value == null ? "" : value.strip();
            return v.isEmpty() ? none() : new String[] {"v:" + v, v};
        }

        private String[] none() {
            return new String[] {NONE, "no_" + by.code()};
        }

        private String[] noClient() {
            return new String[] {NO_CLIENT, NO_CLIENT};
        }
    }

    @Override
    public Drill drill(ReportFilter filter, String column, String rowKey) {
        if (rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        DealAttribute by = filter.attributeOr(DealAttribute.PRODUCT);
        ReportScope s = support.scope(filter.withAttribute(by));
        List<ClosedDeal> won = support.closedDeals.won(s);
        List<ClosedDeal> lost = support.closedDeals.lost(s);
        Map<String, Group> groups = groups(by, won, lost);
        List<ClosedDeal> deals = switch (column) {
            case "won_deals", "revenue" -> ReportTable.TOTALS.equals(rowKey) ? won : group(groups, rowKey).won;
            case "lost_deals" -> ReportTable.TOTALS.equals(rowKey) ? lost : group(groups, rowKey).lost;
            default -> throw ReportSupport.unknownFigure(NAME, column);
        };
        List<DrillItem> items = deals.stream().map(d -> new DrillItem("deal", d.id(), d.title(), d.amount())).toList();
        return ReportSupport.drill(NAME, column, rowKey, column.equals("revenue") ? DrillKind.SUM : DrillKind.COUNT, items);
    }

    private static Group group(Map<String, Group> groups, String rowKey) {
        Group g = groups.get(rowKey);
        return g == null ? new Group(rowKey, rowKey) : g;
    }

    @Override
    public Set<String> drillableSummary() {
        return Set.of();
    }
}
