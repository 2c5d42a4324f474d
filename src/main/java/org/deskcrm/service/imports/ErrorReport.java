package org.deskcrm.service.imports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.CellIssue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The list of a rejected file's problems, for the person who fixes the file: row, column, reason.
 * Written as .xlsx when the name ends so, else as CSV (UTF-8 with BOM, semicolon: opens in Excel with
 * Cyrillic intact).
 */
public final class ErrorReport {
    private ErrorReport() {
    }

    /** Writes the report; {@code headers} are the three localized column titles, {@code reason} the text of an issue. */
    public static void write(Path file, List<CellIssue> issues, List<String> headers,
                             Function<CellIssue, String> reason) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                writeXlsx(file, issues, headers, reason);
            } else {
                writeCsv(file, issues, headers, reason);
            }
        } catch (IOException e) {
            throw new AppException("imports.error.report", e, file.toString());
        }
    }

    private static void writeCsv(Path file, List<CellIssue> issues, List<String> headers,
                                 Function<CellIssue, String> reason) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(line(headers));
            for (CellIssue i : issues) {
                w.write(line(List.of(String.valueOf(i.row()), i.column(), reason.apply(i))));
            }
        }
    }

    private static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            sb.append(i == 0 ? "" : ";");
            if (c.matches("(?s).*[;\"\\r\\n].*") || c.startsWith("=") || c.startsWith("+") || c.startsWith("-")
                    || c.startsWith("@")) {
                sb.append('"').append((c.matches("^[=+\\-@].*") ? "'" : "") + c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.append("\r\n").toString();
    }

    private static void writeXlsx(Path file, List<CellIssue> issues, List<String> headers,
                                  Function<CellIssue, String> reason) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("errors");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (CellIssue i : issues) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(i.row());
                row.createCell(1).setCellValue(i.column());
                row.createCell(2).setCellValue(reason.apply(i));
            }
            sheet.createFreezePane(0, 1);
            sheet.setColumnWidth(0, 8 * 256);
            sheet.setColumnWidth(1, 24 * 256);
            sheet.setColumnWidth(2, 80 * 256);
            wb.write(out);
        }
    }
}
