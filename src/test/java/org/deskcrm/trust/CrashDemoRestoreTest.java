package org.deskcrm.trust;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 during the demo load into an empty database (the path that drops indexes and keys and
 * rebuilds them) and during a restore. After every kill the database is opened again (the start-up
 * check undoes the killed load and repairs the schema) and must have exactly the indexes and
 * constraints the migrations define ({@link MigrationsSchema}), every identity ahead of its highest
 * id, no orphan rows, and either none of the demo data or all of it; a restore leaves either the old
 * contents or the backup's. Cycles: {@code deskcrm.crash.cycles} (default 4; the heavy run uses 50).
 */
class CrashDemoRestoreTest {
    static final int CYCLES = Integer.getInteger("deskcrm.crash.cycles", 4);

    @TempDir
    Path dir;

    @Test
    void killNineDuringDemoIntoAnEmptyDatabaseOrARestoreLeavesAllOrNothingAndTheWholeSchema() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("crash").toAbsolutePath();
        DatabaseConfig config = new DatabaseConfig(url, "sa", "");
        Path empty = dir.resolve("empty.zip");
        Path full = dir.resolve("full.zip");
        long users;
        try (Database db = Database.open(config, 2)) {
            AppContext ctx = new AppContext(db, Clock.systemUTC());
            ctx.ensureReferenceData(Locale.ENGLISH);
            ctx.backup().backup(empty, Progress.NONE);
            users = IntegrityCheck.count(db, "SELECT COUNT(*) FROM app_user");
            ctx.demoData().generate(DemoSize.SMALL, Locale.ENGLISH, 1, Progress.NONE);
            ctx.backup().backup(full, Progress.NONE);
            ctx.backup().restore(empty, true, Progress.NONE);
        }
        CrashHarnessTest harness = new CrashHarnessTest();
        Random random = new Random(20_261_206L);
        int killed = 0;
        int undone = 0;
        int repaired = 0;
        long t0 = System.nanoTime();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            boolean demo = cycle % 2 == 0;
            long clientsBefore;
            try (Database db = harness.reopen(config)) {
                if (demo && IntegrityCheck.count(db, "SELECT COUNT(*) FROM client") > 0) {
                    new AppContext(db, Clock.systemUTC()).backup().restore(empty, true, Progress.NONE);
                }
                clientsBefore = IntegrityCheck.count(db, "SELECT COUNT(*) FROM client");
            }
            List<String> lines = CrashHarnessTest.runAndKill(demo ? "demo-empty" : "restore", url, cycle,
                    demo ? List.of() : List.of(full.toString()), 1 + random.nextInt(demo ? 5 : 8), random.nextInt(300));
            boolean finished = lines.contains("FINISHED");
            killed += finished ? 0 : 1;
            try (Database db = harness.reopen(config)) {
                undone += db.schemaReport().loadsUndone().size();
                repaired += db.schemaReport().missing().size();
                String when = "after cycle " + cycle + (demo ? " (demo)" : " (restore)") + (finished ? ", finished" : ", killed");
                assertThat(MigrationsSchema.problems(db)).as("schema " + when).isEmpty();
                assertThat(IntegrityCheck.problems(db, 0)).as(when).isEmpty();
                assertThat(IntegrityCheck.count(db, "SELECT COUNT(*) FROM bulk_load")).as("journal " + when).isZero();
                long clients = IntegrityCheck.count(db, "SELECT COUNT(*) FROM client");
                long deals = IntegrityCheck.count(db, "SELECT COUNT(*) FROM deal");
                long calls = IntegrityCheck.count(db, "SELECT COUNT(*) FROM phone_call");
                if (demo) {
                    if (clients == 0) {
                        assertThat(deals + calls).as("nothing of the demo " + when).isZero();
                        assertThat(IntegrityCheck.count(db, "SELECT COUNT(*) FROM app_user")).as("users " + when)
                                .isEqualTo(users);
                    } else {
                        assertThat(List.of(clients, deals, calls)).as("all of the demo " + when)
                                .containsExactly((long) DemoSize.SMALL.clients(), (long) DemoSize.SMALL.deals(),
                                        (long) DemoSize.SMALL.calls());
                    }
                } else {
                    assertThat(clients).as("old contents or the backup's " + when)
                            .isIn(clientsBefore, (long) DemoSize.SMALL.clients());
                }
            }
            System.out.printf(Locale.ROOT, "[trust] kill -9 cycle %d (%s) ok%n", cycle, demo ? "demo" : "restore");
        }
        System.out.printf(Locale.ROOT, "[trust] kill -9 demo/restore: %d cycles (%d killed mid-write), %d killed loads"
                        + " undone, %d indexes/constraints rebuilt at the next start, %.1f s, 0 schema or integrity problems%n",
                CYCLES, killed, undone, repaired, (System.nanoTime() - t0) / 1e9);
    }
}
