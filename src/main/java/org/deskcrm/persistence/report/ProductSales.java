package org.deskcrm.persistence.report;

import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.totals.DealTotals;
import org.deskcrm.persistence.totals.DurationTotals;
import org.deskcrm.persistence.totals.MainProducts;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongFunction;

import static org.deskcrm.persistence.jooq.Tables.PRODUCT_TOTAL;

/**
 * The deals closed in a period by main product, from the stored totals (docs/decisions/0037-closed-deals-by-product.md):
 * won deals, their revenue (the revenue rule), lost deals and the won deals' sales cycles, per bucket of products (a
 * product, a product group, or one bucket for all). Read only when the deal totals are built in the scope's zone, the
 * main products are stored, and the filter narrows by nothing but the period (the totals have no pipeline, person,
 * source or band); sales analysis otherwise groups the closed deals it reads ({@link SalesFacts}).
 */
public final class ProductSales {
    /** A bucket's closed deals: won and their amount, lost, and the won deals' cycles. */
    public record Sales(long won, BigDecimal revenue, long lost, DurationFigures.Lengths cycle) {
    }

    private final DSLContext dsl;
    private final DurationFigures durations;

    public ProductSales(Database db) {
        this.dsl = db.dsl();
        this.durations = new DurationFigures(db);
    }

    /**
     * The figures of this scope come from the stored totals: as the stored lengths' (no person, source or band; the
     * totals built in the scope's zone), with no pipeline either, and the main products stored.
     */
    public boolean fromTotals(ReportScope s) {
        return s.filter().pipelineId() == null && durations.fromTotals(s) && MainProducts.known(dsl);
    }

    /**
     * The closed deals of the period by bucket of their main product ({@code bucketsOf}: the buckets a product's deals
     * count in — itself, its group, all of them; 0 for deals without a product); a bucket without a closed deal has no
     * entry. Empty when {@link #fromTotals} is false, or when the stored lengths
     * contradict each other (a damaged database: logged; the caller counts the records).
     */
    public <K> java.util.Optional<Map<K, Sales>> byProduct(ReportScope s, LongFunction<List<K>> bucketsOf) {
        if (!fromTotals(s)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(stored(s, bucketsOf));
        } catch (DurationFigures.Disagreement e) {
            LOG.warn("{}; sales analysis counts the records until the totals are rebuilt (rebuild-totals)", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProductSales.class);

    private <K> Map<K, Sales> stored(ReportScope s, LongFunction<List<K>> bucketsOf) {
        Map<K, long[]> counts = new HashMap<>(); // won, lost
        Map<K, BigDecimal> revenue = new HashMap<>();
        TreeSet<Long> wonProducts = new TreeSet<>();
        List<org.jooq.Select<org.jooq.Record4<String, Long, BigDecimal, BigDecimal>>> parts = new ArrayList<>();
        for (String kind : List.of(DealTotals.WON, DealTotals.LOST)) {
            for (Condition part : TotalFigures.periodParts(PRODUCT_TOTAL.DAY_NO, s.filter().from(), s.filter().to())) {
                parts.add(dsl.select(PRODUCT_TOTAL.KIND, PRODUCT_TOTAL.PRODUCT_ID, DSL.sum(PRODUCT_TOTAL.DEAL_COUNT),
                                DSL.sum(PRODUCT_TOTAL.AMOUNT))
                        .from(PRODUCT_TOTAL).where(PRODUCT_TOTAL.KIND.eq(kind)).and(part)
                        .groupBy(PRODUCT_TOTAL.KIND, PRODUCT_TOTAL.PRODUCT_ID));
            }
        }
        List<org.jooq.Record4<String, Long, BigDecimal, BigDecimal>> rows = new ArrayList<>();
        for (var part : parts) {
            rows.addAll(dsl.fetch(part));
        }
        for (var r : rows) {
            long n = r.get(2, Long.class);
            if (n == 0) {
                continue;
            }
            boolean won = DealTotals.WON.equals(r.value1());
            for (K bucket : bucketsOf.apply(r.value2())) {
                counts.computeIfAbsent(bucket, k -> new long[2])[won ? 0 : 1] += n;
                if (won) {
                    revenue.merge(bucket, r.value4(), BigDecimal::add);
                }
            }
            if (won) {
                wonProducts.add(r.value2());
            }
        }
        Map<K, DurationFigures.Lengths> cycles = durations.stored(DurationTotals.PRODUCT, wonProducts, bucketsOf, s);
        Map<K, Sales> out = new HashMap<>();
        for (Map.Entry<K, long[]> e : counts.entrySet()) {
            out.put(e.getKey(), new Sales(e.getValue()[0], revenue.getOrDefault(e.getKey(), BigDecimal.ZERO),
                    e.getValue()[1], cycles.getOrDefault(e.getKey(), DurationFigures.Lengths.NONE)));
        }
        return out;
    }
}
