package org.deskcrm.service.report;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.persistence.report.ReportLookups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports of the hand-computed data set: typed xlsx cells, live totals, filters above; CSV. */
class ReportExportTest extends ReportContract {
    @TempDir
    Path dir;

    @Override
    Database openDatabase() {
        return TestDatabases.h2();
    }

    ReportExport export(Locale locale) {
        return new ReportExport(new ReportTexts(locale), new ReportLookups(ctx.database()));
    }

    @Test
    void xlsxHasTypedCellsFrozenBoldHeaderAutofilterAndSumFormulas() throws Exception {
        ReportTable t = reports.get("manager-rating").run(march());
        Path file = dir.resolve("rating.xlsx");
        export(Locale.ENGLISH).write(t, file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Manager rating");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Manager rating");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("2026-03-01 – 2026-03-31");
            int header = 3;
            XSSFRow h = sheet.getRow(header);
            assertThat(h.getCell(0).getStringCellValue()).isEqualTo("Manager");
            assertThat(h.getCell(2).getStringCellValue()).isEqualTo("Revenue");
            assertThat(h.getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A4:J8");
            XSSFCell carlRevenue = sheet.getRow(header + 1).getCell(2);
            assertThat(carlRevenue.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(carlRevenue.getNumericCellValue()).isEqualTo(600.0);
            assertThat(carlRevenue.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            XSSFRow totals = sheet.getRow(header + 5);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(totals.getCell(2).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(totals.getCell(2).getCellFormula()).isEqualTo("SUM(C5:C8)");
            // the value stored with the formula, as a reader that does not recalculate sees it
            assertThat(totals.getCell(2).getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
            assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(1150.0);
            assertThat(totals.getCell(1).getNumericCellValue()).isEqualTo(4.0); // won deals
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(1150.0);
            assertThat(totals.getCell(3).getNumericCellValue()).isEqualTo(287.5);
            assertThat(sheet.getRow(header + 1).getCell(6).getCellType()).isEqualTo(CellType.BLANK); // Carl: no leads, no productivity
            assertThat(sheet.getRow(header + 2).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            var charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            assertThat(charts.get(0).getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                    .isEqualTo("'Manager rating'!$C$5:$C$8");
        }
    }

    @Test
    void xlsxDatesAreDateCells() throws Exception {
        ReportTable t = reports.get("plan-fact").run(march());
        Path file = dir.resolve("plan.xlsx");
        export(new Locale("ru")).write(t, file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("План-факт");
            XSSFCell start = sheet.getRow(4).getCell(3);
            assertThat(start.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(start)).isTrue();
            assertThat(start.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MAR1);
        }
    }

    @Test
    void everyTitleColumnAndErrorHasEnglishAndRussianText() {
        java.util.ResourceBundle en = java.util.ResourceBundle.getBundle("org.deskcrm.i18n.ui.report", Locale.ROOT);
        java.util.ResourceBundle ru = java.util.ResourceBundle.getBundle("org.deskcrm.i18n.ui.report", new Locale("ru"));
        assertThat(ru.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        for (Report r : reports.all()) {
            ReportTable t = r.run(march().withPipeline(sales.id()));
            assertThat(en.containsKey("report.title." + r.name())).as(r.name()).isTrue();
            for (org.deskcrm.model.report.Column c : t.columns()) {
                assertThat(en.containsKey("report.col." + c.key())).as(c.key()).isTrue();
                assertThat(ru.getString("report.col." + c.key())).isNotBlank();
            }
        }
        for (String key : List.of("periodMissing", "periodReversed", "badTimeZone", "noPipeline", "unknownFigure",
                "unknownRow", "unknown", "badOption", "badFormat")) {
            assertThat(en.containsKey("error.report." + key)).as(key).isTrue();
        }
    }

    @Test
    void csvHasHeaderRowsAndTotals() throws Exception {
        ReportTable t = reports.get("lead-sources").run(march());
        Path file = dir.resolve("sources.csv");
        export(Locale.ENGLISH).write(t, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFSource,Leads,Won leads,Conversion,Won deals,Revenue,Cost,ROI");
        assertThat(lines.get(1)).isEqualTo("Referral,2,0,0.0000,1,600.00,480.00,0.2500");
        assertThat(lines.get(3)).isEqualTo("(none),1,1,1.0000,1,400.00,0,");
        assertThat(lines.get(4)).isEqualTo("Total,8,4,0.5000,4,1150.00,3480.00,-0.6695");
    }

    @Test
    void csvEscapesTextThatWouldRunAsAFormulaButNotNegativeNumbers() throws Exception {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        ctx.database().dsl().execute("UPDATE lead_source SET name = ? WHERE name = 'Referral'", formula);
        ReportTable t = reports.get("lead-sources").run(march());
        Path file = dir.resolve("sources-injection.csv");
        export(Locale.ENGLISH).write(t, file);
        List<List<String>> rows = org.deskcrm.service.export.CsvCells.read(file, ',');
        // the source's name is written as text, its figures as they are
        assertThat(rows.get(1).get(0)).isEqualTo("'" + formula);
        assertThat(rows.get(1).subList(1, rows.get(1).size())).contains("600.00", "480.00", "0.2500")
                .allSatisfy(c -> assertThat(c).doesNotStartWith("'"));
        // a negative number (the total ROI: revenue 1 150.00 against cost 3 480.00) is a number, not escaped
        List<String> total = rows.stream().filter(r -> !r.isEmpty() && r.get(0).equals("Total")).findFirst().orElseThrow();
        assertThat(total).contains("1150.00", "3480.00", "-0.6695");
    }
}
