package org.deskcrm.service.imports;

import org.deskcrm.model.io.DateStyle;
import org.deskcrm.model.io.NumberStyle;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number and date formats of one file, decided once from all the values of its number and date
 * columns (or given by the profile or the command line), then applied to every cell: a value the
 * chosen format reads two ways is an error (never a guess), a number with more decimals than its
 * column keeps is an error (never rounded), a date outside 1900–2100 or with a two-digit year (unless
 * the given format has one) is an error. See ADR 0005.
 */
final class CellFormats {
    /** A read cell: its value, or why it cannot be read (a message key with the value as argument). */
    record Read<T>(T value, String problem) {
        static <T> Read<T> of(T value) {
            return new Read<>(value, null);
        }

        static <T> Read<T> fail(String key) {
            return new Read<>(null, key);
        }

        boolean ok() {
            return problem == null;
        }
    }

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern LOCAL = Pattern.compile("(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4}|\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");
    private static final String GROUPS = " \u00a0\u202f'";

    /** Currency signs and the words for roubles an amount may carry, and the ISO code each stands for. */
    private static final java.util.Map<String, String> SIGNS = java.util.Map.of("$", "USD", "€", "EUR", "£", "GBP",
            "¥", "JPY", "₽", "RUB", "руб.", "RUB", "руб", "RUB", "р.", "RUB", "₸", "KZT", "₴", "UAH");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private final NumberStyle numbers;
    private final DateStyle dates;
    /** The currency the file's amounts named so far (null: none named): one file, one currency. */
    private String currency;

    CellFormats(NumberStyle numbers, DateStyle dates) {
        this.numbers = numbers == null ? NumberStyle.AUTO : numbers;
        this.dates = dates == null ? DateStyle.AUTO : dates;
    }

    /** The chosen number style; {@link NumberStyle#AUTO} when the file's numbers never had to decide. */
    NumberStyle numbers() {
        return numbers;
    }

    /** The chosen date style; {@link DateStyle#AUTO} when the file's dates never had to decide. */
    DateStyle dates() {
        return dates;
    }

    // ------------------------------------------------------------------ detection

    /**
     * The formats of a file: a given style (not AUTO) is kept; otherwise the style most of the file's
     * values can be read in only one way under. Values that fit neither or both decide nothing.
     */
    static CellFormats detect(Iterable<String> numberValues, Iterable<String> dateValues, NumberStyle givenNumbers,
                              DateStyle givenDates) {
        NumberStyle n = givenNumbers == null ? NumberStyle.AUTO : givenNumbers;
        if (n == NumberStyle.AUTO) {
            int point = 0;
            int comma = 0;
            for (String v : numberValues) {
                String amount = withoutCurrency(v.strip())[1];
                boolean p = parseNumber(amount, '.') != null;
                boolean c = parseNumber(amount, ',') != null;
                point += p && !c ? 1 : 0;
                comma += c && !p ? 1 : 0;
            }
            n = point == 0 && comma == 0 ? NumberStyle.AUTO : point >= comma ? NumberStyle.POINT : NumberStyle.COMMA;
        }
        DateStyle d = givenDates == null ? DateStyle.AUTO : givenDates;
        if (d == DateStyle.AUTO) {
            d = detectDates(dateValues);
        }
        return new CellFormats(n, d);
    }

    private static DateStyle detectDates(Iterable<String> values) {
        int dots = 0;
        int slashes = 0;
        int dayFirst = 0;
        int monthFirst = 0;
        for (String v : values) {
            Matcher m = LOCAL.matcher(datePart(v.strip()));
            if (!m.matches()) {
                continue;
            }
            if (m.group(2).equals(".")) {
                dots++;
                continue;
            }
            slashes++;
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            dayFirst += a > 12 && b <= 12 ? 1 : 0;
            monthFirst += b > 12 && a <= 12 ? 1 : 0;
        }
        if (dots == 0 && slashes == 0) {
            return DateStyle.ISO;
        }
        if (dots > slashes) {
            return DateStyle.DAY_DOT;
        }
        if (dayFirst == monthFirst) {
            return DateStyle.AUTO; // no slashed date tells the order: each one that could be either is refused
        }
        return dayFirst > monthFirst ? DateStyle.DAY_SLASH : DateStyle.MONTH_SLASH;
    }

