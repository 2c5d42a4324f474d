package org.deskcrm.persistence.report;

import org.deskcrm.persistence.totals.MainProducts;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.CursorReader;
import org.deskcrm.persistence.Database;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT;

/**
 * The deals closed in a period and the attributes sales analysis groups them by: won deals by the revenue
 * rule ({@link Scopes#wonIn}) and lost deals ({@link Scopes#lostIn}), read in one pass over the period's range
 * of closed deals with only the deal's own columns (its main product among them: ADR 0031); the attributes of other
 * tables are looked up only for the grouping that needs them — the product names ({@link #products}), its client's name,
 * industry and region ({@link #clients}), its owner's team and office ({@link #owners}). Joining the client and
 * the owner to every row cost two thirds of the read (100 000 deals, H2: 415–470 ms with the joins, 130–140
 * without).
 */
public class SalesFacts {
    /**
     * One closed deal, won or lost; null where the deal has no value; the title only when asked for; its stored main
     * product (0: none, or not yet stored: see {@link #mainProducts}).
     */
    public record ClosedDeal(long id, boolean won, BigDecimal amount, Instant created, Instant closed,
                             Long clientId, Long sourceId, long ownerId, String title, long mainProductId) {
        public ClosedDeal {
            amount = amount == null ? BigDecimal.ZERO : amount;
        }
    }

    /** A product's name and group (series). */
    public record ProductName(String name, String group) {
    }

    /** A client's name, industry and region. */
    public record ClientPlace(String name, String industry, String region) {
    }

    /** A user's team (null without one) and office. */
    public record OwnerPlace(Long teamId, String office) {
    }

    private final DSLContext dsl;

    public SalesFacts(Database db) {
        this.dsl = db.dsl();
    }

    /**
     * The deals won and lost in the period, in the order the database reads them; with their titles when
     * {@code titles} (a drill-down lists them).
     */
    public List<ClosedDeal> closed(ReportScope s, boolean titles) {
        Set<Long> wonStages = Scopes.stageIds(dsl, StageKind.WON);
        Field<String> title = titles ? DEAL.TITLE : DSL.inline((String) null, DEAL.TITLE);
        // streamed: a year's closed deals are hundreds of thousands of rows at 1 M deals, which H2 would otherwise
        // write to a temporary file first
        return CursorReader.listRows(dsl, d -> d.select(DEAL.ID, DEAL.STAGE_ID, DEAL.AMOUNT, DEAL.CREATED_AT,
                                DEAL.CLOSED_AT, DEAL.CLIENT_ID, DEAL.SOURCE_ID, DEAL.OWNER_ID, title, DEAL.MAIN_PRODUCT_ID)
                        .from(DEAL).where(Scopes.closedIn(dsl, s)),
                r -> new ClosedDeal(r.getLong(1), wonStages.contains(r.getLong(2)), r.getBigDecimal(3),
                        CursorReader.instant(r, 4), CursorReader.instant(r, 5), CursorReader.nullableLong(r, 6),
                        CursorReader.nullableLong(r, 7), r.getLong(8), r.getString(9), r.getLong(10)));
    }

    /**
     * The main product of each of the deals, at the deal's position in the list (0 for a deal without lines): the one
     * each deal keeps (ADR 0031), or, while the column is not known to be filled (an upgraded database before its
     * first start has filled it), the one {@link #mainProductsFromLines} finds.
     */
    public long[] mainProducts(List<ClosedDeal> deals) {
        if (!MainProducts.known(dsl)) {
            return mainProductsFromLines(deals);
        }
        long[] byPosition = new long[deals.size()];
        for (int i = 0; i < byPosition.length; i++) {
            byPosition[i] = deals.get(i).mainProductId();
        }
        return byPosition;
    }

    /**
     * The main product of each of the deals from their lines, at the deal's position in the list (0 for a deal without
     * lines): the product of its line with the largest amount, the first line (lowest id) on a tie, found by one pass
     * over every line ({@link MainProducts.LineScan}).
     */
    public long[] mainProductsFromLines(List<ClosedDeal> deals) {
        long[] ids = new long[deals.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = deals.get(i).id();
        }
        Arrays.sort(ids);
        MainProducts.LineScan scan = new MainProducts.LineScan(ids);
        if (ids.length > 0) {
            CursorReader.eachRow(dsl, MainProducts::lines, scan::line); // every line of the database: never held at once
        }
        long[] byPosition = new long[ids.length];
        for (int i = 0; i < byPosition.length; i++) {
            byPosition[i] = scan.productOf(deals.get(i).id());
        }
        return byPosition;
    }

    /** Every product's name and group by id (inactive ones included). */
    public Map<Long, ProductName> products() {
        Map<Long, ProductName> m = new LinkedHashMap<>();
        dsl.select(PRODUCT.ID, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP).from(PRODUCT).orderBy(PRODUCT.NAME)
                .forEach(r -> m.put(r.value1(), new ProductName(r.value2(), r.value3())));
        return m;
    }

    /** Every client's name, industry and region by id: one pass over the client table. */
    public Map<Long, ClientPlace> clients() {
        Map<Long, ClientPlace> m = new HashMap<>();
        CursorReader.read(dsl, d -> d.select(CLIENT.ID, CLIENT.NAME, CLIENT.INDUSTRY, CLIENT.REGION).from(CLIENT),
                r -> r, r -> m.put(r.value1(), new ClientPlace(r.value2(), r.value3(), r.value4())));
        return m;
    }

    /** Every user's team and office by id. */
    public Map<Long, OwnerPlace> owners() {
        Map<Long, OwnerPlace> m = new HashMap<>();
        dsl.select(APP_USER.ID, APP_USER.TEAM_ID, APP_USER.OFFICE).from(APP_USER)
                .forEach(r -> m.put(r.value1(), new OwnerPlace(r.value2(), r.value3())));
        return m;
    }
}
