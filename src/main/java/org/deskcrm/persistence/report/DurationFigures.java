package org.deskcrm.persistence.report;

import org.deskcrm.model.report.DayLength;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.totals.DealTotals;
import org.deskcrm.persistence.totals.DurationTotals;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.deskcrm.persistence.jooq.Tables.DURATION_COUNT;
import static org.deskcrm.persistence.jooq.Tables.DURATION_TOTAL;

/**
 * The lengths velocity reports (docs/decisions/0035-stay-and-cycle-lengths.md): the stays that ended in a period, per
 * stage, and the sales cycles of the deals won in it, as count, sum and the middle lengths. Read from the stored
 * lengths ({@link DurationTotals}) when the deal totals are built in the scope's zone and the filter narrows by
 * nothing but the pipeline (the stored lengths have no person, source or band); otherwise from the records
 * ({@link HistoryQueries}). From the totals, the whole months are read from month rows and the partial ones from day
 * rows, length by whole day; the one or two whole days holding the middle are then read length by exact hundredth.
 */
public final class DurationFigures {
    /**
     * Lengths in whole hundredths of a day: how many, their sum, and the two middle ones of the sorted lengths (the
     * same one for an odd count; 0 without lengths).
     */
    public record Lengths(long count, long sum, long lowMiddle, long highMiddle) {
        public static final Lengths NONE = new Lengths(0, 0, 0, 0);

        /**
         * Lengths gathered one by one from the records (a year's cycles at 1 000 000 deals are 380 000), held as whole
         * hundredths in a growing array.
         */
        public static final class Sample {
            private long[] hundredths = new long[16];
            private int size;

            /** Adds the length from {@code from} to {@code to} ({@link DayLength}). */
            public void add(java.time.Instant from, java.time.Instant to) {
                add(DayLength.hundredths(from, to));
            }

            public void add(long h) {
                if (size == hundredths.length) {
                    hundredths = Arrays.copyOf(hundredths, size * 2);
                }
                hundredths[size++] = h;
            }

            public void addAll(Sample other) {
                if (size + other.size > hundredths.length) {
                    hundredths = Arrays.copyOf(hundredths, Math.max(size + other.size, size * 2));
                }
                System.arraycopy(other.hundredths, 0, hundredths, size, other.size);
                size += other.size;
            }

            public int size() {
                return size;
            }

            /** The count, sum and middle lengths of what was added. */
            public Lengths lengths() {
                if (size == 0) {
                    return NONE;
                }
                long[] sorted = Arrays.copyOf(hundredths, size);
                Arrays.sort(sorted);
                long sum = 0;
                for (long h : sorted) {
                    sum += h;
                }
                return new Lengths(size, sum, sorted[(size - 1) / 2], sorted[size / 2]);
            }
        }
    }

    private final DSLContext dsl;
    private final DealTotals totals;
    private final HistoryQueries history;

    public DurationFigures(Database db) {
        this.dsl = db.dsl();
        this.totals = new DealTotals(db.dsl());
        this.history = new HistoryQueries(db);
    }

    /** The lengths come from the stored totals for this scope (else from the records). */
    public boolean fromTotals(ReportScope s) {
        ReportFilter f = s.filter();
        return f.managerId() == null && f.teamId() == null && f.sourceId() == null && f.band() == null
                && totals.builtZone().filter(s.zone()::equals).isPresent();
    }

    /** The stays in each of the stages that ended in the period, by stage (every stage asked for has an entry). */
    public Map<Long, Lengths> stays(ReportScope s, Collection<Long> stages) {
        if (!fromTotals(s)) {
            return staysRecorded(s, stages);
        }
        Map<Long, Lengths> out = new HashMap<>();
        try {
            Map<Long, Lengths> stored = stored(DurationTotals.STAY, stages, stage -> List.of(stage), s);
            for (long stage : stages) {
                out.put(stage, stored.getOrDefault(stage, Lengths.NONE));
            }
        } catch (Disagreement e) {
            LOG.warn("{}; velocity counts the records until the totals are rebuilt (rebuild-totals)", e.getMessage());
            return staysRecorded(s, stages);
        }
        return out;
    }

    /** {@link #stays} from the records. */
    public Map<Long, Lengths> staysRecorded(ReportScope s, Collection<Long> stages) {
        Map<Long, Lengths.Sample> samples = new HashMap<>();
        for (HistoryQueries.Stay x : history.staysEnded(s, stages, false)) {
            samples.computeIfAbsent(x.stageId(), k -> new Lengths.Sample()).add(x.entered(), x.left());
        }
        Map<Long, Lengths> out = new HashMap<>();
        for (long stage : stages) {
            Lengths.Sample v = samples.get(stage);
            out.put(stage, v == null ? Lengths.NONE : v.lengths());
        }
        return out;
    }