    // ------------------------------------------------------------------ numbers

    /**
     * A non-negative number with at most {@code scale} decimals, read under the file's style. An amount may
     * name its currency before or after it ("$12,500.75", "12 500,75 ₽", "USD 1,000", "1 000 руб."): the
     * mark is dropped, but every amount of the file must name the same currency (or none); the figure is
     * never converted.
     */
    Read<BigDecimal> number(String raw, int scale) {
        String[] named = withoutCurrency(raw.strip());
        if (named[0] != null) {
            if (currency != null && !currency.equals(named[0])) {
                return Read.fail("imports.issue.currencyMixed");
            }
            currency = named[0];
        }
        String s = named[1];
        BigDecimal v;
        if (numbers == NumberStyle.AUTO) {
            BigDecimal p = parseNumber(s, '.');
            BigDecimal c = parseNumber(s, ',');
            if (p != null && c != null && p.compareTo(c) != 0) {
                return Read.fail("imports.issue.numberAmbiguous");
            }
            v = p != null ? p : c;
        } else {
            v = parseNumber(s, numbers == NumberStyle.POINT ? '.' : ',');
        }
        if (v == null) {
            return Read.fail(numbers == NumberStyle.COMMA ? "imports.issue.numberComma"
                    : numbers == NumberStyle.POINT ? "imports.issue.numberPoint" : "imports.issue.number");
        }
        v = v.stripTrailingZeros();
        if (v.scale() > scale) {
            return Read.fail(scale == 0 ? "imports.issue.integer" : "imports.issue.numberRounding");
        }
        return Read.of(v.setScale(Math.max(0, scale), java.math.RoundingMode.UNNECESSARY));
    }

    /**
     * The ISO code of a currency written before or after an amount and the amount without it: {code, rest};
     * {null, s} when no currency is named.
     */
    static String[] withoutCurrency(String s) {
        for (var e : SIGNS.entrySet()) {
            String sign = e.getKey();
            if (s.length() > sign.length() && s.startsWith(sign)) {
                return new String[]{e.getValue(), s.substring(sign.length()).strip()};
            }
            if (s.length() > sign.length() && s.endsWith(sign)
                    && (sign.length() == 1 || Character.isWhitespace(s.charAt(s.length() - sign.length() - 1)))) {
                return new String[]{e.getValue(), s.substring(0, s.length() - sign.length()).strip()};
            }
        }
        if (s.length() > 4 && isoCode(s.substring(0, 3)) && Character.isWhitespace(s.charAt(3))) {
            return new String[]{s.substring(0, 3), s.substring(4).strip()};
        }
        if (s.length() > 4 && isoCode(s.substring(s.length() - 3)) && Character.isWhitespace(s.charAt(s.length() - 4))) {
            return new String[]{s.substring(s.length() - 3), s.substring(0, s.length() - 4).strip()};
        }
        return new String[]{null, s};
    }

