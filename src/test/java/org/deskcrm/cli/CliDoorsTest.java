package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's doors (ADR 0011): {@code --as} needs that person's password (DESKCRM_PASSWORD,
 * never an option); backup and restore are refused to anyone but an administrator; {@code report --out}
 * checks the export right and writes an audit event with the report, its filter and the row count.
 */
class CliDoorsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .withEnvironment(env).run(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** A person with a password (a manager has no export right, a supervisor has it; neither is an administrator). */
    private static void person(AppContext ctx, String login, Role role, String password) {
        ctx.users().insert(new User(null, login, login + " Test", null, role, null, role != Role.MANAGER, true, 0),
                new org.deskcrm.service.user.PasswordHasher().hash(password.toCharArray()));
    }

    @Test
    void asNeedsThePasswordAndOnlyAnAdministratorBacksUpOrRestores(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
        try (AppContext ctx = AppContext.open(new DatabaseConfig(db, "sa", ""))) {
            ctx.ensureReferenceData(Locale.ENGLISH);
            person(ctx, "boris", Role.MANAGER, "boris-secret");
            person(ctx, "vera", Role.SUPERVISOR, "vera-secret");
        }
        Path file = dir.resolve("backup.zip");
        assertThat(run(Map.of(), "info", "--as", "boris", "--db", db)).as(printed()).isEqualTo(1);
        assertThat(printed()).contains("DESKCRM_PASSWORD");
        assertThat(run(Map.of("DESKCRM_PASSWORD", "wrong-password"), "info", "--as", "boris", "--db", db)).isEqualTo(1);
        assertThat(printed()).doesNotContain("wrong-password");

        assertThat(run(Map.of("DESKCRM_PASSWORD", "vera-secret"), "backup", file.toString(), "--as", "vera", "--db", db))
                .as(printed()).isEqualTo(1);
        assertThat(file).doesNotExist();
        assertThat(run(Map.of(), "backup", file.toString(), "--db", db)).as(printed()).isZero(); // the system
        assertThat(run(Map.of("DESKCRM_PASSWORD", "boris-secret"), "restore", file.toString(), "--force", "--as", "boris",
                "--db", db)).as(printed()).isEqualTo(1);
        assertThat(run(Map.of(), "restore", file.toString(), "--force", "--db", db)).as(printed()).isZero();
        assertThat(printed()).doesNotContain("boris-secret");
    }

    @Test
    void aReportFileNeedsTheExportRightAndIsRecordedWithItsFilterAndRows(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
        try (AppContext ctx = AppContext.open(new DatabaseConfig(db, "sa", ""))) {
            ctx.ensureReferenceData(Locale.ENGLISH);
            person(ctx, "boris", Role.MANAGER, "boris-secret");
        }
        Path refused = dir.resolve("refused.csv");
        assertThat(run(Map.of("DESKCRM_PASSWORD", "boris-secret"), "report", "lead-sources", "--from", "2026-03-01",
                "--to", "2026-03-31", "--out", refused.toString(), "--as", "boris", "--db", db)).as(printed()).isNotZero();
        assertThat(refused).doesNotExist();
        Path csv = dir.resolve("sources.csv");
        assertThat(run(Map.of(), "report", "lead-sources", "--from", "2026-03-01", "--to", "2026-03-31",
                "--out", csv.toString(), "--db", db)).as(printed()).isZero();
        assertThat(csv).exists();
        try (AppContext ctx = AppContext.open(new DatabaseConfig(db, "sa", ""))) {
            List<AuditEvent> exports = ctx.audit().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1000)
                    .stream().filter(e -> e.action() == AuditAction.EXPORT).toList();
            assertThat(exports).singleElement().satisfies(e -> {
                assertThat(e.entity()).isEqualTo("report");
                assertThat(e.details()).contains("sources.csv").contains("lead-sources").contains("2026-03-01")
                        .contains("2026-03-31");
            });
        }
    }
}
