package org.deskcrm.service.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.persistence.report.ReportLookups;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a computed report to CSV (UTF-8 with BOM, RFC 4180 quoting, plain numbers and ISO dates)
 * or to .xlsx: the filters above the table, a bold frozen header with an autofilter, real numeric
 * and date cells with formats, totals as live SUM formulas carrying their computed value, the summary below
 * (labelled as the window labels it). Money cells are numbers formatted in the business currency.
 */
public final class ReportExport {
    private final ReportTexts texts;
    private final ReportLookups lookups;

    private final java.util.function.Supplier<java.util.Currency> currency;

    /** Money without a currency sign. */
    public ReportExport(ReportTexts texts, ReportLookups lookups) {
        this(texts, lookups, () -> null);
    }

    /** Money in the business currency, read when a file is written ({@code null}: without a sign). */
    public ReportExport(ReportTexts texts, ReportLookups lookups, java.util.function.Supplier<java.util.Currency> currency) {
        this.texts = texts;
        this.lookups = lookups;
        this.currency = currency;
    }

    /** The report's filter as (label, value) lines, as written above an .xlsx table and into the export's audit event. */
    public List<String[]> filterLines(ReportTable t) {
        return texts.filterLines(t, lookups);
    }

    /** Writes by the file's extension (.csv or .xlsx). */
    public void write(ReportTable t, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            writeCsv(t, file);
        } else if (name.endsWith(".xlsx")) {
            writeXlsx(t, file);
        } else {
            throw new AppException("error.report.badFormat", file);
        }
    }

    public void writeCsv(ReportTable t, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            List<Object> header = new java.util.ArrayList<>();
            for (Column c : t.columns()) {
                header.add(texts.column(c.key()));
            }
            w.write(csvRow(header));
            for (Row r : t.rows()) {
                w.write(csvRow(labelled(t, r)));
            }
            List<Object> totals = new java.util.ArrayList<>(t.totals().values());
            if (t.columns().get(0).type() == ColumnType.TEXT) {
                totals.set(0, texts.get("report.total"));
            }
            w.write(csvRow(totals));
            if (!t.summary().isEmpty()) {
                w.write(csvRow(List.of(texts.get("report.summary"))));
                for (Map.Entry<String, Object> e : t.summary().entrySet()) {
                    w.write(csvRow(java.util.Arrays.asList(texts.summary(e.getKey()), e.getValue())));
                }
            }
        }
    }

    /** The row's values, with "(none)" naming the group of records without a key (e.g. no source). */
    private List<Object> labelled(ReportTable t, Row r) {
        List<Object> v = new java.util.ArrayList<>(r.values());
        for (int i = 0; i < v.size(); i++) {
            if (t.columns().get(i).type() == ColumnType.TEXT && v.get(i) != null) {
                v.set(i, texts.value(t.columns().get(i).key(), v.get(i)));
            }
        }
        if (Pick.NONE_KEY.equals(r.key()) && t.columns().get(0).type() == ColumnType.TEXT && r.values().get(0) == null) {
            v.set(0, texts.get("report.none"));
        }
        return v;
    }

    private static String csvRow(List<Object> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (i > 0) {
                line.append(',');
            }
            append(line, v == null ? "" : v instanceof BigDecimal b ? b.toPlainString()
                    : v instanceof Number || v instanceof java.time.temporal.Temporal ? v.toString()
                    : org.deskcrm.service.export.CsvFormulaGuard.text(v.toString()));
        }
        return line.append("\r\n").toString();
    }

    private static void append(StringBuilder line, String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            line.append(value);
        }
    }

    public void writeXlsx(ReportTable t, Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet(safeSheetName(texts.title(t.report())));
            Styles st = new Styles(wb, org.deskcrm.service.settings.BusinessCurrency.excelFormat(currency.get(), texts.locale()));
            int r = 0;
            for (String[] f : texts.filterLines(t, lookups)) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(f[0]);
                row.getCell(0).setCellStyle(st.bold);
                row.createCell(1).setCellValue(f[1]);
            }
            r++;
            int header = r;
            org.apache.poi.ss.usermodel.Row h = sheet.createRow(r++);
            int[] widths = new int[t.columns().size()];
            for (int c = 0; c < t.columns().size(); c++) {
                String text = texts.column(t.columns().get(c).key());
                Cell cell = h.createCell(c);
                cell.setCellValue(text);
                cell.setCellStyle(st.bold);
                widths[c] = text.length();
            }
            for (Row row : t.rows()) {
                org.apache.poi.ss.usermodel.Row x = sheet.createRow(r++);
                List<Object> values = labelled(t, row);
                for (int c = 0; c < t.columns().size(); c++) {
                    widths[c] = Math.max(widths[c], put(x.createCell(c), values.get(c), t.columns().get(c).type(), st));
                }
            }
            int lastData = r - 1;
            org.apache.poi.ss.usermodel.Row totals = sheet.createRow(r++);
            for (int c = 0; c < t.columns().size(); c++) {
                Column col = t.columns().get(c);
                Cell cell = totals.createCell(c);
                if (col.summable() && lastData > header) {
                    String letter = CellReference.convertNumToColString(c);
                    cell.setCellFormula("SUM(" + letter + (header + 2) + ":" + letter + (lastData + 1) + ")");
                    if (t.totals().values().get(c) instanceof Number sum) {
                        cell.setCellValue(sum.doubleValue()); // the formula's cached value, for readers that do not recalculate
                    }
                    cell.setCellStyle(st.total(col.type()));
                } else if (c == 0 && col.type() == ColumnType.TEXT) {
                    cell.setCellValue(texts.get("report.total"));
                    cell.setCellStyle(st.bold);
                } else {
                    put(cell, t.totals().values().get(c), col.type(), st);
                }
            }
            if (!t.summary().isEmpty()) {
                r++;
                sheet.createRow(r++).createCell(0).setCellValue(texts.get("report.summary"));
                for (Map.Entry<String, Object> e : t.summary().entrySet()) {
                    org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(texts.summary(e.getKey()));
                    Object v = e.getValue();
                    put(row.createCell(1), v, ColumnType.ofSummary(e.getKey(), v), st);
                }
            }
            chart(sheet, t, header, lastData);
            sheet.createFreezePane(0, header + 1);
            sheet.setAutoFilter(new CellRangeAddress(header, Math.max(header, lastData), 0, t.columns().size() - 1));
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(60, Math.max(8, widths[c] + 2)) * 256);
            }
            wb.write(out);
        }
    }

    /**
     * A native Excel bar chart of the report's main figure (first money column, else first count)
     * by the first text column, over the sheet's own cells, for tables of at most 40 rows.
     */
    private void chart(XSSFSheet sheet, ReportTable t, int header, int lastData) {
        if (t.columns().get(0).type() != ColumnType.TEXT || lastData <= header || t.rows().size() > 40) {
            return;
        }
        if (FunnelCohortReport.NAME.equals(t.report())) {
            FunnelExportChart.draw(sheet, t, header, texts.title(t.report()), texts.column("reached"));
            return;
        }
        int figure = -1;
        for (ColumnType type : List.of(ColumnType.MONEY, ColumnType.COUNT)) {
            for (int c = 0; c < t.columns().size() && figure < 0; c++) {
                if (t.columns().get(c).type() == type) {
                    figure = c;
                }
            }
        }
        if (figure < 0) {
            return;
        }
        int cols = t.columns().size();
        org.apache.poi.xssf.usermodel.XSSFDrawing drawing = sheet.createDrawingPatriarch();
        org.apache.poi.xssf.usermodel.XSSFChart chart = drawing.createChart(
                drawing.createAnchor(0, 0, 0, 0, cols + 1, header, cols + 11, header + 22));
        chart.setTitleText(texts.title(t.report()));
        chart.setTitleOverlay(false);
        var categories = chart.createCategoryAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.LEFT);
        var values = chart.createValueAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.BOTTOM);
        values.setCrosses(org.apache.poi.xddf.usermodel.chart.AxisCrosses.AUTO_ZERO);
        var data = (org.apache.poi.xddf.usermodel.chart.XDDFBarChartData) chart.createData(
                org.apache.poi.xddf.usermodel.chart.ChartTypes.BAR, categories, values);
        data.setBarDirection(org.apache.poi.xddf.usermodel.chart.BarDirection.BAR);
        data.setVaryColors(false);
        var series = data.addSeries(
                org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromStringCellRange(sheet,
                        new CellRangeAddress(header + 1, lastData, 0, 0)),
                org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                        new CellRangeAddress(header + 1, lastData, figure, figure)));
        series.setTitle(texts.column(t.columns().get(figure).key()), null);
        chart.plot(data);
    }

    private static String safeSheetName(String title) {
        String s = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    /** Writes a typed cell and returns its approximate display width in characters. */
    private static int put(Cell cell, Object v, ColumnType type, Styles st) {
        if (v == null) {
            return 0;
        }
        switch (type) {
            case COUNT -> cell.setCellValue(((Number) v).doubleValue());
            case MONEY, NUMBER, RATIO -> cell.setCellValue(((BigDecimal) v).doubleValue());
            case DATE -> cell.setCellValue((LocalDate) v);
            default -> cell.setCellValue(v.toString());
        }
        CellStyle style = st.of(type);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return type == ColumnType.DATE ? 10 : v.toString().length() + (type == ColumnType.MONEY ? 3 : 0);
    }

    /** The workbook's cell styles, one per column type. */
    private static final class Styles {
        final CellStyle bold;
        private final Map<ColumnType, CellStyle> byType = new EnumMap<>(ColumnType.class);
        private final Map<ColumnType, CellStyle> totals = new EnumMap<>(ColumnType.class);

        Styles(XSSFWorkbook wb, String money) {
            Font font = wb.createFont();
            font.setBold(true);
            bold = wb.createCellStyle();
            bold.setFont(font);
            CreationHelper ch = wb.getCreationHelper();
            Map<ColumnType, String> formats = Map.of(ColumnType.COUNT, "#,##0", ColumnType.MONEY, money,
                    ColumnType.NUMBER, "#,##0.##", ColumnType.RATIO, "0.00%", ColumnType.DATE, "yyyy-mm-dd");
            formats.forEach((type, fmt) -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(ch.createDataFormat().getFormat(fmt));
                byType.put(type, s);
                CellStyle t = wb.createCellStyle();
                t.cloneStyleFrom(s);
                t.setFont(font);
                totals.put(type, t);
            });
        }

        CellStyle of(ColumnType type) {
            return byType.get(type);
        }

        CellStyle total(ColumnType type) {
            return totals.getOrDefault(type, bold);
        }
    }
}