    /** The sales cycles (created → won) of the deals won in the period in the filter's pipeline. */
    public Lengths cycles(ReportScope s) {
        Long pipeline = s.filter().pipelineId();
        if (!fromTotals(s) || pipeline == null) {
            return cyclesRecorded(s);
        }
        try {
            return stored(DurationTotals.CYCLE, List.of(pipeline), p -> List.of(p), s).getOrDefault(pipeline, Lengths.NONE);
        } catch (Disagreement e) {
            LOG.warn("{}; velocity counts the records until the totals are rebuilt (rebuild-totals)", e.getMessage());
            return cyclesRecorded(s);
        }
    }

    /**
     * The stored whole days and exact lengths of a kind and scope do not add up (a damaged database): the figure is
     * then counted from the records, never from rows that contradict each other.
     */
    static final class Disagreement extends RuntimeException {
        Disagreement(String message) {
            super(message);
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DurationFigures.class);

    /** {@link #cycles} from the records. */
    public Lengths cyclesRecorded(ReportScope s) {
        Lengths.Sample v = new Lengths.Sample();
        for (HistoryQueries.Cycle c : history.wonCycles(s, false)) {
            v.add(c.created(), c.won());
        }
        return v.lengths();
    }

    /**
     * The stored lengths of one kind in the period for each bucket of its scopes ({@code bucketsOf}: the buckets a
     * scope's lengths count in — its stage, its pipeline, its product and that product's group, all of them): the
     * count and sum of each whole day of each scope from the month and day rows, then the exact lengths of the whole
     * days that hold each bucket's middle ranks, each read once for every bucket that needs it. One statement per
     * scope and part of the period, each one range of the primary key: H2 reads a list of scopes ({@code IN}) as the
     * scopes' whole history, and ran a union of the ranges slower than the ranges one by one (measured).
     */
    <K> Map<K, Lengths> stored(String kind, Collection<Long> scopes, java.util.function.LongFunction<List<K>> bucketsOf,
                              ReportScope s) {
        LocalDate from = s.filter().from();
        LocalDate to = s.filter().to();
        Map<K, TreeMap<Integer, long[]>> byWholeDay = new HashMap<>();
        Map<K, Map<Integer, java.util.Set<Long>>> scopesAt = new HashMap<>(); // the scopes with lengths at a whole day
        List<Object[]> binds = new ArrayList<>();
        for (long scope : scopes) {
            for (int[] range : TotalFigures.periodRanges(from, to, false)) {
                binds.add(new Object[]{kind, scope, range[0], range[1]});
            }
        }
        each(statements().wholeDays(), binds, (bound, r) -> {
            long scope = (Long) bound[1];
            int whole = r.getInt(1);
            long n = r.getLong(2);
            if (n == 0) {
                return;
            }
            for (K bucket : bucketsOf.apply(scope)) {
                long[] cell = byWholeDay.computeIfAbsent(bucket, k -> new TreeMap<>()).computeIfAbsent(whole, k -> new long[2]);
                cell[0] += n;
                cell[1] += r.getLong(3);
                scopesAt.computeIfAbsent(bucket, k -> new HashMap<>()).computeIfAbsent(whole, k -> new java.util.TreeSet<>())
                        .add(scope);
            }
        });
        // the whole days holding each bucket's middle ranks, and the exact lengths of their scopes at those whole days
        Map<K, long[]> counted = new HashMap<>(); // each bucket's count and sum of lengths
        java.util.Set<List<Long>> wanted = new java.util.LinkedHashSet<>(); // (scope, whole day), once for every bucket
        for (Map.Entry<K, TreeMap<Integer, long[]>> b : byWholeDay.entrySet()) {
            long[] all = new long[2];
            for (long[] cell : b.getValue().values()) {
                all[0] += cell[0];
                all[1] += cell[1];
            }
            counted.put(b.getKey(), all);
            long[] r = ranks(all[0]);
            long before = 0;
            for (Map.Entry<Integer, long[]> e : b.getValue().entrySet()) {
                long in = e.getValue()[0];
                if ((r[0] >= before && r[0] < before + in) || (r[1] >= before && r[1] < before + in)) {
                    for (long scope : scopesAt.get(b.getKey()).get(e.getKey())) {
                        wanted.add(List.of(scope, (long) e.getKey()));
                    }
                }
                before += in;
            }
        }
        Map<K, Map<Integer, TreeMap<Integer, Long>>> exact = exact(kind, wanted, bucketsOf, from, to);
        Map<K, Lengths> out = new HashMap<>();
        for (Map.Entry<K, TreeMap<Integer, long[]>> b : byWholeDay.entrySet()) {
            long[] all = counted.get(b.getKey());
            long[] middle = middle(kind, b.getKey(), b.getValue(), ranks(all[0]), exact.getOrDefault(b.getKey(), Map.of()));
            out.put(b.getKey(), new Lengths(all[0], all[1], middle[0], middle[1]));
        }
        return out;
    }

    /** The ranks of the two middle lengths of {@code count} sorted lengths, (n−1)/2 and n/2 (0-based; one for an odd count). */
    private static long[] ranks(long count) {
        return new long[]{(count - 1) / 2, count / 2};
    }

