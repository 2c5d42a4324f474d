package org.deskcrm.service.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Lengths in days between two instants (a stay in a stage, a sales cycle) and their average and median, the
 * way velocity and sales analysis count them: each length is its whole seconds over 86 400, rounded half up to
 * hundredths of a day; the average of the rounded lengths and the middle one (of an even count, the mean of the
 * two middle ones) rounded half up to hundredths. Held as whole hundredths in a growing array: a year's cycles
 * at 1 M deals are 380 000 lengths.
 */
final class DaySample {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private long[] hundredths = new long[16];
    private int size;

    /** The length from {@code from} to {@code to} in days, rounded half up to hundredths. */
    static BigDecimal days(Instant from, Instant to) {
        return BigDecimal.valueOf(hundredths(from, to), 2);
    }

    static long hundredths(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        // seconds / 864 rounded half up (away from zero on a half), in whole numbers
        long h = (2 * Math.abs(seconds) + 864) / 1728;
        return seconds < 0 ? -h : h;
    }

    void add(Instant from, Instant to) {
        if (size == hundredths.length) {
            hundredths = Arrays.copyOf(hundredths, size * 2);
        }
        hundredths[size++] = hundredths(from, to);
    }

    void addAll(DaySample other) {
        if (size + other.size > hundredths.length) {
            hundredths = Arrays.copyOf(hundredths, Math.max(size + other.size, size * 2));
        }
        System.arraycopy(other.hundredths, 0, hundredths, size, other.size);
        size += other.size;
    }

    int size() {
        return size;
    }

    /** The average length, null without lengths. */
    BigDecimal average() {
        if (size == 0) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += hundredths[i];
        }
        return BigDecimal.valueOf(sum, 2).divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
    }

    /** The median length, null without lengths. */
    BigDecimal median() {
        if (size == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(hundredths, size);
        Arrays.sort(sorted);
        return size % 2 == 1 ? BigDecimal.valueOf(sorted[size / 2], 2)
                : BigDecimal.valueOf(sorted[size / 2 - 1] + sorted[size / 2], 2).divide(TWO, 2, RoundingMode.HALF_UP);
    }
}
