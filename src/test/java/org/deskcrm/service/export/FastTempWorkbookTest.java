package org.deskcrm.service.export;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast-gzip temporary file changes how flushed rows are parked, never what lands in the .xlsx: a sheet
 * of 20 000 rows (flushed 100 at a time, with text that needs escaping, numbers and dates) comes out byte
 * for byte as POI's own SXSSF workbook writes it, and the workbook still says its temporary files are
 * compressed.
 */
class FastTempWorkbookTest {
    @TempDir
    Path dir;

    @Test
    void sheetIsByteForByteWhatPlainSxssfWrites() throws IOException {
        Path fast = dir.resolve("fast.xlsx");
        Path plain = dir.resolve("plain.xlsx");
        try (FastTempWorkbook wb = new FastTempWorkbook(100)) {
            assertThat(wb.isCompressTempFiles()).isTrue();
            fill(wb, fast);
            wb.dispose();
        }
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, false, false)) {
            fill(wb, plain);
            wb.dispose();
        }
        byte[] ours = sheetXml(fast);
        assertThat(ours.length).isGreaterThan(20_000 * 50);
        assertThat(ours).isEqualTo(sheetXml(plain));
    }

    private static void fill(SXSSFWorkbook wb, Path file) throws IOException {
        Sheet sheet = wb.createSheet("rows");
        for (int i = 0; i < 20_000; i++) {
            Row r = sheet.createRow(i);
            r.createCell(0).setCellValue(i);
            r.createCell(1).setCellValue("Deal <" + i + "> & \"Ромашка\" " + "x".repeat(i % 40));
            r.createCell(2).setCellValue(i * 1.25);
            r.createCell(3).setCellValue(LocalDate.of(2026, 1, 1).plusDays(i % 365));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    private static byte[] sheetXml(Path xlsx) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            return in.readAllBytes();
        }
    }
}
