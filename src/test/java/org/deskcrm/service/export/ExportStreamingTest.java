package org.deskcrm.service.export;

import org.deskcrm.AppContext;
import org.deskcrm.bench.HeapAfterGc;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 000 generated rows streamed into .xlsx: the heap in use (after a GC) must not grow with the rows
 * written — a workbook kept in memory would need hundreds of megabytes here — and the file holds every
 * row and the totals. Progress arrives every 1 000 rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportStreamingTest {
    static final int ROWS = 200_000;
    AppContext ctx;
    long admin;
    @TempDir
    Path dir;

    @BeforeAll
    void open() {
        ctx = new AppContext(TestDatabases.h2());
        admin = ctx.ensureReferenceData(Locale.ENGLISH);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    void twoHundredThousandRowsInBoundedHeap() throws IOException {
        Path file = dir.resolve("big.xlsx");
        long growth = exportMeasuringHeap(file);
        assertThat(growth).as("heap growth from 20k to 199k rows").isLessThan(BOUND);

        String lastRows = sheetTail(file);
        int header = XlsxTableWriter.headerRowIndex(1);
        assertThat(rowCount(file)).isEqualTo(header + ROWS + 1); // title, filter, header, rows, totals (the blank line has no row)
        assertThat(lastRows).contains("SUM(D" + (header + 2) + ":D" + (header + 1 + ROWS) + ")");
        assertThat(lastRows).contains("Client " + ROWS + " LLC");
    }

    static final long BOUND = 24L << 20;

    /** Exports the rows into {@code file}; returns the heap (after GC) at 199k rows minus at 20k rows. */
    private long exportMeasuringHeap(Path file) {
        List<Long> used = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        Progress p = (step, done, total) -> {
            reported.add(done);
            if (done == 20_000 || done == 100_000 || done == ROWS - 1_000) {
                used.add(HeapAfterGc.used());
            }
        };
        ExportResult r = ctx.exports().export(GeneratedRows.list(ROWS, Locale.ENGLISH), file, admin, p);
        assertThat(r.rows()).isEqualTo(ROWS);
        assertThat(reported).contains(0L, 1_000L, (long) ROWS);
        assertThat(used).hasSize(3);
        System.out.printf("streaming export: %d rows in %.1f s, heap after GC at 20k/100k/199k rows: %d / %d / %d MB%n",
                ROWS, r.seconds(), used.get(0) >> 20, used.get(1) >> 20, used.get(2) >> 20);
        return used.get(2) - used.get(0);
    }

    /** Counts the {@code <row} elements of the sheet without loading it. */
    private static int rowCount(Path xlsx) throws IOException {
        int count = 0;
        byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
        try (ZipFile zf = new ZipFile(xlsx.toFile());
             InputStream in = new java.io.BufferedInputStream(zf.getInputStream(zf.getEntry("xl/worksheets/sheet1.xml")))) {
            int matched = 0;
            for (int b; (b = in.read()) != -1; ) {
                matched = b == pattern[matched] ? matched + 1 : (b == pattern[0] ? 1 : 0);
                if (matched == pattern.length) {
                    count++;
                    matched = 0;
                }
            }
        }
        return count;
    }

    /** The last 4 000 characters of the sheet XML. */
    private static String sheetTail(Path xlsx) throws IOException {
        try (ZipFile zf = new ZipFile(xlsx.toFile());
             InputStream zip = zf.getInputStream(zf.getEntry("xl/worksheets/sheet1.xml"))) {
            return tail(zip, 4_000);
        }
    }

    private static String tail(InputStream in, int n) throws IOException {
        byte[] ring = new byte[n];
        long total = 0;
        byte[] buf = new byte[65_536];
        for (int r; (r = in.read(buf)) != -1; ) {
            for (int i = 0; i < r; i++) {
                ring[(int) (total++ % n)] = buf[i];
            }
        }
        int len = (int) Math.min(n, total);
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = ring[(int) ((total - len + i) % n)];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