    private static boolean isoCode(String s) {
        if (!CODE.matcher(s).matches()) {
            return false;
        }
        try {
            java.util.Currency.getInstance(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A number whose decimal mark is {@code mark}; the other mark, a space, a no-break space or an
     * apostrophe may group the whole part in threes (one kind of grouping per number); null if not so.
     */
    static BigDecimal parseNumber(String s, char mark) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        if (t.isEmpty() || t.length() > 40) {
            return null;
        }
        int at = t.indexOf(mark);
        if (at != t.lastIndexOf(mark)) {
            return null;
        }
        String whole = at < 0 ? t : t.substring(0, at);
        String fraction = at < 0 ? "" : t.substring(at + 1);
        if (whole.isEmpty() || (at >= 0 && fraction.isEmpty()) || !digits(fraction)) {
            return null;
        }
        char other = mark == '.' ? ',' : '.';
        char group = 0;
        for (char c : whole.toCharArray()) {
            if (!Character.isDigit(c) || c > '9') {
                if (c != other && GROUPS.indexOf(c) < 0 || group != 0 && c != group) {
                    return null;
                }
                group = c;
            }
        }
        if (group != 0) {
            String[] parts = whole.split(Pattern.quote(String.valueOf(group)), -1);
            if (parts[0].isEmpty() || parts[0].length() > 3 || !digits(parts[0])) {
                return null;
            }
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].length() != 3 || !digits(parts[i])) {
                    return null;
                }
            }
            whole = whole.replace(String.valueOf(group), "");
        }
        return new BigDecimal(fraction.isEmpty() ? whole : whole + "." + fraction);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ dates

    /** A date, with its time of day when the cell has one ({@code hasTime}); null when unreadable. */
    record Stamp(LocalDateTime at, boolean hasTime) {
    }

    /** A date or a date-time read under the file's style, within 1900–2100. */
    Read<Stamp> stamp(String raw) {
        String s = raw.strip();
        String datePart = datePart(s);
        String rest = s.substring(datePart.length()).strip();
        if (rest.startsWith("T")) {
            rest = rest.substring(1);
        }
        LocalTime time = null;
        if (!rest.isEmpty()) {
            Matcher tm = TIME.matcher(rest);
            if (!tm.matches()) {
                return Read.fail("imports.issue.date");
            }
            try {
                int nanos = tm.group(4) == null ? 0 : Integer.parseInt((tm.group(4) + "00000000").substring(0, 9));
                time = LocalTime.of(Integer.parseInt(tm.group(1)), Integer.parseInt(tm.group(2)),
                        tm.group(3) == null ? 0 : Integer.parseInt(tm.group(3)), nanos);
            } catch (DateTimeException e) {
                return Read.fail("imports.issue.date");
            }
        }
        Read<LocalDate> d = date(datePart);
        if (!d.ok()) {
            return Read.fail(d.problem());
        }
        if (d.value().getYear() < MIN_YEAR || d.value().getYear() > MAX_YEAR) {
            return Read.fail("imports.issue.dateRange");
        }
        return Read.of(new Stamp(time == null ? d.value().atStartOfDay() : d.value().atTime(time), time != null));
    }

    private Read<LocalDate> date(String s) {
        Matcher iso = ISO.matcher(s);
        if (iso.matches()) {
            return of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher m = LOCAL.matcher(s);
        if (!m.matches()) {
            return Read.fail("imports.issue.date");
        }
        char sep = m.group(2).charAt(0);
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        String y = m.group(4);
        boolean shortYear = y.length() == 2;
        if (shortYear && !dates.shortYear()) {
            return Read.fail("imports.issue.dateShortYear");
        }
        if (!shortYear && dates.shortYear()) {
            return Read.fail("imports.issue.dateStyle");
        }
        int year = shortYear ? 2000 + Integer.parseInt(y) : Integer.parseInt(y);
        if (sep == '.') {
            if (dates != DateStyle.AUTO && dates.separator() != '.') {
                return Read.fail("imports.issue.dateStyle");
            }
            return of(year, b, a);
        }
        if (dates == DateStyle.AUTO) {
            if (a != b && a <= 12 && b <= 12) {
                return Read.fail("imports.issue.dateAmbiguous");
            }
            return a > 12 ? of(year, b, a) : of(year, a, b);
        }
        if (dates.separator() != '/') {
            return Read.fail("imports.issue.dateStyle");
        }
        return dates.dayFirst() ? of(year, b, a) : of(year, a, b);
    }

    private static Read<LocalDate> of(int year, int month, int day) {
        try {
            return Read.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Read.fail("imports.issue.date");
        }
    }

    /** The date part of a cell: up to a 'T' or the first space. */
    private static String datePart(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == 'T') {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
