package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

/**
 * A clients file (name, INN, phone, e-mail per row) imported on a fresh embedded PostgreSQL as the schema's
 * owner, ROUNDS times into the same growing table: rows/s of the whole import (read, plan, duplicate checks,
 * write). {@code java -cp <test class path> org.deskcrm.bench.PostgresClientImportBenchmark [ROWS] [ROUNDS]}
 */
public final class PostgresClientImportBenchmark {
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (AppContext ctx = new AppContext(Database.open(TestDatabases.postgresConfig(), 4), Clock.systemUTC())) {
            ctx.ensureReferenceData(Locale.ENGLISH);
            for (int round = 0; round < rounds; round++) {
                StringBuilder csv = new StringBuilder("name;inn;phone;email\n");
                for (int i = 0; i < rows; i++) {
                    int n = round * rows + i;
                    csv.append("Client ").append(n).append(" Ltd;").append(inn(n)).append(";+7 495 ")
                            .append(String.format(Locale.ROOT, "%03d-%02d-%02d", n / 10_000 % 1000, n / 100 % 100, n % 100))
                            .append(";office").append(n).append("@example.com\n");
                }
                byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                var r = ctx.imports().service().run(file, "clients.csv", ImportTarget.CLIENTS, ImportSettings.defaults(),
                        false, null, Progress.NONE);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "round %d: %,d clients created in %.2f s: %,.0f rows/s%n", round,
                        r.created(), s, r.created() / s);
                if (Boolean.getBoolean("bench.analyze")) {
                    ctx.database().dsl().execute("ANALYZE");
                }
            }
        }
    }

    /** A valid ten-digit INN (a company's), distinct for each n. */
    private static String inn(int n) {
        String base = String.format(Locale.ROOT, "%09d", 100_000_000 + n);
        int[] w = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += w[i] * (base.charAt(i) - '0');
        }
        return base + (sum % 11 % 10);
    }
}
