package org.deskcrm.service.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Lengths in days between two instants (a stay in a stage, a sales cycle) and their average and median, the
 * way velocity and sales analysis count them: each length is its whole seconds over 86 400, rounded half up to
 * hundredths of a day; the average of the rounded lengths and the middle one (of an even count, the mean of the
 * two middle ones) rounded half up to hundredths. The lengths themselves are gathered as
 * {@link org.deskcrm.persistence.report.DurationFigures.Lengths} (from the records or the stored totals).
 */
final class DaySample {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private DaySample() {
    }

    /** The length from {@code from} to {@code to} in days, rounded half up to hundredths. */
    static BigDecimal days(Instant from, Instant to) {
        return BigDecimal.valueOf(org.deskcrm.model.report.DayLength.hundredths(from, to), 2);
    }

    /** The average of {@code count} lengths whose hundredths sum to {@code sum}, null without lengths. */
    static BigDecimal average(long count, long sum) {
        return count == 0 ? null
                : BigDecimal.valueOf(sum, 2).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /**
     * The median from the two middle lengths of the sorted lengths (the same one for an odd count): their mean,
     * rounded half up to hundredths.
     */
    static BigDecimal median(long lowMiddle, long highMiddle) {
        return BigDecimal.valueOf(lowMiddle + highMiddle, 2).divide(TWO, 2, RoundingMode.HALF_UP);
    }

    /** The average of the lengths, null without lengths. */
    static BigDecimal average(org.deskcrm.persistence.report.DurationFigures.Lengths l) {
        return average(l.count(), l.sum());
    }

    /** The median of the lengths, null without lengths. */
    static BigDecimal median(org.deskcrm.persistence.report.DurationFigures.Lengths l) {
        return l.count() == 0 ? null : median(l.lowMiddle(), l.highMiddle());
    }
}
