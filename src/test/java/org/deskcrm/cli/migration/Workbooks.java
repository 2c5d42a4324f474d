package org.deskcrm.cli.migration;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A sample CSV saved as the .xlsx a system exports (every cell as text, as such exports write them). */
final class Workbooks {
    private Workbooks() {
    }

    static void fromCsv(Path csv, char delimiter, Path xlsx) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet("Export");
            for (int r = 0; r < lines.size(); r++) {
                String line = lines.get(r).replace("\uFEFF", "");
                Row row = sheet.createRow(r);
                String[] cells = line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
                for (int c = 0; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            wb.write(out);
        }
    }
}
