package org.deskcrm.service.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list export's CSV with the OWASP formula-injection inputs: each text cell that a spreadsheet
 * would run as a formula reads back with a leading apostrophe; harmless text and numbers (a negative
 * one included) read back unchanged. Read back with a plain RFC 4180 parser (LibreOffice is not
 * installed here).
 */
class CsvFormulaInjectionTest {
    static final List<String> FORMULAS = List.of("=cmd|'/C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)",
            "+1+1", "-2+3", "\tTAB", "\rCR");
    static final List<String> HARMLESS = List.of("Plain", "a=b", "x@y.com", "", "'quoted already", " =space first");

    @TempDir
    Path dir;

    @Test
    void formulaTextIsEscapedHarmlessTextAndNumbersAreNot() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            Path file = dir.resolve(locale.getLanguage() + ".csv");
            List<ExportColumn<Object[]>> columns = List.of(ExportColumn.text("Name", r -> r[0]),
                    ExportColumn.of("Amount", ColumnKind.MONEY, r -> r[1]),
                    ExportColumn.of("Count", ColumnKind.INTEGER, r -> r[2]));
            CsvTableWriter w = new CsvTableWriter(file, locale);
            try (w) {
                w.start("t", List.of(), columns);
                for (String s : FORMULAS) {
                    w.row(new Object[]{s, new BigDecimal("-12.50"), -3L});
                }
                for (String s : HARMLESS) {
                    w.row(new Object[]{s, new BigDecimal("7.25"), 4L});
                }
                w.finish();
            }
            List<List<String>> rows = CsvCells.read(file, w.separator());
            assertThat(rows).hasSize(1 + FORMULAS.size() + HARMLESS.size());
            boolean ru = locale.getLanguage().equals("ru");
            for (int i = 0; i < FORMULAS.size(); i++) {
                List<String> r = rows.get(1 + i);
                assertThat(r.get(0)).isEqualTo("'" + FORMULAS.get(i));
                assertThat(r.get(1)).isEqualTo(ru ? "-12,50" : "-12.50");
                assertThat(r.get(2)).isEqualTo("-3");
            }
            for (int i = 0; i < HARMLESS.size(); i++) {
                assertThat(rows.get(1 + FORMULAS.size() + i).get(0)).isEqualTo(HARMLESS.get(i));
            }
        }
    }
}
