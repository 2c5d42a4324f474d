package org.deskcrm.service.report;

import org.deskcrm.persistence.report.DurationFigures.Lengths;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lengths in whole hundredths of a day equal the decimal rule they replace (seconds / 86 400 rounded half up
 * to two places, the average and median of those decimals rounded half up): on each half-hundredth boundary
 * (every 864 s, ±1 s and ±1 ns around it), on negative lengths (a deal closed before it was created, as an import
 * may hold), and on random samples of odd and even size split into parts and joined again.
 */
class DaySampleTest {
    private static final Instant T0 = Instant.parse("2025-03-30T00:59:59Z");

    private static BigDecimal decimalDays(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).getSeconds())
                .divide(BigDecimal.valueOf(86_400), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimalAverage(List<BigDecimal> v) {
        return v.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(v.size()), 2,
                RoundingMode.HALF_UP);
    }

    private static BigDecimal decimalMedian(List<BigDecimal> v) {
        List<BigDecimal> s = v.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2)
                : s.get(n / 2 - 1).add(s.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    @Test
    void everyHalfHundredthBoundaryBothWays() {
        for (long k = -2_000; k <= 2_000; k++) {
            for (long deltaNanos : new long[] {-1_000_000_000L, -1, 0, 1, 1_000_000_000L}) {
                Instant to = T0.plusSeconds(432 * k).plusNanos(deltaNanos);
                assertThat(DaySample.days(T0, to)).as("%d s %d ns", 432 * k, deltaNanos)
                        .isEqualTo(decimalDays(T0, to));
            }
        }
    }

    @Test
    void averageAndMedianOfRandomSamples() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 2_000; round++) {
            int n = rnd.nextInt(1, 60);
            Lengths.Sample first = new Lengths.Sample();
            Lengths.Sample second = new Lengths.Sample();
            List<BigDecimal> decimals = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Instant from = T0.plusSeconds(rnd.nextLong(-1_000_000, 1_000_000));
                Instant to = from.plusSeconds(rnd.nextLong(-50_000, 40_000_000)).plusNanos(rnd.nextLong(1_000_000_000));
                (i % 3 == 0 ? first : second).add(from, to);
                decimals.add(decimalDays(from, to));
            }
            first.addAll(second);
            assertThat(first.size()).isEqualTo(n);
            assertThat(DaySample.average(first.lengths())).as("average of %s", decimals).isEqualTo(decimalAverage(decimals));
            assertThat(DaySample.median(first.lengths())).as("median of %s", decimals).isEqualTo(decimalMedian(decimals));
        }
    }

    @Test
    void anEmptySampleHasNoAverageOrMedian() {
        assertThat(DaySample.average(new Lengths.Sample().lengths())).isNull();
        assertThat(DaySample.median(new Lengths.Sample().lengths())).isNull();
    }
}
