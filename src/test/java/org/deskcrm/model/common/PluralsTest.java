package org.deskcrm.model.common;

import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Plural forms: English one/other, Russian one/few/many (1 продажа, 2 продажи, 5 продаж, 11 продаж, 21 продажа). */
class PluralsTest {
    private static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void russianHasThreeFormsByTheLastDigitsAndEnglishTwo() {
        String ru = "{0} продажа|{0} продажи|{0} продаж";
        String[][] cases = {{"0", "продаж"}, {"1", "продажа"}, {"2", "продажи"}, {"4", "продажи"}, {"5", "продаж"},
                {"11", "продаж"}, {"12", "продаж"}, {"14", "продаж"}, {"21", "продажа"}, {"22", "продажи"},
                {"25", "продаж"}, {"101", "продажа"}, {"111", "продаж"}, {"112", "продаж"}, {"122", "продажи"}};
        for (String[] c : cases) {
            assertThat(Plurals.form(ru, Long.parseLong(c[0]), RU)).as(c[0]).isEqualTo("{0} " + c[1]);
        }
        String en = "{0} sale|{0} sales";
        assertThat(Plurals.form(en, 1, Locale.ENGLISH)).isEqualTo("{0} sale");
        assertThat(Plurals.form(en, 0, Locale.ENGLISH)).isEqualTo("{0} sales");
        assertThat(Plurals.form(en, 2, Locale.ENGLISH)).isEqualTo("{0} sales");
        assertThat(Plurals.form(en, 21, Locale.ENGLISH)).isEqualTo("{0} sales");
        assertThat(Plurals.form("no forms", 5, RU)).isEqualTo("no forms");
    }

    @Test
    void theCardsSaleCountReadsRightInBothLanguages() {
        I18n en = new I18n(Locale.ENGLISH);
        I18n ru = new I18n(RU);
        assertThat(en.plural("sale.count", 1)).isEqualTo("1 sale");
        assertThat(en.plural("sale.count", 1_500)).isEqualTo("1,500 sales");
        assertThat(ru.plural("sale.count", 1)).isEqualTo("1 продажа");
        assertThat(ru.plural("sale.count", 3)).isEqualTo("3 продажи");
        assertThat(ru.plural("sale.count", 5)).isEqualTo("5 продаж");
        assertThat(ru.plural("sale.count", 11)).isEqualTo("11 продаж");
        assertThat(ru.plural("sale.count", 21)).isEqualTo("21 продажа");
        assertThat(en.format("sale.summary", en.plural("sale.count", 1), "100.00", "0.00"))
                .isEqualTo("1 sale · 100.00 · unpaid 0.00");
    }
}
