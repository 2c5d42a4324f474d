package org.deskcrm.persistence.totals;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DURATION_COUNT;
import static org.deskcrm.persistence.jooq.Tables.DURATION_TOTAL;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT_TOTAL;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/**
 * The closed deals by main product (docs/decisions/0037-closed-deals-by-product.md), part of the deal totals: a deal
 * now in a won or lost stage counts, with its amount, under its kind, its main product (0: none) and the business day
 * it closed ({@code product_total}, day and month rows), and a won deal's sales cycle counts among the stored lengths
 * (kind {@link DurationTotals#PRODUCT}, scope: the main product). {@link DealTotals} takes a deal's part from the row it
 * reads around every change (so a card save that changes the lines moves it without another statement), reads it for
 * many deals in one pass over their closed deals, and rebuilds it with the rest.
 */
final class ProductTotals {
    /** A row of {@code product_total}: kind (won, lost), main product (0: none), day (yyyymmdd) or month (yyyymm). */
    record Key(String kind, long productId, int day) {
    }

    /** The figures of a row: deals and their amount. */
    record Cell(long count, BigDecimal amount) {
        Cell plus(Cell o) {
            return new Cell(count + o.count, amount.add(o.amount));
        }
    }

    /**
     * What a change moved: the rows of {@code product_total}, and the won cycles' lengths added to the change's other
     * lengths ({@code lengths}: written with them, one write per table).
     */
    static final class Delta {
        final Map<Key, Cell> cells = new HashMap<>();
        final DurationTotals.Delta lengths;

        Delta(DurationTotals.Delta lengths) {
            this.lengths = lengths;
        }

        /**
         * Adds ({@code sign} 1) or takes out (−1) a deal closed on {@code closedDay} (yyyymmdd) in a stage of
         * {@code kind}: its count and amount and, when won, its cycle from {@code created} to {@code closed}.
         */
        void add(String kind, int closedDay, long productId, BigDecimal amount, Instant created, Instant closed,
                 ZoneId zone, int sign) {
            addDay(cells, kind, productId, closedDay,
                    new Cell(sign, sign < 0 ? DealTotals.orZero(amount).negate() : DealTotals.orZero(amount)));
            if (DealTotals.WON.equals(kind)) {
                lengths.add(DurationTotals.PRODUCT, productId, created, closed, zone, sign);
            }
        }
    }

    /** Adds a deal's count and amount to the row of its closed day and to its month's row. */
    private static void addDay(Map<Key, Cell> cells, String kind, long productId, int closedDay, Cell one) {
        cells.merge(new Key(kind, productId, closedDay), one, Cell::plus);
        cells.merge(new Key(kind, productId, closedDay / 100), one, Cell::plus);
    }

    private final DSLContext dsl;
    private final DurationTotals durations;

    ProductTotals(DSLContext dsl, DurationTotals durations) {
        this.dsl = dsl;
        this.durations = durations;
    }

    /** Adds to {@code into} the selected deals' part ({@code sign} 1) or takes it out (−1): one pass over their closed deals. */
    void read(Delta into, Condition deals, ZoneId zone, int sign) {
        try (var cursor = closedDeals(deals, zone).fetchSize(5_000).fetchLazy()) {
            for (var r : cursor) {
                into.add(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(),
                        r.value6().toInstant(), zone, sign);
            }
        }
    }

