package org.deskcrm.service.imports;

import org.deskcrm.AppContext;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of a client import on in-memory H2: 50 000 clients with INN, phone and email (150 000
 * rows written: clients and their channels) from a CSV file, timed from bytes to commit. The figure
 * is printed; the assertion is a loose floor so a slow shared machine does not fail the build.
 */
class ImportSpeedTest {
    static final int ROWS = 50_000;

    @Test
    void fiftyThousandClients() {
        StringBuilder sb = new StringBuilder("name;inn;phone;email;region\n");
        for (int i = 0; i < ROWS; i++) {
            sb.append("Speed client ").append(i).append(';').append(ImportContract.inn(i)).append(";+7 902 ")
                    .append(String.format("%07d", i)).append(";mail").append(i).append("@speed.ru;Region ")
                    .append(i % 80).append('\n');
        }
        byte[] file = sb.toString().getBytes(StandardCharsets.UTF_8);
        try (AppContext ctx = new AppContext(TestDatabases.h2())) {
            long admin = ctx.ensureReferenceData(Locale.ENGLISH);
            ImportService imports = ctx.imports().service();
            // warm-up on a small file (class loading, JIT of the parser) is part of any real session
            imports.run("name\nWarm up\n".getBytes(StandardCharsets.UTF_8), "w.csv", ImportTarget.CLIENTS,
                    ImportSettings.defaults(), false, admin, Progress.NONE);
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ImportResult r = imports.run(file, "speed.csv", ImportTarget.CLIENTS, ImportSettings.defaults(), false,
                    admin, Progress.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            double perSecond = ROWS / seconds;
            System.out.printf(Locale.ROOT, "IMPORT SPEED: %d clients (+%d channels) in %.2f s wall = %.0f clients/s;"
                            + " %.2f s CPU of the importing thread = %.0f clients per CPU-second; load %.1f%n",
                    ROWS, 2 * ROWS, seconds, perSecond, cpuSeconds, ROWS / cpuSeconds,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            assertThat(r.created()).isEqualTo(ROWS);
            assertThat(new ImportLookupRepository(ctx.database()).count("channel")).isEqualTo(2L * ROWS);
            assertThat(ROWS / cpuSeconds).isGreaterThan(2_000);
        }
    }
}
