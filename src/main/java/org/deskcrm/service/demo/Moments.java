package org.deskcrm.service.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Random moments for demo records: uniform, sorted, and within office hours of the business time zone. */
final class Moments {
    private Moments() {
    }

    static Instant between(Instant from, Instant to, SplittableRandom rnd) {
        long span = Duration.between(from, to).getSeconds();
        return span <= 0 ? from : from.plusSeconds(rnd.nextLong(span + 1));
    }

    /** {@code n} moments between the two, oldest first. */
    static Instant[] sorted(int n, Instant from, Instant to, SplittableRandom rnd) {
        long base = from.getEpochSecond();
        long span = Math.max(0, to.getEpochSecond() - base);
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = base + (span == 0 ? 0 : rnd.nextLong(span + 1));
        }
        Arrays.sort(s);
        Instant[] r = new Instant[n];
        for (int i = 0; i < n; i++) {
            r[i] = Instant.ofEpochSecond(s[i]);
        }
        return r;
    }

    /**
     * The same day's office hours (9:00-19:00, mostly on weekdays) when that stays between
     * {@code from} and {@code to}; otherwise the moment itself.
     */
    static Instant officeHours(Instant at, Instant from, Instant to, ZoneId zone, SplittableRandom rnd) {
        ZonedDateTime z = at.atZone(zone);
        DayOfWeek d = z.getDayOfWeek();
        if ((d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) && rnd.nextInt(100) < 85) {
            z = z.minusDays(d == DayOfWeek.SATURDAY ? 1 : 2);
        }
        int minute = 9 * 60 + (int) Math.min(599, Math.abs(rnd.nextGaussian()) * 200 + rnd.nextInt(240));
        Instant r = z.withHour(minute / 60).withMinute(minute % 60).withSecond(rnd.nextInt(60)).toInstant();
        return r.isBefore(from) || r.isAfter(to) ? at : r;
    }
}
