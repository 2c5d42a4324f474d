package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.DealAttribute;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.report.SalesFacts;
import org.deskcrm.persistence.report.SalesFacts.ClosedDeal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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

    /** One group's deals and figures. */
    private static final class Group {
        final String key;
        final String label;
        final List<ClosedDeal> won = new ArrayList<>();
        final List<ClosedDeal> lost = new ArrayList<>();
        final DaySample cycle = new DaySample();
        BigDecimal revenue = BigDecimal.ZERO;

        Group(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(ClosedDeal d) {
            if (d.won()) {
                won.add(d);
                revenue = revenue.add(d.amount());
                cycle.add(d.created(), d.closed());
            } else {
                lost.add(d);
            }
        }
    }

    @Override
    public ReportTable run(ReportFilter filter) {
        DealAttribute by = filter.attributeOr(DealAttribute.PRODUCT);
        ReportFilter f = filter.withAttribute(by);
        List<Group> groups = new ArrayList<>(groups(by, support.closedDeals.closed(support.scope(f), false)));
        // revenue first, then the label; the key where two groups share both (two clients of one name)
        groups.sort(Comparator.comparing((Group g) -> g.revenue).reversed().thenComparing(g -> g.label)
                .thenComparing(g -> g.key));
        TableBuilder t = new TableBuilder(NAME, f, Column.text(by.code()), Column.count("won_deals"),
                Column.money("revenue"), Column.count("lost_deals"), Column.ratio("win_rate"),
                Column.money("avg_deal").notSummable().plain(), Column.number("avg_cycle_days"),
                Column.number("median_cycle_days"));
        DaySample cycle = new DaySample();
        for (Group g : groups) {
            t.row(g.key, g.label, (long) g.won.size(), g.revenue, (long) g.lost.size(),
                    Ratios.ratio(g.won.size(), g.won.size() + g.lost.size()), Ratios.money(g.revenue, g.won.size()),
                    g.cycle.average(), g.cycle.median());
            cycle.addAll(g.cycle);
        }
        long w = t.count("won_deals");
        long l = t.count("lost_deals");
        BigDecimal revenue = t.amount("revenue");
        Map<String, Object> derived = new HashMap<>();
        derived.put("win_rate", Ratios.ratio(w, w + l));
        derived.put("avg_deal", Ratios.money(revenue, w));
        derived.put("avg_cycle_days", cycle.average());
        derived.put("median_cycle_days", cycle.median());
        t.summary("win_rate", Ratios.ratio(w, w + l));
        t.summary("avg_deal", Ratios.money(revenue, w));
        return t.build(derived);
    }

    /** The deals in groups by the attribute, each group's figures added up. */
    private Collection<Group> groups(DealAttribute by, List<ClosedDeal> deals) {
        Labels labels = new Labels(by, deals);
        Map<Object, Group> m = new HashMap<>();
        for (int i = 0; i < deals.size(); i++) {
            ClosedDeal d = deals.get(i);
            m.computeIfAbsent(labels.value(d, i), labels::group).add(d);
        }
        return m.values();
    }

    /**
     * The value of the attribute a deal is grouped by, and a group's key and label (a name, or the code of a
     * "no ..." row); the other tables' attributes read once, only for the attribute that needs them.
     */
    private final class Labels {
        private static final Object NO_VALUE = new Object();
        private static final Object NO_CLIENT_VALUE = new Object();
        private static final SalesFacts.ClientPlace NO_CLIENT_PLACE = new SalesFacts.ClientPlace(null, null, null);
        private static final SalesFacts.OwnerPlace NO_OWNER_PLACE = new SalesFacts.OwnerPlace(null, null);
        private final DealAttribute by;
        private final Map<Long, String> names;
        private final long[] mainProducts;
        private final Map<Long, SalesFacts.ProductName> products;
        private final Map<Long, SalesFacts.ClientPlace> clients;
        private final Map<Long, SalesFacts.OwnerPlace> owners;

        Labels(DealAttribute by, List<ClosedDeal> deals) {
            this.by = by;
            this.names = switch (by) {
                case MANAGER -> support.lookups.userNames();
                case TEAM -> support.lookups.teamNames();
                case SOURCE -> support.lookups.sourceNames();
                default -> Map.of();
            };
            boolean product = by == DealAttribute.PRODUCT || by == DealAttribute.PRODUCT_GROUP;
            this.mainProducts = product ? support.closedDeals.mainProducts(deals) : new long[0];
            this.products = product ? support.closedDeals.products() : Map.of();
            boolean client = by == DealAttribute.CLIENT || by == DealAttribute.INDUSTRY || by == DealAttribute.REGION;
            this.clients = client ? support.closedDeals.clients() : Map.of();
            this.owners = by == DealAttribute.TEAM || by == DealAttribute.OFFICE ? support.closedDeals.owners() : Map.of();
        }

        /** The value of the attribute of the deal at position {@code i}: an id, a text, or a "no value" marker. */
        Object value(ClosedDeal d, int i) {
            return switch (by) {
                case PRODUCT -> mainProducts[i] == 0 ? NO_VALUE : (Object) mainProducts[i];
                case PRODUCT_GROUP -> text(mainProducts[i] == 0 ? null : products.get(mainProducts[i]).group());
                case CLIENT -> d.clientId() == null ? NO_CLIENT_VALUE : d.clientId();
                case INDUSTRY -> d.clientId() == null ? NO_CLIENT_VALUE : text(client(d.clientId()).industry());
                case REGION -> d.clientId() == null ? NO_CLIENT_VALUE : text(client(d.clientId()).region());
                case SOURCE -> orNone(d.sourceId());
                case MANAGER -> d.ownerId();
                case TEAM -> orNone(owner(d).teamId());
                case OFFICE -> text(owner(d).office());
            };
        }

        private SalesFacts.ClientPlace client(Long id) {
            return clients.getOrDefault(id, NO_CLIENT_PLACE);
        }

        private SalesFacts.OwnerPlace owner(ClosedDeal d) {
            return owners.getOrDefault(d.ownerId(), NO_OWNER_PLACE);
        }

        private static Object orNone(Long id) {
            return id == null ? NO_VALUE : id;
        }

        private static Object text(String value) {
            String v = value == null ? "" : value.strip();
            return v.isEmpty() ? NO_VALUE : v;
        }

        /** The group of deals of one value. */
        Group group(Object value) {
            if (value == NO_VALUE) {
                return new Group(NONE, "no_" + by.code());
            }
            if (value == NO_CLIENT_VALUE) {
                return new Group(NO_CLIENT, NO_CLIENT);
            }
            if (value instanceof String v) {
                return new Group("v:" + v, v);
            }
            Long id = (Long) value;
            String name = switch (by) {
                case PRODUCT -> products.get(id).name();
                case CLIENT -> client(id).name();
                default -> names.get(id);
            };
            return new Group(id.toString(), name == null ? id.toString() : name);
        }
    }

    @Override
    public Drill drill(ReportFilter filter, String column, String rowKey) {
        if (rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        boolean won = switch (column) {
            case "won_deals", "revenue" -> true;
            case "lost_deals" -> false;
            default -> throw ReportSupport.unknownFigure(NAME, column);
        };
        DealAttribute by = filter.attributeOr(DealAttribute.PRODUCT);
        List<ClosedDeal> deals = new ArrayList<>(support.closedDeals.closed(support.scope(filter.withAttribute(by)), true));
        deals.sort(Comparator.comparingLong(ClosedDeal::id)); // a group's lists keep this order
        List<ClosedDeal> listed = ReportTable.TOTALS.equals(rowKey)
                ? deals.stream().filter(d -> d.won() == won).toList()
                : groups(by, deals).stream().filter(g -> g.key.equals(rowKey)).findFirst()
                        .map(g -> won ? g.won : g.lost).orElse(List.of());
        List<DrillItem> items = listed.stream().map(d -> new DrillItem("deal", d.id(), d.title(), d.amount())).toList();
        return ReportSupport.drill(NAME, column, rowKey, column.equals("revenue") ? DrillKind.SUM : DrillKind.COUNT, items);
    }

    @Override
    public Set<String> drillableSummary() {
        return Set.of();
    }
}
