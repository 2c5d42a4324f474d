package org.deskcrm.service.imports;

import org.deskcrm.model.io.DateStyle;
import org.deskcrm.model.io.NumberStyle;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file-wide number and date formats (ADR 0005), one test per example of the "Bad input":
 * a thousands separator is never read as a decimal mark, nothing is rounded, a slashed date is read
 * in one order for the whole file, a two-digit year needs a given format, years stay in 1900–2100.
 */
class CellFormatsTest {
    static CellFormats detect(List<String> numbers, List<String> dates) {
        return CellFormats.detect(numbers, dates, NumberStyle.AUTO, DateStyle.AUTO);
    }

    static BigDecimal money(CellFormats f, String v) {
        CellFormats.Read<BigDecimal> r = f.number(v, 2);
        return r.ok() ? r.value() : null;
    }

    static String problem(CellFormats f, String v) {
        return f.number(v, 2).problem();
    }

    static LocalDate date(CellFormats f, String v) {
        CellFormats.Read<CellFormats.Stamp> r = f.stamp(v);
        return r.ok() ? r.value().at().toLocalDate() : null;
    }

    @Test
    void aCommaThousandsSeparatorIsNeverADecimalComma() {
        CellFormats f = detect(List.of("12,500", "1,234.56", "300"), List.of());
        assertThat(f.numbers()).isEqualTo(NumberStyle.POINT);
        assertThat(money(f, "12,500")).isEqualByComparingTo("12500");
        assertThat(money(f, "1,234,567.5")).isEqualByComparingTo("1234567.5");
        assertThat(problem(f, "12,50")).isEqualTo("imports.issue.numberPoint"); // not a group of three
    }

    @Test
    void aValueThatReadsTwoWaysIsRefusedWhenNothingDecides() {
        CellFormats f = detect(List.of("12,500", "7"), List.of());
        assertThat(f.numbers()).isEqualTo(NumberStyle.AUTO);
        assertThat(problem(f, "12,500")).isEqualTo("imports.issue.numberAmbiguous");
        assertThat(money(f, "7")).isEqualByComparingTo("7");
        assertThat(money(f, "12 500,75")).isEqualByComparingTo("12500.75"); // a comma before two digits decides itself
    }

    @Test
    void aDecimalCommaFileReadsPointsAsThousands() {
        CellFormats f = detect(List.of("1.234,56", "12,5", "12.500"), List.of());
        assertThat(f.numbers()).isEqualTo(NumberStyle.COMMA);
        assertThat(money(f, "12.500")).isEqualByComparingTo("12500");
        assertThat(money(f, "1\u00a0234,5")).isEqualByComparingTo("1234.5");
        assertThat(money(f, "1'234'567,00")).isEqualByComparingTo("1234567");
    }

    @Test
    void moreDecimalsThanTheColumnKeepsIsRefusedNotRounded() {
        CellFormats f = detect(List.of("1.234", "0.5"), List.of());
        assertThat(f.numbers()).isEqualTo(NumberStyle.POINT);
        assertThat(problem(f, "1.234")).isEqualTo("imports.issue.numberRounding");
        assertThat(money(f, "1.230")).isEqualByComparingTo("1.23"); // a trailing zero needs no rounding
        assertThat(f.number("95", 0).value()).isEqualByComparingTo("95");
        assertThat(f.number("9.5", 0).problem()).isEqualTo("imports.issue.integer");
    }

    @Test
    void slashedDatesAreReadInOneOrderForTheWholeFile() {
        CellFormats f = detect(List.of(), List.of("03/04/2026", "12/31/2026"));
        assertThat(f.dates()).isEqualTo(DateStyle.MONTH_SLASH);
        assertThat(date(f, "03/04/2026")).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(date(f, "12/31/2026")).isEqualTo(LocalDate.of(2026, 12, 31));
        CellFormats dayFirst = detect(List.of(), List.of("03/04/2026", "31/12/2026"));
        assertThat(dayFirst.dates()).isEqualTo(DateStyle.DAY_SLASH);
        assertThat(date(dayFirst, "03/04/2026")).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(dayFirst.stamp("12/31/2026").problem()).isEqualTo("imports.issue.date");
    }