    /** The selected deals now in a won or lost stage: kind, closed day, main product (0: none), amount, created, closed. */
    private org.jooq.SelectConditionStep<org.jooq.Record6<String, Integer, Long, BigDecimal, OffsetDateTime, OffsetDateTime>>
            closedDeals(Condition deals, ZoneId zone) {
        return dsl.select(STAGE.KIND_CODE, Registers.businessDay(DEAL.CLOSED_AT, zone),
                        DSL.coalesce(DEAL.MAIN_PRODUCT_ID, DSL.inline(0L)), DEAL.AMOUNT, DEAL.CREATED_AT, DEAL.CLOSED_AT)
                .from(DEAL).join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID)
                        .and(STAGE.KIND_CODE.in(DSL.inline(DealTotals.WON), DSL.inline(DealTotals.LOST))))
                .where(deals).and(DEAL.CLOSED_AT.isNotNull());
    }

    /** Adds the differences to the stored rows of {@code product_total} ({@link Registers#apply}; the lengths are the caller's to write). */
    void apply(Delta delta) {
        Registers.apply(dsl, delta.cells, ROWS);
    }

    /**
     * Recomputes every row from the records in {@code zone}, replacing what is stored: one pass over the closed deals
     * keeps the rows of {@code product_total} and, per product, each won cycle as its day and length (a long each: at
     * 1 000 000 deals a few megabytes where the lengths' rows of every product at once would take hundreds); the lengths
     * are then replaced product by product. Returns how many stored rows differed (missing, other figures, or extra).
     */
    int rebuild(ZoneId zone, Consumer<String> progress) {
        progress.accept("totals.step.products");
        Map<Key, Cell> fresh = new HashMap<>();
        Map<Long, long[]> cycles = new TreeMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        try (var cursor = closedDeals(DSL.noCondition(), zone).fetchSize(5_000).fetchLazy()) {
            for (var r : cursor) {
                String kind = r.value1();
                long product = r.value3();
                addDay(fresh, kind, product, r.value2(), new Cell(1, DealTotals.orZero(r.value4())));
                if (DealTotals.WON.equals(kind)) {
                    Instant closed = r.value6().toInstant();
                    long day = DurationTotals.dayNo(closed, zone);
                    long h = org.deskcrm.model.report.DayLength.hundredths(r.value5().toInstant(), closed);
                    long[] v = cycles.computeIfAbsent(product, k -> new long[64]);
                    int n = sizes.getOrDefault(product, 0);
                    if (n == v.length) {
                        v = java.util.Arrays.copyOf(v, n * 2);
                        cycles.put(product, v);
                    }
                    v[n] = day << 32 | h; // a length is under 2^31 hundredths (58 years)
                    sizes.put(product, n + 1);
                }
            }
        }
        Map<Key, Cell> stored = new HashMap<>();
        dsl.selectFrom(PRODUCT_TOTAL).forEach(r -> stored.put(new Key(r.getKind(), r.getProductId(), r.getDayNo()),
                new Cell(r.getDealCount(), r.getAmount())));
        int repaired = Registers.replace(dsl, fresh, stored, ROWS);
        for (Map.Entry<Long, long[]> e : cycles.entrySet()) {
            DurationTotals.Delta lengths = new DurationTotals.Delta();
            long[] v = e.getValue();
            for (int i = 0, n = sizes.get(e.getKey()); i < n; i++) {
                lengths.add(DurationTotals.PRODUCT, e.getKey(), (int) (v[i] >>> 32), v[i] & 0xFFFF_FFFFL, 1);
            }
            repaired += durations.replace(DurationTotals.PRODUCT, e.getKey(), lengths);
        }
        // the lengths of products without a won deal now
        List<Long> products = List.copyOf(cycles.keySet());
        repaired += dsl.deleteFrom(DURATION_TOTAL).where(DURATION_TOTAL.KIND.eq(DurationTotals.PRODUCT))
                .and(products.isEmpty() ? DSL.noCondition() : DURATION_TOTAL.SCOPE_ID.notIn(products)).execute();
        dsl.deleteFrom(DURATION_COUNT).where(DURATION_COUNT.KIND.eq(DurationTotals.PRODUCT))
                .and(products.isEmpty() ? DSL.noCondition() : DURATION_COUNT.SCOPE_ID.notIn(products)).execute();
        return repaired;
    }

    private static final Registers.Rows<Key, Cell> ROWS = new Registers.Rows<>() {
        @Override
        public String table() {
            return PRODUCT_TOTAL.getName();
        }

        @Override
        public List<String> keyColumns() {
            return List.of(PRODUCT_TOTAL.KIND.getName(), PRODUCT_TOTAL.PRODUCT_ID.getName(), PRODUCT_TOTAL.DAY_NO.getName());
        }

        @Override
        public List<String> figureColumns() {
            return List.of(PRODUCT_TOTAL.DEAL_COUNT.getName(), PRODUCT_TOTAL.AMOUNT.getName());
        }

        @Override
        public Object[] key(Key k) {
            return new Object[]{k.kind(), k.productId(), k.day()};
        }

        @Override
        public Object[] figures(Cell c) {
            return new Object[]{c.count(), c.amount()};
        }

        @Override
        public boolean zero(Cell c) {
            return c.count() == 0 && c.amount().signum() == 0;
        }

        @Override
        public boolean shrinks(Cell c) {
            return c.count() < 0;
        }

        @Override
        public boolean same(Cell a, Cell b) {
            return a.count() == b.count() && a.amount().compareTo(b.amount()) == 0;
        }
    };
}
