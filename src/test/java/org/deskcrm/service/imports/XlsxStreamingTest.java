package org.deskcrm.service.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.deskcrm.bench.HeapAfterGc;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTable;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A big workbook is read streaming, in bounded memory, with progress and Cancel: 200 000 rows in the default
 * run; a million rows with {@code -Ddeskcrm.xlsx.rows=1000000} (printing the figures). The heap in use is
 * measured after a full GC every 10 000 rows while reading, and must stay within the bound.
 */
class XlsxStreamingTest {
    static final String[] OWNERS = {"Anna Petrova", "Boris Ivanov", "Carl Smith", "Dora Lee", "Emil Novak"};
    static final String[] STAGES = {"New", "Proposal sent", "Negotiation", "Won", "Lost"};
    @TempDir
    Path dir;

    /** Deal-like rows: title, owner, stage, amount, created date, created date-time, active flag. */
    static Path workbook(Path file, int rows) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            Sheet s = wb.createSheet("Deals");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row h = s.createRow(0);
            String[] headers = {"title", "owner", "stage", "amount", "createdOn", "createdAt", "active"};
            for (int c = 0; c < headers.length; c++) {
                h.createCell(c).setCellValue(headers[c]);
            }
            LocalDate day = LocalDate.of(2024, 1, 1);
            for (int i = 1; i <= rows; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("Deal " + i);
                r.createCell(1).setCellValue(OWNERS[i % OWNERS.length]);
                r.createCell(2).setCellValue(STAGES[i % STAGES.length]);
                r.createCell(3).setCellValue(1000 + i * 0.25);
                r.createCell(4).setCellValue(day.plusDays(i % 700));
                r.getCell(4).setCellStyle(date);
                r.createCell(5).setCellValue(day.plusDays(i % 700).atTime(9, 30));
                r.getCell(5).setCellStyle(dateTime);
                r.createCell(6).setCellValue(i % 2 == 0);
            }
            wb.write(out);
            wb.dispose();
        }
        return file;
    }

    @Test
    void aBigWorkbookIsReadInBoundedMemoryWithTheSameCellTexts() throws Exception {
        int rows = Integer.getInteger("deskcrm.xlsx.rows", 200_000);
        Path file = workbook(dir.resolve("big.xlsx"), rows);
        byte[] bytes = Files.readAllBytes(file);
        long before = HeapAfterGc.used();
        AtomicLong peak = new AtomicLong();
        AtomicLong reports = new AtomicLong();
        long started = System.nanoTime();
        ImportTable t = new SourceReader().read(bytes, "big.xlsx", ImportSettings.defaults(), new Progress() {
            @Override
            public void update(String stepKey, long done, long total) {
                reports.incrementAndGet();
                if (done % 50_000 == 0) {
                    peak.accumulateAndGet(HeapAfterGc.used(), Math::max);
                }
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        long after = HeapAfterGc.used();
        long peakMb = (Math.max(peak.get(), after)) / (1024 * 1024);
        System.out.printf("xlsx streaming: %d rows, %d KB file, %d ms, heap used after GC: before %d MB, peak %d MB,"
                        + " holding the table %d MB%n", rows, bytes.length / 1024, millis, before / (1024 * 1024), peakMb,
                (after - before) / (1024 * 1024));

        assertThat(t.headers()).containsExactly("title", "owner", "stage", "amount", "createdOn", "createdAt", "active");
        assertThat(t.rows()).hasSize(rows);
        assertThat(reports.get()).isGreaterThanOrEqualTo(rows / SheetRows.STEP);
        ImportRow r = t.rows().get(6);
        assertThat(r.number()).isEqualTo(8);
        assertThat(r.cells()).containsExactly("Deal 7", "Carl Smith", "Negotiation", "1001.75", "2024-01-08",
                "2024-01-08T09:30", "false");
        assertThat(t.rows().get(rows - 1).cell(3)).isEqualTo(new java.math.BigDecimal(1000 + rows * 0.25)
                .stripTrailingZeros().toPlainString());
        // the rows' texts and a compact table: bounded however POI would model the cells
        // what the import adds to the heap (the file's bytes are already in "before"): within 300 MB for a
        // million rows, and proportionally less for fewer
        long limit = Math.max(60, 300L * rows / 1_000_000);
        assertThat(peakMb - before / (1024 * 1024)).as("peak heap after GC above the start, MB").isLessThanOrEqualTo(limit);
    }

    @Test
    void cancelStopsTheReadingAndSaysSo() throws Exception {
        byte[] bytes = Files.readAllBytes(workbook(dir.resolve("c.xlsx"), 25_000));
        assertThatThrownBy(() -> new SourceReader().read(bytes, "c.xlsx", ImportSettings.defaults(), new Progress() {
            @Override
            public void update(String stepKey, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        })).isInstanceOf(AppException.class).extracting(e -> ((AppException) e).messageKey()).isEqualTo("imports.cancelled");
        assertThatThrownBy(() -> new SourceReader(10_000).read(bytes, "c.xlsx", ImportSettings.defaults()))
                .isInstanceOf(AppException.class).extracting(e -> ((AppException) e).messageKey())
                .isEqualTo("imports.error.tooManyRows");
    }
}
