package org.deskcrm.persistence.totals;

import org.deskcrm.persistence.CursorReader;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_LINE;

/**
 * Each deal's main product, kept on the deal ({@code deal.main_product_id}, ADR 0031): the product of its line with
 * the largest amount, the first line (entry order, lowest id) on a tie; none for a deal without lines (ADR 0007).
 * Every writer of a deal's lines writes it ({@link #of}); the deal totals' rebuild recomputes it from the lines
 * ({@link #repair}) and counts the deals whose stored product differed. Whether the stored products can be read is a
 * row of {@code totals_state} ({@link #known}): an upgraded database has none until the first start's
 * {@link #buildIfMissing} has filled the column.
 */
public final class MainProducts {
    static final String REGISTER = "main_product";

    private MainProducts() {
    }

    /** Whether every deal's stored main product is its lines' (the column was filled since the upgrade). */
    public static boolean known(DSLContext dsl) {
        return RegisterState.zone(dsl, REGISTER).isPresent();
    }

    /**
     * Fills the column when it was never filled (called when the database is opened, after the migrations), in one
     * transaction; {@code heard} hears the step's name. Returns whether it did.
     */
    public static boolean buildIfMissing(DSLContext dsl, Consumer<String> heard) {
        return RegisterState.buildIfMissing("main product", known(dsl), h -> {
            h.accept("totals.step.read");
            int n = dsl.transactionResult(() -> repair(dsl));
            return new DealTotals.Rebuild(n, 0, false);
        }, heard);
    }

    /** The main product of lines in entry order, each with its amount and product; null for no lines. */
    public static <L> Long of(List<L> lines, Function<L, BigDecimal> amount, Function<L, Long> product) {
        Long best = null;
        BigDecimal bestAmount = null;
        for (L l : lines) {
            BigDecimal given = amount.apply(l);
            BigDecimal a = given == null ? BigDecimal.ZERO : given;
            if (bestAmount == null || a.compareTo(bestAmount) > 0) {
                bestAmount = a;
                best = product.apply(l);
            }
        }
        return best;
    }

    /**
     * Recomputes every deal's main product from the lines (one pass over the deals and one over the lines, each
     * line's deal found by a binary search in the deals' sorted ids), writes the ones that differ and records the
     * column as filled, in the caller's transaction; returns how many differed.
     */
    static int repair(DSLContext dsl) {
        List<long[]> stored = new ArrayList<>(); // pairs: id, stored product (0: none), read in id order
        CursorReader.eachRow(dsl, d -> d.select(DEAL.ID, DEAL.MAIN_PRODUCT_ID).from(DEAL).orderBy(DEAL.ID),
                r -> stored.add(new long[] {r.getLong(1), r.getLong(2)}));
        int n = stored.size();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = stored.get(i)[0];
        }
        LineScan scan = new LineScan(ids);
        if (n > 0) {
            CursorReader.eachRow(dsl, MainProducts::lines, scan::line);
        }
        long[] product = scan.products;
        List<Integer> differ = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (stored.get(i)[1] != product[i]) {
                differ.add(i);
            }
        }
        Registers.run(dsl, "UPDATE deal SET main_product_id = ? WHERE id = ?", differ,
                i -> new Object[] {product[i] == 0 ? null : product[i], ids[i]});
        RegisterState.built(dsl, REGISTER, RegisterState.settingsZone(dsl), null);
        return differ.size();
    }

    /** Every line of the database with what {@link LineScan#line} reads: its deal, id, amount and product. */
    public static org.jooq.ResultQuery<?> lines(DSLContext dsl) {
        return dsl.select(DEAL_LINE.DEAL_ID, DEAL_LINE.ID, DEAL_LINE.AMOUNT, DEAL_LINE.PRODUCT_ID).from(DEAL_LINE);
    }

    /**
     * The main products of some deals found in one pass over every line in storage order ({@link #lines}), each line's
     * deal found by a binary search in the deals' sorted ids and its best line kept in arrays (a sorted subquery per
     * deal took 36 s for a year's 380 000 won deals at 1 000 000 deals on H2, a join about half of that, and a hash
     * map of the lines' deals spent more time in boxing and lookups than the read of the 1.27 M lines itself).
     */
    public static final class LineScan {
        private final long[] ids;
        private final long[] bestLine;
        private final BigDecimal[] bestAmount;
        private final long[] products;

        /** For the deals of these ids, sorted ascending. */
        public LineScan(long[] sortedIds) {
            this.ids = sortedIds;
            this.bestLine = new long[ids.length];
            this.bestAmount = new BigDecimal[ids.length];
            this.products = new long[ids.length];
        }

        /** Takes one row of {@link #lines}. */
        public void line(java.sql.ResultSet r) throws java.sql.SQLException {
            int k = Arrays.binarySearch(ids, r.getLong(1));
            if (k >= 0) {
                long line = r.getLong(2);
                BigDecimal amount = r.getBigDecimal(3);
                amount = amount == null ? BigDecimal.ZERO : amount;
                int c = bestAmount[k] == null ? 1 : amount.compareTo(bestAmount[k]);
                if (c > 0 || (c == 0 && line < bestLine[k])) {
                    bestAmount[k] = amount;
                    bestLine[k] = line;
                    products[k] = r.getLong(4);
                }
            }
        }

        /** The main product of the deal of this id (0: none, or not one of the scan's deals). */
        public long productOf(long dealId) {
            int k = Arrays.binarySearch(ids, dealId);
            return k < 0 ? 0 : products[k];
        }
    }
}
