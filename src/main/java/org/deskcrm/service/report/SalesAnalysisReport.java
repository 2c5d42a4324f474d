package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.DealAttribute;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.report.DurationFigures.Lengths;
import org.deskcrm.persistence.report.ProductSales;
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
        final Lengths.Sample cycles = new Lengths.Sample();
        BigDecimal revenue = BigDecimal.ZERO;

        Group(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(ClosedDeal d) {
            if (d.won()) {
                won.add(d);
                revenue = revenue.add(d.amount());
                cycles.add(d.created(), d.closed());
            } else {
                lost.add(d);
            }
        }

        Figures figures() {
            return new Figures(key, label, won.size(), revenue, lost.size(), cycles.lengths());
        }
    }

    /** A row's figures: won deals and revenue, lost deals, the won deals' cycles. */
    private record Figures(String key, String label, long won, BigDecimal revenue, long lost, Lengths cycle) {
    }

    @Override
    public ReportTable run(ReportFilter filter) {
        DealAttribute by = filter.attributeOr(DealAttribute.PRODUCT);
        ReportFilter f = filter.withAttribute(by);
        ReportScope scope = support.scope(f);
        List<Figures> rows = new ArrayList<>();
        Lengths cycle;
        var stored = by == DealAttribute.PRODUCT || by == DealAttribute.PRODUCT_GROUP
                ? byProduct(by, scope) : java.util.Optional.<Stored>empty();
        if (stored.isPresent()) {
            rows.addAll(stored.get().rows());
            cycle = stored.get().cycle();
        } else {
            Lengths.Sample all = new Lengths.Sample();
            for (Group g : groups(by, support.closedDeals.closed(scope, false))) {
                rows.add(g.figures());
                all.addAll(g.cycles);
            }
            cycle = all.lengths();
        }
        // revenue first, then the label; the key where two groups share both (two clients of one name)
        rows.sort(Comparator.comparing(Figures::revenue).reversed().thenComparing(Figures::label)
                .thenComparing(Figures::key));
        TableBuilder t = new TableBuilder(NAME, f, Column.text(by.code()), Column.count("won_deals"),
                Column.money("revenue"), Column.count("lost_deals"), Column.ratio("win_rate"),
                Column.money("avg_deal").notSummable().plain(), Column.number("avg_cycle_days"),
                Column.number("median_cycle_days"));
        for (Figures g : rows) {
            t.row(g.key(), g.label(), g.won(), g.revenue(), g.lost(), Ratios.ratio(g.won(), g.won() + g.lost()),
                    Ratios.money(g.revenue(), g.won()), DaySample.average(g.cycle()), DaySample.median(g.cycle()));
        }
        long w = t.count("won_deals");
        long l = t.count("lost_deals");
        BigDecimal revenue = t.amount("revenue");
        Map<String, Object> derived = new HashMap<>();
        derived.put("win_rate", Ratios.ratio(w, w + l));
        derived.put("avg_deal", Ratios.money(revenue, w));
        derived.put("avg_cycle_days", DaySample.average(cycle));
        derived.put("median_cycle_days", DaySample.median(cycle));
        t.summary("win_rate", Ratios.ratio(w, w + l));
        t.summary("avg_deal", Ratios.money(revenue, w));
        return t.build(derived);
    }

    /** The rows and the cycles of all of them, from the stored closed deals by product. */
    private record Stored(List<Figures> rows, Lengths cycle) {
    }

    /**
     * The rows by product or product group and the cycles of all of them from the stored closed deals by main product
     * (ADR 0037), when the filter narrows by nothing but the period (else empty: the records are grouped).
     */
    private java.util.Optional<Stored> byProduct(DealAttribute by, ReportScope scope) {
        Map<Long, SalesFacts.ProductName> products = support.closedDeals.products();
        java.util.function.LongFunction<String> bucket = by == DealAttribute.PRODUCT
                ? id -> id == 0 ? NONE : Long.toString(id)
                : id -> {
                    SalesFacts.ProductName p = id == 0 ? null : products.get(id);
                    String group = p == null ? null : p.group();
                    return group == null || group.isBlank() ? NONE : "v:" + group.strip();
                };
        // each product's deals count in its row and in the totals' cycles (the row keys are never the totals' key)
        var stored = support.productSales.byProduct(scope, id -> List.of(bucket.apply(id), ReportTable.TOTALS));
        if (stored.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, ProductSales.Sales> grouped = new HashMap<>(stored.get());
        ProductSales.Sales total = grouped.remove(ReportTable.TOTALS);
        List<Figures> rows = new ArrayList<>();
        grouped.forEach((key, x) -> {
            String label = key.equals(NONE) ? "no_" + by.code()
                    : by == DealAttribute.PRODUCT ? productName(products, key) : key.substring(2);
            rows.add(new Figures(key, label, x.won(), x.revenue(), x.lost(), x.cycle()));
        });
        return java.util.Optional.of(new Stored(rows, total == null ? Lengths.NONE : total.cycle()));
    }

    private static String productName(Map<Long, SalesFacts.ProductName> products, String key) {
        SalesFacts.ProductName p = products.get(Long.parseLong(key));
        return p == null || p.name() == null ? key : p.name();
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