    /**
     * The two middle lengths of a bucket's sorted lengths (its ranks (n−1)/2 and n/2, 0-based), each found among the
     * exact lengths of the whole day that holds it.
     */
    private static long[] middle(String kind, Object bucket, TreeMap<Integer, long[]> byWholeDay, long[] ranks,
                                 Map<Integer, TreeMap<Integer, Long>> exact) {
        long[] found = new long[2];
        long before = 0;
        int next = 0;
        for (Map.Entry<Integer, long[]> e : byWholeDay.entrySet()) {
            long in = e.getValue()[0];
            if (next < 2 && ranks[next] < before + in) {
                long seen = before;
                for (Map.Entry<Integer, Long> x : exact.getOrDefault(e.getKey(), new TreeMap<>()).entrySet()) {
                    seen += x.getValue();
                    while (next < 2 && ranks[next] < seen) {
                        found[next++] = x.getKey();
                    }
                }
                if (seen != before + in) {
                    throw new Disagreement("the stored lengths of " + kind + " " + bucket + " disagree: whole day "
                            + e.getKey() + " counts " + in + " lengths, its exact lengths " + (seen - before));
                }
            }
            before += in;
        }
        return found;
    }

    /** The exact lengths (hundredths → count) of the scopes at the whole days asked for, by bucket and whole day. */
    private <K> Map<K, Map<Integer, TreeMap<Integer, Long>>> exact(String kind, Collection<List<Long>> wanted,
                                                                java.util.function.LongFunction<List<K>> bucketsOf,
                                                                LocalDate from, LocalDate to) {
        Map<K, Map<Integer, TreeMap<Integer, Long>>> out = new HashMap<>();
        List<Object[]> binds = new ArrayList<>();
        for (List<Long> w : wanted) {
            for (int[] range : TotalFigures.periodRanges(from, to, false)) {
                binds.add(new Object[]{kind, w.get(0), w.get(1).intValue(), range[0], range[1]});
            }
        }
        each(statements().exact(), binds, (bound, r) -> {
            for (K bucket : bucketsOf.apply((Long) bound[1])) {
                out.computeIfAbsent(bucket, k -> new HashMap<>())
                        .computeIfAbsent((Integer) bound[2], k -> new TreeMap<>())
                        .merge(r.getInt(1), r.getLong(2), Long::sum);
            }
        });
        return out;
    }

    /** A row of a statement, with the values it was run with. */
    private interface RowReader {
        void read(Object[] bound, java.sql.ResultSet row) throws java.sql.SQLException;
    }

    /**
     * Runs the statement once for each set of values, on one prepared statement: a year's lengths of every product
     * are some 150 small reads, which cost more to render and prepare one by one than to run.
     */
    private void each(String sql, List<Object[]> binds, RowReader reader) {
        if (binds.isEmpty()) {
            return;
        }
        dsl.connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] bound : binds) {
                    for (int i = 0; i < bound.length; i++) {
                        ps.setObject(i + 1, bound[i]);
                    }
                    try (java.sql.ResultSet r = ps.executeQuery()) {
                        while (r.next()) {
                            reader.read(bound, r);
                        }
                    }
                }
            }
        });
    }

    /** The two reads of lengths, rendered once: whole days (kind, scope, day range) and exact lengths (… whole days …). */
    private record Statements(String wholeDays, String exact) {
    }

    private volatile Statements statements;

    private Statements statements() {
        Statements st = statements;
        if (st == null) {
            st = new Statements(
                    dsl.render(dsl.select(DURATION_TOTAL.WHOLE_DAYS, DSL.sum(DURATION_TOTAL.LENGTH_COUNT),
                                    DSL.sum(DURATION_TOTAL.HUNDREDTHS_SUM))
                            .from(DURATION_TOTAL)
                            .where(DURATION_TOTAL.KIND.eq(DSL.param("kind", String.class)))
                            .and(DURATION_TOTAL.SCOPE_ID.eq(DSL.param("scope", Long.class)))
                            .and(DURATION_TOTAL.DAY_NO.between(DSL.param("first", Integer.class), DSL.param("last", Integer.class)))
                            .groupBy(DURATION_TOTAL.WHOLE_DAYS)),
                    dsl.render(dsl.select(DURATION_COUNT.HUNDREDTHS, DSL.sum(DURATION_COUNT.LENGTH_COUNT))
                            .from(DURATION_COUNT)
                            .where(DURATION_COUNT.KIND.eq(DSL.param("kind", String.class)))
                            .and(DURATION_COUNT.SCOPE_ID.eq(DSL.param("scope", Long.class)))
                            .and(DURATION_COUNT.WHOLE_DAYS.eq(DSL.param("whole", Integer.class)))
                            .and(DURATION_COUNT.DAY_NO.between(DSL.param("first", Integer.class), DSL.param("last", Integer.class)))
                            .groupBy(DURATION_COUNT.HUNDREDTHS)));
            statements = st;
        }
        return st;
    }
}
