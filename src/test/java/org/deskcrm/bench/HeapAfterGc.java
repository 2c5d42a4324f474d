package org.deskcrm.bench;

import com.sun.management.GcInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The heap in use right after a full collection that really ran, for the tests and benchmarks that bound
 * memory. {@code System.gc()} followed by a read of the heap is not enough: while another thread is inside a
 * JNI critical region (an export's gzip thread in the deflater, say) G1 skips an explicit full collection
 * without a word, and the read then holds every young object since the last one (ExportStreamingTest showed
 * +30 to +470 MB at random measurements that way). So this asks until the full collector's count moves and
 * reads the pools' usage recorded by that collection itself, which later allocations cannot change.
 */
public final class HeapAfterGc {
    private static final int TRIES = 200;

    private HeapAfterGc() {
    }

    /** Bytes of heap in use after a full collection started by this call. */
    public static long used() {
        GarbageCollectorMXBean full = fullCollector();
        long before = full.getCollectionCount();
        for (int i = 0; full.getCollectionCount() == before; i++) {
            if (i == TRIES) {
                throw new IllegalStateException("no full collection ran after " + TRIES + " requests");
            }
            System.gc();
            if (full.getCollectionCount() == before) {
                pause();
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
                .findFirst().orElseThrow(() -> new IllegalStateException("no full collector among "
                        + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList()));
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a full collection", e);
        }
    }
}
