package org.deskcrm.service.imports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportTable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one sheet of a legacy .xls workbook (at most 65 536 rows) whole through POI's user model, with the
 * cell rules of {@link SheetRows}: numbers in plain notation, date-formatted numbers as ISO dates (or
 * date-times when they carry a time), booleans as true/false, a formula marked and never imported.
 */
final class LegacyWorkbook {
    private LegacyWorkbook() {
    }

    static ImportTable read(byte[] bytes, String sheetName, int maxRows) {
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) { // POI reports a damaged package with many runtime types
            throw new AppException("imports.error.xlsx", e);
        }
        try (wb) {
            return read(sheet(wb, sheetName), maxRows);
        } catch (IOException e) {
            throw new AppException("imports.error.xlsx", e);
        } catch (AppException e) {
            throw e;
        } catch (RuntimeException e) { // a cell POI cannot decode
            throw new AppException("imports.error.xlsx", e);
        }
    }

    private static Sheet sheet(Workbook wb, String name) {
        if (wb.getNumberOfSheets() == 0) {
            throw new AppException("imports.error.empty");
        }
        if (name == null || name.isBlank()) {
            return wb.getSheetAt(0);
        }
        Sheet s = wb.getSheet(name.strip());
        if (s == null) {
            List<String> names = new ArrayList<>();
            wb.forEach(sh -> names.add(sh.getSheetName()));
            throw new AppException("imports.error.sheet", name.strip(), String.join(", ", names));
        }
        return s;
    }

    private static ImportTable read(Sheet sheet, int maxRows) {
        if (sheet.getLastRowNum() - sheet.getFirstRowNum() > maxRows) {
            throw new AppException("imports.error.tooManyRows", maxRows);
        }
        List<String> headers = null;
        List<ImportRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            Set<Integer> formulas = new HashSet<>();
            boolean any = false;
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                Cell cell = row.getCell(c);
                String text = text(cell);
                if (cell != null && (cell.getCellType() == CellType.FORMULA || cell.getCellType() == CellType.ERROR)) {
                    formulas.add(c);
                    any = true;
                }
                cells.add(text);
                any |= !text.isBlank();
            }
            if (!any) {
                continue;
            }
            if (headers == null) {
                headers = Tables.headers(cells);
            } else {
                rows.add(new ImportRow(row.getRowNum() + 1, cells, formulas));
            }
        }
        if (headers == null) {
            throw new AppException("imports.error.empty");
        }
        return new ImportTable(headers, rows);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> number(cell);
            case FORMULA -> "=" + cell.getCellFormula();
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    private static String number(Cell cell) {
        double v = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(v)) {
            LocalDateTime t = cell.getLocalDateTimeCellValue();
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