    @Test
    void aSlashedDateNothingDecidesIsRefused() {
        CellFormats f = detect(List.of(), List.of("03/04/2026", "05/05/2026"));
        assertThat(f.dates()).isEqualTo(DateStyle.AUTO);
        assertThat(f.stamp("03/04/2026").problem()).isEqualTo("imports.issue.dateAmbiguous");
        assertThat(date(f, "05/05/2026")).isEqualTo(LocalDate.of(2026, 5, 5));
        CellFormats given = CellFormats.detect(List.of(), List.of("03/04/2026"), NumberStyle.AUTO, DateStyle.DAY_SLASH);
        assertThat(date(given, "03/04/2026")).isEqualTo(LocalDate.of(2026, 4, 3));
    }

    @Test
    void aTwoDigitYearNeedsAGivenFormat() {
        CellFormats f = detect(List.of(), List.of("01.02.26"));
        assertThat(f.stamp("01.02.26").problem()).isEqualTo("imports.issue.dateShortYear");
        CellFormats given = CellFormats.detect(List.of(), List.of("01.02.26"), NumberStyle.AUTO, DateStyle.DAY_DOT_SHORT);
        assertThat(date(given, "01.02.26")).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void datesOutside1900To2100AreRefused() {
        CellFormats f = detect(List.of(), List.of("9999-12-31"));
        assertThat(f.stamp("9999-12-31").problem()).isEqualTo("imports.issue.dateRange");
        assertThat(f.stamp("1899-12-31").problem()).isEqualTo("imports.issue.dateRange");
        assertThat(date(f, "2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
    }

    @Test
    void isoDatesAndTimesAreReadUnderEveryFormat() {
        CellFormats f = detect(List.of(), List.of("31.03.2026", "2026-03-02T10:15"));
        assertThat(f.dates()).isEqualTo(DateStyle.DAY_DOT);
        assertThat(f.stamp("2026-03-02T10:15").value().at()).isEqualTo(LocalDateTime.of(2026, 3, 2, 10, 15));
        assertThat(f.stamp("2026-03-02 10:15:30").value().hasTime()).isTrue();
        assertThat(f.stamp("31.03.2026 23:59").value().at()).isEqualTo(LocalDateTime.of(2026, 3, 31, 23, 59));
        assertThat(f.stamp("31/03/2026").problem()).isEqualTo("imports.issue.dateStyle");
        assertThat(f.stamp("2026-02-30").problem()).isEqualTo("imports.issue.date");
    }

    /** Exports from CRMs and accounting write the currency with the amount: it is read, never converted or mixed. */
    @Test
    void anAmountMayNameItsCurrencyButOneFileHasOne() {
        CellFormats f = detect(List.of("$12,500.75", "$300", "$1,000"), List.of());
        assertThat(f.numbers()).isEqualTo(NumberStyle.POINT);
        assertThat(money(f, "$12,500.75")).isEqualByComparingTo("12500.75");
        assertThat(money(f, "USD 1,000")).isEqualByComparingTo("1000");
        assertThat(money(f, "1,000.50 USD")).isEqualByComparingTo("1000.50");
        assertThat(money(f, "300")).as("an amount without a currency").isEqualByComparingTo("300");
        assertThat(problem(f, "€5")).isEqualTo("imports.issue.currencyMixed");
        assertThat(problem(f, "EUR 5")).isEqualTo("imports.issue.currencyMixed");

        CellFormats rub = detect(List.of("12 500,75 ₽", "1 000 руб.", "300 р."), List.of());
        assertThat(rub.numbers()).isEqualTo(NumberStyle.COMMA);
        assertThat(money(rub, "12 500,75 ₽")).isEqualByComparingTo("12500.75");
        assertThat(money(rub, "1 000 руб.")).isEqualByComparingTo("1000");
        assertThat(money(rub, "300 р.")).isEqualByComparingTo("300");
        assertThat(money(rub, "RUB 7")).isEqualByComparingTo("7");
        assertThat(problem(rub, "$7")).isEqualTo("imports.issue.currencyMixed");

        CellFormats none = detect(List.of("5"), List.of());
        assertThat(problem(none, "ABC 5")).as("not a currency").isEqualTo("imports.issue.number");
        assertThat(problem(none, "5 $ 5")).isNotNull();
    }
}
