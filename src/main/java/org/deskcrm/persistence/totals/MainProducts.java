package org.deskcrm.persistence.totals;

import org.deskcrm.persistence.CursorReader;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_LINE;

/**
 * Each deal's main product, kept on the deal ({@code deal.main_product_id}, ADR 0031): the product of its line with
 * the largest amount, the first line (entry order, lowest id) on a tie; none for a deal without lines (ADR 0007).
 * Every writer of a deal's lines writes it ({@link #of}); the deal totals' rebuild recomputes it from the lines
 * ({@link #repair}) and counts the deals whose stored product differed.
 */
public final class MainProducts {
    private MainProducts() {
    }

    /** The main product of lines in entry order, each with its amount and product; null for no lines. */
    public static <L> Long of(List<L> lines, Function<L, BigDecimal> amount, Function<L, Long> product) {
        Long best = null;
        BigDecimal bestAmount = null;
        for (L l : lines) {
            BigDecimal a = amount.apply(l) == null ? BigDecimal.ZERO : amount.apply(l);
            if (bestAmount == null || a.compareTo(bestAmount) > 0) {
                bestAmount = a;
                best = product.apply(l);
            }
        }
        return best;
    }

    /**
     * Recomputes every deal's main product from the lines (one pass over the deals and one over the lines, each
     * line's deal found by a binary search in the deals' sorted ids) and writes the ones that differ, in the
     * caller's transaction; returns how many differed.
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
        long[] bestLine = new long[n];
        BigDecimal[] bestAmount = new BigDecimal[n];
        long[] product = new long[n];
        if (n > 0) {
            CursorReader.eachRow(dsl, d -> d.select(DEAL_LINE.DEAL_ID, DEAL_LINE.ID, DEAL_LINE.AMOUNT,
                    DEAL_LINE.PRODUCT_ID).from(DEAL_LINE), r -> {
                        int k = Arrays.binarySearch(ids, r.getLong(1));
                        if (k >= 0) {
                            long line = r.getLong(2);
                            BigDecimal amount = r.getBigDecimal(3);
                            amount = amount == null ? BigDecimal.ZERO : amount;
                            int c = bestAmount[k] == null ? 1 : amount.compareTo(bestAmount[k]);
                            if (c > 0 || (c == 0 && line < bestLine[k])) {
                                bestAmount[k] = amount;
                                bestLine[k] = line;
                                product[k] = r.getLong(4);
                            }
                        }
                    });
        }
        List<Integer> differ = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (stored.get(i)[1] != product[i]) {
                differ.add(i);
            }
        }
        if (!differ.isEmpty()) {
            dsl.connection(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE deal SET main_product_id = ? WHERE id = ?")) {
                    int batch = 0;
                    for (int i : differ) {
                        if (product[i] == 0) {
                            ps.setNull(1, java.sql.Types.BIGINT);
                        } else {
                            ps.setLong(1, product[i]);
                        }
                        ps.setLong(2, ids[i]);
                        ps.addBatch();
                        if (++batch % 1_000 == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
            });
        }
        return differ.size();
    }
}
