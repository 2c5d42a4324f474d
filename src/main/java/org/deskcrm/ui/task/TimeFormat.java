package org.deskcrm.ui.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Instants shown and typed in the business time zone, in the user's locale. */
public final class TimeFormat {
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;

    public TimeFormat(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public String dateTime(Instant i) {
        return i == null ? "" : dateTime.format(i);
    }

    public String time(Instant i) {
        return i == null ? "" : time.format(i);
    }

    public Instant instant(LocalDate date, LocalTime at) {
        return LocalDateTime.of(date, at).atZone(zone).toInstant();
    }

    public LocalDate date(Instant i) {
        return LocalDate.ofInstant(i, zone);
    }

    /** "1:05" for 65 seconds, "1:01:05" past an hour. */
    public static String duration(int seconds) {
        int h = seconds / 3600;
        int m = seconds % 3600 / 60;
        int s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
