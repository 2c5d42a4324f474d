package org.deskcrm.ui.common;

import org.deskcrm.model.report.ColumnType;
import org.deskcrm.service.settings.BusinessCurrency;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** One way to write figures per locale, with the business currency (ADR 0017); expected texts written by hand. */
class FigureFormatTest {
    static final Locale RU = Locale.forLanguageTag("ru");
    static final Locale EN = Locale.forLanguageTag("en-US");

    /** No-break spaces (U+00A0, U+202F) as plain spaces, to compare with texts written by hand. */
    static String plain(String s) {
        return s.replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    @Test
    void russianConventions() {
        FigureFormat f = new FigureFormat(RU, Currency.getInstance("RUB"));
        assertThat(plain(f.text(new BigDecimal("1234567.89"), ColumnType.MONEY))).isEqualTo("1 234 567,89 ₽");
        assertThat(plain(f.text(new BigDecimal("5"), ColumnType.MONEY))).isEqualTo("5,00 ₽");
        assertThat(plain(f.text(1234567L, ColumnType.COUNT))).isEqualTo("1 234 567");
        assertThat(plain(f.text(new BigDecimal("0.455"), ColumnType.RATIO))).isEqualTo("45,5 %");
        assertThat(f.points(new BigDecimal("0.065"))).isEqualTo("6,5");
    }

    @Test
    void englishConventions() {
        FigureFormat f = new FigureFormat(EN, Currency.getInstance("USD"));
        assertThat(f.text(new BigDecimal("1234567.89"), ColumnType.MONEY)).isEqualTo("$1,234,567.89");
        assertThat(f.text(1234567L, ColumnType.COUNT)).isEqualTo("1,234,567");
        assertThat(f.text(new BigDecimal("0.455"), ColumnType.RATIO)).isEqualTo("45.5%");
        assertThat(f.points(new BigDecimal("0.0650"))).isEqualTo("6.5");
        assertThat(f.text(new BigDecimal("12.5"), ColumnType.NUMBER)).isEqualTo("12.5");
    }

    @Test
    void theCurrencyFollowsTheBusinessRegionUntilChosen() {
        assertThat(BusinessCurrency.ofRegion("RU").getCurrencyCode()).isEqualTo("RUB");
        assertThat(BusinessCurrency.ofRegion("US").getCurrencyCode()).isEqualTo("USD");
        assertThat(BusinessCurrency.ofRegion("DE").getCurrencyCode()).isEqualTo("EUR");
        assertThat(BusinessCurrency.ofRegion("??").getCurrencyCode()).isEqualTo("RUB");
    }

    @Test
    void excelFormatsCarryTheCurrencyWhereTheLocaleWritesIt() {
        assertThat(BusinessCurrency.excelFormat(Currency.getInstance("USD"), EN)).isEqualTo("\"$\"#,##0.00");
        assertThat(BusinessCurrency.excelFormat(Currency.getInstance("RUB"), RU)).isEqualTo("#,##0.00 \"₽\"");
        assertThat(BusinessCurrency.excelFormat(null, RU)).isEqualTo("#,##0.00");
    }
}
