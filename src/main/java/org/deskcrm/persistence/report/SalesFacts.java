package org.deskcrm.persistence.report;

import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_LINE;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT;

/**
 * The deals closed in a period with every attribute sales analysis groups by: won deals by the revenue
 * rule ({@link Scopes#wonIn}) and lost deals ({@link Scopes#lostIn}), each with its main product (the line
 * of the largest amount, the first such line on a tie; none without lines), its client (none for a deal
 * without one) with the client's industry and region, its source, and its owner with the owner's team
 * and office.
 */
public class SalesFacts {
    /** One closed deal and its attributes; null where the deal has no value. */
    public record ClosedDeal(long id, String title, BigDecimal amount, Instant created, Instant closed,
                             Long productId, Long clientId, String clientName, String industry, String region,
                             Long sourceId, long ownerId, Long teamId, String office) {
        public ClosedDeal {
            amount = amount == null ? BigDecimal.ZERO : amount;
        }

        ClosedDeal withProduct(Long product) {
            return new ClosedDeal(id, title, amount, created, closed, product, clientId, clientName, industry, region,
                    sourceId, ownerId, teamId, office);
        }
    }

    /** A product's name and group (series). */
    public record ProductName(String name, String group) {
    }

    private final DSLContext dsl;

    public SalesFacts(Database db) {
        this.dsl = db.dsl();
    }

    /** Deals won in the period (the revenue rule), by id. */
    public List<ClosedDeal> won(ReportScope s) {
        return closed(Scopes.wonIn(s));
    }

    /** Deals lost in the period, by id. */
    public List<ClosedDeal> lost(ReportScope s) {
        return closed(Scopes.lostIn(s));
    }

    private List<ClosedDeal> closed(Condition where) {
        // the reads of a year's closed deals (hundreds of thousands of rows at 1 M deals) stream their rows: H2
        // otherwise writes a large result to a temporary file first (and sorts it there for an ORDER BY), which took
        // half of the report's time
        return org.deskcrm.persistence.CursorReader.streamed(dsl, dsl -> {
            List<ClosedDeal> deals = new ArrayList<>(dsl.select(DEAL.ID, DEAL.TITLE, DEAL.AMOUNT, DEAL.CREATED_AT,
                            DEAL.CLOSED_AT, DEAL.CLIENT_ID, CLIENT.NAME, CLIENT.INDUSTRY, CLIENT.REGION, DEAL.SOURCE_ID,
                            DEAL.OWNER_ID, APP_USER.TEAM_ID, APP_USER.OFFICE)
                    .from(DEAL)
                    .leftJoin(CLIENT).on(CLIENT.ID.eq(DEAL.CLIENT_ID))
                    .leftJoin(APP_USER).on(APP_USER.ID.eq(DEAL.OWNER_ID))
                    .where(where)
                    .fetch(r -> new ClosedDeal(r.value1(), r.value2(), r.value3(), r.value4().toInstant(),
                            r.value5().toInstant(), null, r.value6(), r.value7(), r.value8(),
                            r.value9(), r.value10(), r.value11(), r.value12(), r.value13())));
            deals.sort(java.util.Comparator.comparingLong(ClosedDeal::id)); // by id, sorted here: see above
            Map<Long, Long> mainProducts = mainProducts(dsl, deals);
            deals.replaceAll(d -> d.withProduct(mainProducts.get(d.id())));
            return deals;
        });
    }

    /**
     * The main product of each of the deals that has lines: the product of its line with the largest amount, the
     * first line (lowest id) on a tie. One pass over every line in storage order, the deals' lines picked in Java:
     * a sorted subquery per deal took 36 s for a year's 380 000 won deals at 1 M deals on H2, and even a join
     * (an index look-up per deal, a row fetch per line, all over the file) about half of that.
     */
    private static Map<Long, Long> mainProducts(DSLContext dsl, List<ClosedDeal> deals) {
        record Main(long lineId, BigDecimal amount, long productId) {
        }
        if (deals.isEmpty()) {
            return Map.of();
        }
        Map<Long, Main> main = new HashMap<>(deals.size() * 2);
        java.util.Set<Long> wanted = new java.util.HashSet<>(deals.size() * 2);
        deals.forEach(d -> wanted.add(d.id()));
        try (var lines = dsl.select(DEAL_LINE.DEAL_ID, DEAL_LINE.ID, DEAL_LINE.AMOUNT, DEAL_LINE.PRODUCT_ID)
                .from(DEAL_LINE).fetchSize(1_000).fetchLazy()) { // every line of the database: never held at once
            for (var r : lines) {
                if (wanted.contains(r.value1())) {
                    main.merge(r.value1(), new Main(r.value2(), r.value3(), r.value4()), (a, b) -> {
                        int c = a.amount().compareTo(b.amount());
                        return c > 0 || (c == 0 && a.lineId() < b.lineId()) ? a : b;
                    });
                }
            }
        }
        Map<Long, Long> products = new HashMap<>(main.size() * 2);
        main.forEach((deal, m) -> products.put(deal, m.productId()));
        return products;
    }

    /** Every product's name and group by id (inactive ones included). */
    public Map<Long, ProductName> products() {
        Map<Long, ProductName> m = new LinkedHashMap<>();
        dsl.select(PRODUCT.ID, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP).from(PRODUCT).orderBy(PRODUCT.NAME)
                .forEach(r -> m.put(r.value1(), new ProductName(r.value2(), r.value3())));
        return m;
    }
}
