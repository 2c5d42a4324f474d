package org.deskcrm.service.export;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.sun.management.GcInfo;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
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

    /**
     * The heap in use right after a full collection that really ran. {@code System.gc()} alone is not enough:
     * while the export's gzip thread is inside the deflater (a JNI critical region) G1 skips an explicit full
     * collection without a word, and the heap read then holds every young object since the last one (it showed
     * +30 to +470 MB at random measurements). So this asks until the full collector's count moves, and reads
     * the pools' usage recorded by that collection itself, which later allocations cannot change.
     */
    static long usedAfterGc() {
        GarbageCollectorMXBean full = fullCollector();
        long before = full.getCollectionCount();
        for (int i = 0; full.getCollectionCount() == before; i++) {
            assertThat(i).as("a full collection ran after 200 requests").isLessThan(200);
            System.gc();
            if (full.getCollectionCount() == before) {
                sleep();
            }
        }
        GcInfo last = ((com.sun.management.GarbageCollectorMXBean) full).getLastGcInfo();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getType() == MemoryType.HEAP ? last.getMemoryUsageAfterGc().get(pool.getName()) : null;
            used += after == null ? 0 : after.getUsed();
        }
        return used;
    }

    /** The collector that runs {@code System.gc()}'s full collections (G1's old generation, Serial's, Parallel's). */
    private static GarbageCollectorMXBean fullCollector() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(b -> b.getName().contains("Old") || b.getName().contains("MarkSweep"))
                .findFirst().orElseThrow(() -> new AssertionError("no full collector among "
                        + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList()));
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
                used.add(usedAfterGc());
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
