package org.deskcrm.persistence.report;

import org.deskcrm.model.common.AppException;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.TreeSet;

/**
 * The business day of an instant, computed by the database: {@code ts AT TIME ZONE 'zone'} gives the
 * wall-clock time in the business zone on H2 and PostgreSQL alike, and EXTRACT reads its year, month and
 * day (a CAST to DATE would not do: H2 casts a timestamp with time zone to a date in the session's zone).
 * The day comes back as the number yyyymmdd. Zones are passed by region name, which both databases
 * resolve with their own rules (H2 with the JVM's); a fixed-offset zone ("+03:00", "UTC+3") becomes a
 * region with that offset over the period, because PostgreSQL reads a bare offset text POSIX-style,
 * with the sign reversed.
 */
public final class BusinessDays {
    private BusinessDays() {
    }

    /** The business day of the instant column as yyyymmdd (an integer, so that it can be grouped by). */
    public static Field<Integer> dayNumber(Field<?> at, ZoneId zone, Instant from, Instant to) {
        Field<String> z = DSL.inline(sqlZone(zone, from, to));
        return DSL.field("(cast(extract(year from ({0} at time zone {1})) as int) * 10000"
                + " + cast(extract(month from ({0} at time zone {1})) as int) * 100"
                + " + cast(extract(day from ({0} at time zone {1})) as int))", Integer.class, at, z);
    }

    static LocalDate date(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    public static int number(LocalDate day) {
        return day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    /**
     * A zone name both databases read the same way as Java over [from, to): the region itself, else (a fixed
     * offset) UTC, an {@code Etc/GMT∓h} zone for whole hours, or any region whose offset is that one
     * throughout the period.
     */
    static String sqlZone(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        if (!rules.isFixedOffset()) {
            return zone.getId();
        }
        ZoneOffset offset = rules.getOffset(from);
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        if (seconds % 3600 == 0 && seconds >= -12 * 3600 && seconds <= 14 * 3600) {
            int hours = seconds / 3600;
            return "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
        }
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/") && steady(ZoneId.of(id).getRules(), offset, from, to)) {
                return id;
            }
        }
        throw new AppException("error.report.badTimeZone", zone.getId());
    }

    private static boolean steady(ZoneRules rules, ZoneOffset offset, Instant from, Instant to) {
        if (!rules.getOffset(from).equals(offset)) {
            return false;
        }
        ZoneOffsetTransition next = rules.nextTransition(from);
        return next == null || !next.getInstant().isBefore(to);
    }
}
