package org.deskcrm.model.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * A named period of whole business days relative to today (in the business time zone): the presets
 * every report and the home dashboard offer. Weeks start on Monday (ISO), quarters are calendar
 * quarters. {@link #CUSTOM} is whatever dates the user typed.
 */
public enum PeriodPreset {
    TODAY, THIS_WEEK, LAST_WEEK, THIS_MONTH, LAST_MONTH, THIS_QUARTER, LAST_QUARTER, THIS_YEAR, LAST_YEAR,
    LAST_12_MONTHS, CUSTOM;

    /** Both ends inclusive. */
    public record Range(LocalDate from, LocalDate to) {
        public Range {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException(from + " after " + to);
            }
        }

        /**
         * The period just before this one of the same shape: the previous whole months (or quarter, year)
         * when this range is whole months, else the same number of days before it.
         */
        public Range previous() {
            if (wholeMonths()) {
                long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
                LocalDate start = from.minusMonths(months);
                return new Range(start, from.minusDays(1));
            }
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            return new Range(from.minusDays(days), from.minusDays(1));
        }

        /** Whole calendar months: from a month's first day to a month's last day. */
        private boolean wholeMonths() {
            return from.getDayOfMonth() == 1 && to.equals(to.withDayOfMonth(to.lengthOfMonth()));
        }

        /**
         * The part of this period up to {@code today}, when the period is under way (today falls in it before its
         * last day); empty for a period that is over or has not begun.
         */
        public java.util.Optional<Range> soFar(LocalDate today) {
            return today.isBefore(from) || !today.isBefore(to) ? java.util.Optional.empty()
                    : java.util.Optional.of(new Range(from, today));
        }

        /**
         * The same stretch of the {@link #previous} period as {@link #soFar} is of this one: from its first day to
         * the day as far into it — the same day of the month for whole months (or that month's last day: March 1–31
         * → February 1–28), otherwise the same number of days. Empty when the period is not under way.
         */
        public java.util.Optional<Range> previousSoFar(LocalDate today) {
            return soFar(today).map(part -> {
                Range before = previous();
                LocalDate end = wholeMonths()
                        ? today.minusMonths(ChronoUnit.MONTHS.between(from, to.plusDays(1)))
                        : today.minusDays(ChronoUnit.DAYS.between(from, to) + 1);
                return new Range(before.from(), end.isAfter(before.to()) ? before.to() : end);
            });
        }
    }

    /** The key suffix of its texts ("report.period.this_month"...). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PeriodPreset> ofCode(String code) {
        for (PeriodPreset p : values()) {
            if (p.code().equals(code)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The dates of this preset when today is {@code today}; empty for {@link #CUSTOM}. */
    public Optional<Range> range(LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate year = today.withDayOfYear(1);
        Range r = switch (this) {
            case TODAY -> new Range(today, today);
            case THIS_WEEK -> new Range(monday, monday.plusDays(6));
            case LAST_WEEK -> new Range(monday.minusWeeks(1), monday.minusDays(1));
            case THIS_MONTH -> new Range(month, month.plusMonths(1).minusDays(1));
            case LAST_MONTH -> new Range(month.minusMonths(1), month.minusDays(1));
            case THIS_QUARTER -> new Range(quarter, quarter.plusMonths(3).minusDays(1));
            case LAST_QUARTER -> new Range(quarter.minusMonths(3), quarter.minusDays(1));
            case THIS_YEAR -> new Range(year, year.plusYears(1).minusDays(1));
            case LAST_YEAR -> new Range(year.minusYears(1), year.minusDays(1));
            case LAST_12_MONTHS -> new Range(month.minusMonths(11), month.plusMonths(1).minusDays(1));
            case CUSTOM -> null;
        };
        return Optional.ofNullable(r);
    }

    /** The preset whose dates these are today, else {@link #CUSTOM}. */
    public static PeriodPreset matching(LocalDate from, LocalDate to, LocalDate today) {
        for (PeriodPreset p : values()) {
            Optional<Range> r = p.range(today);
            if (r.isPresent() && r.get().from().equals(from) && r.get().to().equals(to)) {
                return p;
            }
        }
        return CUSTOM;
    }
}
