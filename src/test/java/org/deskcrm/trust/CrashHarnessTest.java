package org.deskcrm.trust;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of writing: a child JVM ({@link CrashWorkload}) imports call files, edits a
 * client card and moves its deal, or loads demo data into an H2 file database, and is killed with
 * SIGKILL at a random moment. After every kill the database is opened again (H2 recovers from its
 * log) and {@link IntegrityCheck} must find nothing: no orphan rows, no half-imported file, no lost
 * committed edit, stage history consistent with deals. Cycles: system property
 * {@code deskcrm.crash.cycles} (default 6, a fast run; the heavy run uses 50).
 */
class CrashHarnessTest {
    static final int CYCLES = Integer.getInteger("deskcrm.crash.cycles", 6);
    static final List<String> ORDER = List.of("import", "edit", "demo");

    @TempDir
    Path dir;

    @Test
    void killNineDuringImportEditingAndDemoLoadLeavesNoHalfWrittenRows() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("crash").toAbsolutePath();
        DatabaseConfig config = new DatabaseConfig(url, "sa", "");
        long clientId;
        long dealId;
        try (Database db = Database.open(config, 2)) {
            AppContext ctx = new AppContext(db, Clock.systemUTC());
            long admin = ctx.ensureReferenceData(Locale.ENGLISH);
            Client c = Client.draft(ClientKind.COMPANY, "Crash test client").withOwner(admin)
                    .withDetails(null, null, null, null, null, "0", List.of());
            clientId = ctx.clients().save(new ClientCard(c, List.of(), List.of()), admin).id();
            Pipeline sales = ctx.pipelines().findByCode("sales").orElseThrow();
            dealId = ctx.dealFeature().deals().create(Deal.draft("Crash test deal", clientId, admin, sales.id(),
                    sales.firstOpenStage().id(), BigDecimal.TEN), List.of(), admin).id();
            assertThat(IntegrityCheck.problems(db, clientId)).isEmpty();
        }
        Random random = new Random(20_260_310L);
        Set<String> committedFiles = new HashSet<>();
        long committedEdits = 0;
        int killedMidWrite = 0;
        long t0 = System.nanoTime();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            String workload = ORDER.get(cycle % ORDER.size());
            List<String> lines = runAndKill(workload, url, cycle, List.of(String.valueOf(clientId), String.valueOf(dealId)),
                    1 + random.nextInt(4), random.nextInt(400));
            killedMidWrite += lines.contains("FINISHED") ? 0 : 1;
            for (String line : lines) {
                if (line.startsWith("COMMITTED import ")) {
                    committedFiles.add(line.substring("COMMITTED import ".length()));
                } else if (line.startsWith("COMMITTED edit ")) {
                    committedEdits = Math.max(committedEdits, Long.parseLong(line.substring("COMMITTED edit ".length())));
                }
            }
            try (Database db = reopen(config)) {
                assertThat(IntegrityCheck.problems(db, clientId)).as("after cycle %d (%s)", cycle, workload).isEmpty();
                assertThat(MigrationsSchema.problems(db)).as("schema after cycle %d (%s)", cycle, workload).isEmpty();
                Map<String, Long> files;
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    files = IntegrityCheck.importedFiles(s);
                }
                assertThat(files.keySet()).as("every call file reported as imported is there").containsAll(committedFiles);
                long notes = IntegrityCheck.count(db, "SELECT CAST(notes AS BIGINT) FROM client WHERE id = " + clientId);
                assertThat(notes).as("no committed edit lost").isGreaterThanOrEqualTo(committedEdits);
            }
            System.out.printf(Locale.ROOT, "[trust] kill -9 cycle %d (%s) ok: %d files, %d edits committed so far, %d slow reopens%n",
                    cycle, workload, committedFiles.size(), committedEdits, slowReopens);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (Database db = Database.open(config, 2)) {
            System.out.printf(Locale.ROOT, "[trust] kill -9: %d cycles (%d killed mid-write), %d call files committed"
                            + " (%d calls), %d edits committed, %d clients / %d deals / %d calls in the end, %.1f s,"
                            + " 0 integrity problems%n", CYCLES, killedMidWrite, committedFiles.size(),
                    committedFiles.size() * (long) CrashWorkload.CALLS_PER_FILE, committedEdits,
                    IntegrityCheck.count(db, "SELECT COUNT(*) FROM client"), IntegrityCheck.count(db, "SELECT COUNT(*) FROM deal"),
                    IntegrityCheck.count(db, "SELECT COUNT(*) FROM phone_call"), seconds);
        }
    }

    int slowReopens;

    /**
     * Opens the database after a kill. H2 first waits to be sure the killed process's lock file is
     * stale; on a machine this busy that can outlast the pool's 15 s connection timeout, so a timed-out
     * open is retried (and counted).
     */
    Database reopen(DatabaseConfig config) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Database.open(config, 2);
            } catch (RuntimeException e) {
                if (attempt == 4) {
                    throw e;
                }
                slowReopens++;
            }
        }
    }

    /**
     * Starts the workload in a child JVM, waits until it has reported {@code writes} commits (or demo
     * progress steps), then {@code delayMs} more, and kills it: always while it is writing.
     */
    static List<String> runAndKill(String workload, String url, int cycle, List<String> extra, int writes,
                                           int delayMs)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashWorkload.class.getName(), workload, url,
                String.valueOf(cycle)));
        command.addAll(extra);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(writes);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("COMMITTED ") || line.startsWith("PROGRESS ") || line.equals("FINISHED")) {
                        started.countDown();
                    }
                    if (line.equals("FINISHED")) {
                        while (started.getCount() > 0) {
                            started.countDown();
                        }
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
        });
        reader.start();
        if (!started.await(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not write: " + lines);
        }
        Thread.sleep(delayMs);
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no H2 close
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        return new ArrayList<>(lines);
    }
}
