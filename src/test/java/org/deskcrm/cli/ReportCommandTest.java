package org.deskcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code report} command end to end through {@link Cli}, on a fresh in-memory database. */
class ReportCommandTest {
    private static final AtomicInteger N = new AtomicInteger();
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    String db() {
        // a file: H2 2.4 breaks check constraints of an in-memory database kept open (DB_CLOSE_DELAY=-1) once the
        // session that created them closes ("Check constraint invalid"), and a report export writes an audit event
        return "jdbc:h2:file:" + dir.resolve("cli" + N.incrementAndGet()).toAbsolutePath();
    }

    @Test
    void writesCsvAndXlsxAndListsReports() throws Exception {
        String db = db();
        assertThat(run("demo", "--db", db)).isZero(); // reference data: pipelines, sources
        Path csv = dir.resolve("funnel.csv");
        assertThat(run("report", "funnel", "--db", db, "--from", "2026-03-01", "--to", "2026-03-31",
                "--pipeline", "sales", "--out", csv.toString())).as(err.toString()).isZero();
        List<String> all = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> lines = all.subList(0, all.indexOf("Summary")); // the summary figures follow the table
        assertThat(lines).hasSize(8); // header, six stages, totals
        assertThat(lines.get(lines.size() - 1)).startsWith("Total,");
        assertThat(all.subList(lines.size(), all.size())).anyMatch(l -> l.startsWith("Win rate,"));
        Path xlsx = dir.resolve("rating.xlsx");
        assertThat(run("report", "manager-rating", "--db", db, "--from", "2026-03-01", "--to", "2026-03-31",
                "--out", xlsx.toString())).isZero();
        assertThat(Files.size(xlsx)).isGreaterThan(1000);
        assertThat(run("report", "--db", db)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("plan-fact", "receivables", "funnel-snapshot");
    }

    @Test
    void badInputIsAUsageErrorWithALocalizedMessage() {
        String db = db();
        assertThat(run("report", "funnel", "--db", db, "--from", "2026-03-31", "--to", "2026-03-01",
                "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ends (2026-03-01) before it starts (2026-03-31)");
        assertThat(run("report", "funnel", "--db", db, "--out", dir.resolve("x.pdf").toString())).isEqualTo(2);
        assertThat(run("report", "nosuch", "--db", db, "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(run("report", "funnel", "--db", db, "--manager", "ghost", "--out", dir.resolve("x.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--manager", "ghost");
    }

    @Test
    void activityByWeekAndLifecycleWithLocalizedStatuses() throws Exception {
        String db = db();
        assertThat(run("demo", "--db", db)).isZero();
        Path csv = dir.resolve("activity.csv");
        assertThat(run("report", "activity", "--db", db, "--from", "2026-03-02", "--to", "2026-03-15", "--by", "week",
                "--out", csv.toString())).as(err.toString()).isZero();
        List<String> all = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> lines = all.subList(0, all.indexOf("Summary")); // the summary figures follow the table
        assertThat(lines.get(0)).contains("Manager,Week from,Outgoing calls");
        assertThat(lines.subList(1, lines.size() - 1)).allMatch(l -> l.contains(",2026-03-02,") || l.contains(",2026-03-09,"));
        Path lifecycle = dir.resolve("lifecycle.csv");
        assertThat(run("report", "lifecycle", "--db", db, "--out", lifecycle.toString())).as(err.toString()).isZero();
        List<String> statuses = Files.readAllLines(lifecycle, StandardCharsets.UTF_8);
        assertThat(statuses.subList(0, statuses.indexOf("Summary"))).hasSize(7);
        assertThat(statuses.get(1)).startsWith("Potential,");
        assertThat(run("report", "calls", "--db", db, "--by", "month", "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--by", "month");
    }
}
