package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.demo.DemoSize;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Developer measurement (not a test, not in the suite): {@link ReportProbe} over an embedded PostgreSQL 17 whose data
 * folder is kept under WORK/pg-medium (copy the folder to compare builds on the same company), filled with the medium
 * demo company (100 000 deals, this clock) when it has no deals. Args: WORK N REPORT...
 */
public final class PostgresReportProbe {
    private PostgresReportProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchDatabase where = BenchDatabase.open("postgresql", "medium", Path.of(args[0]), null, null)) {
            try (AppContext ctx = new AppContext(Database.open(where.config()), Clock.systemUTC())) {
                ctx.referenceData().ensureDefaults(Locale.ENGLISH);
                if (ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.DEAL) == 0) {
                    long t0 = System.nanoTime();
                    ctx.demoData().generate(DemoSize.MEDIUM, Locale.ENGLISH, 20_260_101L, (s, d, t) -> { });
                    System.out.printf("generated the medium company in %.0f s%n", (System.nanoTime() - t0) / 1e9);
                }
            }
            System.setProperty("probe.user", where.config().user());
            System.setProperty("probe.password", where.config().password());
            String[] probe = new String[args.length];
            probe[0] = where.config().url();
            System.arraycopy(args, 1, probe, 1, args.length - 1);
            ReportProbe.main(Arrays.copyOf(probe, probe.length));
        }
    }
}
