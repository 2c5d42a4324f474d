package org.deskcrm.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.AppContext;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.AUDIT_EVENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;

/**
 * The {@code export} command end to end through {@link Cli} on a real H2 file database: the lists are
 * written with the rows and seconds printed, every export is in the event feed, and a user without
 * the export right is refused with nothing written.
 */
class ExportCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.withEnvironment(java.util.Map.of("DESKCRM_PASSWORD", "nox-secret-pw")).run(args); // for --as nox
    }

    private long rita;

    @Test
    void exportsListsOnAFileDatabaseAndRefusesAUserWithoutTheRight() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        assertThat(run("demo", "--db", db, "--clients", "60", "--deals", "200", "--calls", "300", "--years", "1"))
                .as(err.toString()).isZero();
        try (AppContext ctx = AppContext.open(new DatabaseConfig(db, null, null))) {
            ctx.users().insert(new User(null, "nox", "Nora Noexport", null, Role.MANAGER, null, false, true, 0),
                    new org.deskcrm.service.user.PasswordHasher().hash("nox-secret-pw".toCharArray()));
            rita = ctx.users().insert(new User(null, "rita", "Rita Reporter", null, Role.SUPERVISOR, null, true, true, 0),
                    new org.deskcrm.service.user.PasswordHasher().hash("nox-secret-pw".toCharArray()));
        }

        Path deals = dir.resolve("deals.xlsx");
        assertThat(run("export", "deals", "--db", db, "--out", deals.toString())).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("Exported 200 rows to .*deals.xlsx in \\d+[.,]\\d+ s");
        try (InputStream in = Files.newInputStream(deals); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Deals");
        }

        Path calls = dir.resolve("calls.csv");
        assertThat(run("export", "calls", "--db", db, "--direction", "in", "--from", "2020-01-01", "--to", "2030-12-31",
                "--out", calls.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(calls, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",")[2].equals("incoming"));

        Path clients = dir.resolve("clients.csv");
        assertThat(run("export", "clients", "--db", db, "--sort", "created", "--desc", "--out", clients.toString()))
                .as(err.toString()).isZero();
        assertThat(run("export", "tasks", "--db", db, "--view", "all", "--out", dir.resolve("tasks.xlsx").toString()))
                .as(err.toString()).isZero();

        assertThat(run("export", "deals", "--db", db, "--as", "rita", "--out", dir.resolve("rita.xlsx").toString()))
                .as(err.toString()).isZero();

        Path refused = dir.resolve("refused.xlsx");
        assertThat(run("export", "clients", "--db", db, "--as", "nox", "--out", refused.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Nora Noexport has no right to export");
        assertThat(refused).doesNotExist();

        assertThat(run("export", "deals", "--db", db, "--band", "lukewarm", "--out", dir.resolve("x.xlsx").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--band", "lukewarm");
        assertThat(run("export", "deals", "--db", db)).isEqualTo(2); // no --out: the usage line

        try (AppContext ctx = AppContext.open(new DatabaseConfig(db, null, null))) {
            var events = ctx.database().dsl().selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("export"))
                    .orderBy(AUDIT_EVENT.ID).fetch();
            assertThat(events).hasSize(5); // the refused one is not there
            assertThat(events.get(0).getEntity()).isEqualTo("deal");
            assertThat(events.subList(0, 4)).as("the command line is the system actor, not the administrator (ADR 0014)")
                    .allSatisfy(e -> assertThat(e.getUserId()).isNull());
            assertThat(events.get(4).getUserId()).as("--as acts as that person").isEqualTo(rita);
            assertThat(events.get(0).getDetails()).contains("deals.xlsx", ctx.database().dsl().fetchCount(DEAL) + " rows");
            assertThat(events.get(1).getDetails()).contains("Direction: incoming", "Period: 2020-01-01 – 2030-12-31");
        }
    }

    @Test
    void helpListsTheExportCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("export", "clients|deals|calls|tasks");
    }
}
