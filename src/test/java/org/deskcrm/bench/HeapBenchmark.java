package org.deskcrm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Heap of the benchmark JVM after all the service-level work (every report, list, card, search, the
 * exports): used after a full GC, and the peak of the heap pools (garbage included). The heap of the
 * window itself is measured by {@link StartupBenchmark} in its own JVM.
 */
final class HeapBenchmark implements Benchmark {
    static final long TARGET_MB = 300;

    @Override
    public String name() {
        return "heap";
    }

    @Override
    public void run(BenchEnv env, Results results) {
        long used = HeapAfterGc.used();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        results.add("heap", "services JVM, used after GC", used / (1 << 20) + " MB", "≤ 300 MB",
                used / (1 << 20) <= TARGET_MB, "peak of heap pools " + peak / (1 << 20) + " MB (garbage included)");
    }
}
