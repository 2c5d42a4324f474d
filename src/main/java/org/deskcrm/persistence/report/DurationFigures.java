package org.deskcrm.persistence.report;

import org.deskcrm.model.report.DayLength;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.totals.DealTotals;
import org.deskcrm.persistence.totals.DurationTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.LocalDate;
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

        /** The lengths of the first {@code size} values (in any order; the array is sorted in place). */
        static Lengths of(long[] hundredths, int size) {
            if (size == 0) {
                return NONE;
            }
            Arrays.sort(hundredths, 0, size);
            long sum = 0;
            for (int i = 0; i < size; i++) {
                sum += hundredths[i];
            }
            return new Lengths(size, sum, hundredths[(size - 1) / 2], hundredths[size / 2]);
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
            for (long stage : stages) {
                out.put(stage, stored(DurationTotals.STAY, stage, s));
            }
        } catch (Disagreement e) {
            LOG.warn("{}; velocity counts the records until the totals are rebuilt (rebuild-totals)", e.getMessage());
            return staysRecorded(s, stages);
        }
        return out;
    }

    /** {@link #stays} from the records. */
    public Map<Long, Lengths> staysRecorded(ReportScope s, Collection<Long> stages) {
        Map<Long, long[]> values = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        for (HistoryQueries.Stay x : history.staysEnded(s, stages, false)) {
            long[] v = values.computeIfAbsent(x.stageId(), k -> new long[16]);
            int n = sizes.getOrDefault(x.stageId(), 0);
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
                values.put(x.stageId(), v);
            }
            v[n] = DayLength.hundredths(x.entered(), x.left());
            sizes.put(x.stageId(), n + 1);
        }
        Map<Long, Lengths> out = new HashMap<>();
        for (long stage : stages) {
            long[] v = values.get(stage);
            out.put(stage, v == null ? Lengths.NONE : Lengths.of(v, sizes.get(stage)));
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
            return stored(DurationTotals.CYCLE, pipeline, s);
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
        List<HistoryQueries.Cycle> won = history.wonCycles(s, false);
        long[] v = new long[won.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = DayLength.hundredths(won.get(i).created(), won.get(i).won());
        }
        return Lengths.of(v, v.length);
    }

    /**
     * The stored lengths of one kind and scope in the period: the count and sum of each whole day from the month and
     * day rows, then the exact lengths of the whole days that hold the middle ranks.
     */
    private Lengths stored(String kind, long scope, ReportScope s) {
        LocalDate from = s.filter().from();
        LocalDate to = s.filter().to();
        TreeMap<Integer, long[]> byWholeDay = new TreeMap<>();
        for (Condition part : TotalFigures.periodParts(DURATION_TOTAL.DAY_NO, from, to)) {
            dsl.select(DURATION_TOTAL.WHOLE_DAYS, org.jooq.impl.DSL.sum(DURATION_TOTAL.LENGTH_COUNT),
                            org.jooq.impl.DSL.sum(DURATION_TOTAL.HUNDREDTHS_SUM))
                    .from(DURATION_TOTAL)
                    .where(DURATION_TOTAL.KIND.eq(kind)).and(DURATION_TOTAL.SCOPE_ID.eq(scope)).and(part)
                    .groupBy(DURATION_TOTAL.WHOLE_DAYS)
                    .forEach(r -> {
                        long[] cell = byWholeDay.computeIfAbsent(r.value1(), k -> new long[2]);
                        cell[0] += r.get(1, Long.class);
                        cell[1] += r.get(2, Long.class);
                    });
        }
        long count = 0;
        long sum = 0;
        for (long[] cell : byWholeDay.values()) {
            count += cell[0];
            sum += cell[1];
        }
        if (count == 0) {
            return Lengths.NONE;
        }
        long[] middle = middle(kind, scope, byWholeDay, count, from, to);
        return new Lengths(count, sum, middle[0], middle[1]);
    }

    /**
     * The two middle lengths of the sorted lengths (ranks (n−1)/2 and n/2, 0-based): each found among the exact lengths
     * of the whole day that holds it, read once per whole day (month rows for the whole months, day rows for the rest).
     */
    private long[] middle(String kind, long scope, TreeMap<Integer, long[]> byWholeDay, long count, LocalDate from,
                          LocalDate to) {
        long[] ranks = {(count - 1) / 2, count / 2};
        long[] found = new long[2];
        long before = 0;
        int next = 0;
        for (Map.Entry<Integer, long[]> e : byWholeDay.entrySet()) {
            long in = e.getValue()[0];
            if (next < 2 && ranks[next] < before + in) {
                TreeMap<Integer, Long> exact = exact(kind, scope, e.getKey(), from, to);
                long seen = before;
                for (Map.Entry<Integer, Long> x : exact.entrySet()) {
                    seen += x.getValue();
                    while (next < 2 && ranks[next] < seen) {
                        found[next++] = x.getKey();
                    }
                }
                if (seen != before + in) {
                    throw new Disagreement("the stored lengths of " + kind + " " + scope + " disagree: whole day "
                            + e.getKey() + " counts " + in + " lengths, its exact lengths " + (seen - before));
                }
            }
            before += in;
        }
        return found;
    }

    /** The exact lengths (hundredths → count) of one whole day of length within the period. */
    private TreeMap<Integer, Long> exact(String kind, long scope, int wholeDays, LocalDate from, LocalDate to) {
        TreeMap<Integer, Long> exact = new TreeMap<>();
        for (Condition part : TotalFigures.periodParts(DURATION_COUNT.DAY_NO, from, to)) {
            dsl.select(DURATION_COUNT.HUNDREDTHS, org.jooq.impl.DSL.sum(DURATION_COUNT.LENGTH_COUNT))
                    .from(DURATION_COUNT)
                    .where(DURATION_COUNT.KIND.eq(kind)).and(DURATION_COUNT.SCOPE_ID.eq(scope))
                    .and(DURATION_COUNT.WHOLE_DAYS.eq(wholeDays)).and(part)
                    .groupBy(DURATION_COUNT.HUNDREDTHS)
                    .forEach(r -> exact.merge(r.value1(), r.get(1, Long.class), Long::sum));
        }
        return exact;
    }
}
