package org.deskcrm.model.report;

import java.time.Duration;
import java.time.Instant;

/**
 * The length in days between two instants the way every report counts it (a stay in a stage, a sales cycle): the
 * whole seconds between them over 86 400, rounded half up (away from zero on a half) to hundredths of a day, held as
 * whole hundredths.
 */
public final class DayLength {
    private DayLength() {
    }

    /** The length from {@code from} to {@code to} in whole hundredths of a day. */
    public static long hundredths(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        // seconds / 864 rounded half up (away from zero on a half), in whole numbers
        long h = (2 * Math.abs(seconds) + 864) / 1728;
        return seconds < 0 ? -h : h;
    }
}
