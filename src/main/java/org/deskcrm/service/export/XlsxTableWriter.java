package org.deskcrm.service.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.deskcrm.model.common.AppException;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A streaming .xlsx table (POI SXSSF: only the last {@value #WINDOW} rows are in memory, the rest are
 * flushed to a temporary file gzipped at the fastest level ({@link FastTempWorkbook}); strings are
 * written inline, not into a shared table that would grow with the list). Layout: the title, the filters as bold label + value lines, an empty line,
 * the bold frozen header with an autofilter, the rows as real numbers and dates with formats, and a
 * totals row whose sums are live {@code SUM} formulas (with their value cached, so viewers that do not
 * recalculate show it too). Column widths follow the longest value seen in the first
 * {@value #WIDTH_SAMPLE} rows.
 */
final class XlsxTableWriter implements TableWriter {
    static final int WINDOW = 100;
    static final int WIDTH_SAMPLE = 2_000;
    /** Excel's last row index is 1 048 575; one row is kept for the totals. */
    static final int MAX_ROW_INDEX = 1_048_574;
    private static final int MAX_CELL_TEXT = 32_767;

    private final Path file;
    private final SXSSFWorkbook wb;
    private final SXSSFSheet sheet;
    private final boolean russian;
    private List<? extends ExportColumn<?>> columns;
    private CellStyle[] styles;
    private CellStyle bold;
    private CellStyle headerStyle;
    private CellStyle[] totalStyles;
    private int[] widths;
    private BigDecimal[] sums;
    private int headerRow;
    private int next;
    private long rows;

    XlsxTableWriter(Path file, Locale locale, String sheetName) {
        this.file = file;
        this.russian = "ru".equals(locale.getLanguage());
        this.wb = new FastTempWorkbook(WINDOW);
        this.sheet = wb.createSheet(safeSheetName(sheetName));
    }

    /** The row index of the header for a table with this many filter lines (title, filters, blank line). */
    static int headerRowIndex(int filterLines) {
        return filterLines + 2;
    }

    @Override
    public void start(String title, List<String[]> filters, List<? extends ExportColumn<?>> cols) {
        this.columns = cols;
        createStyles();
        Row t = sheet.createRow(0);
        Cell tc = t.createCell(0);
        tc.setCellValue(title);
        tc.setCellStyle(bold);
        int r = 1;
        for (String[] f : filters) {
            Row row = sheet.createRow(r++);
            Cell label = row.createCell(0);
            label.setCellValue(f[0]);
            label.setCellStyle(bold);
            row.createCell(1).setCellValue(text(f[1]));
        }
        headerRow = headerRowIndex(filters.size());
        Row h = sheet.createRow(headerRow);
        widths = new int[cols.size()];
        sums = new BigDecimal[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            Cell cell = h.createCell(c);
            cell.setCellValue(cols.get(c).header());
            cell.setCellStyle(headerStyle);
            widths[c] = cols.get(c).header().length() + 3; // room for the autofilter arrow
            if (cols.get(c).total()) {
                sums[c] = BigDecimal.ZERO;
            }
        }
        next = headerRow + 1;
    }

    @Override
    public void row(Object[] values) {
        if (next > MAX_ROW_INDEX) {
            throw new AppException("export.error.tooManyRows", MAX_ROW_INDEX - headerRow);
        }
        Row row = sheet.createRow(next++);
        boolean sample = rows++ < WIDTH_SAMPLE;
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            ExportColumn<?> col = columns.get(c);
            Cell cell = row.createCell(c);
            int width = put(cell, v, col.kind(), styles[c]);
            if (sample && width > widths[c]) {
                widths[c] = width;
            }
            if (sums[c] != null && v instanceof Number n) {
                sums[c] = sums[c].add(n instanceof BigDecimal b ? b : new BigDecimal(n.toString()));
            }
        }
    }

    /** Writes a typed cell and returns its approximate display width in characters. */
    private int put(Cell cell, Object v, ColumnKind kind, CellStyle style) {
        if (kind.numeric() && v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(style);
            return Math.min(20, n.toString().length() + (kind == ColumnKind.INTEGER ? 2 : 5));
        }
        if (kind == ColumnKind.DATE && v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(style);
            return 11;
        }
        if (kind == ColumnKind.DATETIME && v instanceof LocalDateTime d) {
            cell.setCellValue(d);
            cell.setCellStyle(style);
            return 17;
        }
        String s = text(v.toString());
        cell.setCellValue(s);
        return s.length();
    }

    @Override
    public void finish() throws IOException {
        int lastData = next - 1;
        boolean any = java.util.Arrays.stream(sums).anyMatch(java.util.Objects::nonNull);
        Row totals = any ? sheet.createRow(next) : null;
        for (int c = 0; c < columns.size() && any; c++) {
            if (sums[c] == null) {
                continue;
            }
            Cell cell = totals.createCell(c);
            String letter = CellReference.convertNumToColString(c);
            if (lastData > headerRow) {
                cell.setCellFormula("SUM(" + letter + (headerRow + 2) + ":" + letter + (lastData + 1) + ")");
            } else {
                cell.setCellFormula("0");
            }
            cell.setCellValue(sums[c].doubleValue()); // the cached result of the formula
            cell.setCellStyle(totalStyles[c]);
        }
        if (any && sums[0] == null) {
            Cell label = totals.createCell(0);
            label.setCellValue(russian ? "Итого" : "Total");
            label.setCellStyle(bold);
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, lastData), 0, columns.size() - 1));
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(60, Math.max(8, widths[c] + 2)) * 256);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    @Override
    public void close() throws IOException {
        wb.dispose(); // the temporary files of the flushed rows
        wb.close();
    }

    private void createStyles() {
        Font font = wb.createFont();
        font.setBold(true);
        bold = wb.createCellStyle();
        bold.setFont(font);
        headerStyle = wb.createCellStyle();
        headerStyle.setFont(font);
        headerStyle.setBorderBottom(BorderStyle.THIN);
        DataFormat df = wb.createDataFormat();
        styles = new CellStyle[columns.size()];
        totalStyles = new CellStyle[columns.size()];
        java.util.Map<ColumnKind, CellStyle> byKind = new java.util.EnumMap<>(ColumnKind.class);
        java.util.Map<ColumnKind, CellStyle> totalByKind = new java.util.EnumMap<>(ColumnKind.class);
        for (int c = 0; c < columns.size(); c++) {
            ColumnKind kind = columns.get(c).kind();
            String format = format(kind);
            if (format == null) {
                continue;
            }
            styles[c] = byKind.computeIfAbsent(kind, k -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(df.getFormat(format));
                return s;
            });
            totalStyles[c] = totalByKind.computeIfAbsent(kind, k -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(df.getFormat(format));
                s.setFont(font);
                s.setBorderTop(BorderStyle.THIN);
                return s;
            });
        }
    }

    private String format(ColumnKind kind) {
        return switch (kind) {
            case INTEGER -> "#,##0";
            case MONEY, DECIMAL -> "#,##0.00";
            case PERCENT -> "0.0%";
            case DATE -> russian ? "dd.mm.yyyy" : "yyyy-mm-dd";
            case DATETIME -> russian ? "dd.mm.yyyy hh:mm" : "yyyy-mm-dd hh:mm";
            case TEXT -> null;
        };
    }

    private static String text(String s) {
        return s == null || s.length() <= MAX_CELL_TEXT ? s : s.substring(0, MAX_CELL_TEXT - 1) + "…";
    }

    static String safeSheetName(String title) {
        String s = title == null || title.isBlank() ? "Export" : title.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
