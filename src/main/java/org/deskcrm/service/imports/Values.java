package org.deskcrm.service.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsing of cell texts as spreadsheets and people write them: numbers with spaces as thousands and a
 * comma or point as decimal mark, dates as ISO or day.month.year (also with a slash), date-times with
 * hours and minutes (seconds optional). Every method returns null for text it cannot read.
 */
final class Values {
    private static final Pattern INTEGER = Pattern.compile("[+]?\\d{1,9}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern WEBSITE = Pattern.compile("^(https?://)?[^\\s/]+\\.[^\\s/]{2,}(/\\S*)?$");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd"),
            DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d.M.uu"));
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'H:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd H:mm[:ss]"),
            DateTimeFormatter.ofPattern("d.M.uuuu H:mm[:ss]"),
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]"));

    private Values() {
    }

    static Integer integer(String s) {
        String t = s.replace(" ", "").replace("\u00a0", "");
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        return INTEGER.matcher(t).matches() ? Integer.valueOf(t.startsWith("+") ? t.substring(1) : t) : null;
    }

    /** A non-negative amount with at most two decimals after rounding half-up. */
    static BigDecimal amount(String s) {
        String t = s.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (t.isEmpty() || t.length() > 30) {
            return null;
        }
        int comma = t.lastIndexOf(',');
        int point = t.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            t = comma > point ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
        } else if (comma >= 0) {
            t = t.indexOf(',') != comma ? t.replace(",", "") : t.replace(',', '.');
        }
        if (!t.matches("[+]?\\d+(\\.\\d+)?")) {
            return null;
        }
        BigDecimal v = new BigDecimal(t).setScale(2, java.math.RoundingMode.HALF_UP);
        return v.compareTo(MAX_AMOUNT) > 0 ? null : v;
    }

    static LocalDate date(String s) {
        String t = s.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f.withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        LocalDateTime dt = dateTime(t);
        return dt == null ? null : dt.toLocalDate();
    }

    static LocalDateTime dateTime(String s) {
        String t = s.strip();
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(t, f.withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return null;
    }

    static Boolean bool(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y", "+", "да", "д", "истина" -> Boolean.TRUE;
            case "0", "false", "no", "n", "-", "нет", "н", "ложь" -> Boolean.FALSE;
            default -> null;
        };
    }

    static boolean email(String s) {
        return EMAIL.matcher(s).matches();
    }

    static boolean website(String s) {
        return WEBSITE.matcher(s).matches();
    }
}
