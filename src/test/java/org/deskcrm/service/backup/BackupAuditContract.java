package org.deskcrm.service.backup;

import org.deskcrm.AppContext;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.backup.BackupInfo;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups and restores made through the application (as the window and the command line do) are
 * recorded in the event feed, by the signed-in user or by nobody; the recorded event is the only
 * difference from the backed-up data. Runs on H2 and PostgreSQL.
 */
abstract class BackupAuditContract {
    @TempDir
    Path dir;

    abstract Database openDatabase();

    static List<AuditEvent> events(AppContext ctx, AuditAction action) {
        return ctx.audit().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 100_000).stream()
                .filter(e -> e.action() == action).toList();
    }

    @Test
    void backupAndRestoreAreRecordedWithFileRowsAndWho() {
        try (Database source = BackupContract.fill(openDatabase()); Database target = openDatabase()) {
            AppContext app = new AppContext(source, BackupContract.CLOCK);
            User admin = app.users().findAll().get(0);
            app.session().signIn(admin);
            Map<String, List<String>> before = TableDump.of(source);
            Path file = dir.resolve("monday.deskcrm-backup");

            BackupInfo info = app.backup().backup(file, Progress.NONE);

            AuditEvent backup = events(app, AuditAction.BACKUP).stream().findFirst().orElseThrow();
            assertThat(backup.userId()).isEqualTo(admin.id());
            assertThat(backup.entity()).isEqualTo("database");
            assertThat(backup.details()).startsWith("monday.deskcrm-backup: " + info.totalRows() + " rows (")
                    .contains("client " + info.rows("client"));
            assertThat(events(app, AuditAction.BACKUP)).hasSize(1);

            // the command line restores with nobody signed in
            AppContext cli = new AppContext(target, BackupContract.CLOCK);
            BackupInfo restored = cli.backup().restore(file, false, Progress.NONE);
            assertThat(restored.totalRows()).isEqualTo(info.totalRows());
            assertThat(events(cli, AuditAction.BACKUP)).as("the backup event came after the file").isEmpty();
            AuditEvent restore = events(cli, AuditAction.RESTORE).stream().findFirst().orElseThrow();
            assertThat(restore.userId()).isNull();
            assertThat(restore.details()).startsWith("monday.deskcrm-backup: " + info.totalRows() + " rows (");

            // everything else is identical; audit_event differs by exactly the appended RESTORE row
            Map<String, List<String>> after = TableDump.of(target);
            before.forEach((table, rows) -> {
                if (!table.equalsIgnoreCase("audit_event")) {
                    assertThat(after.get(table)).as(table).isEqualTo(rows);
                }
            });
            String auditTable = before.keySet().stream().filter(t -> t.equalsIgnoreCase("audit_event")).findFirst()
                    .orElseThrow();
            List<String> extra = new ArrayList<>(after.get(auditTable));
            before.get(auditTable).forEach(extra::remove);
            assertThat(extra).singleElement().asString().contains("restore");
            assertThat(after.get(auditTable)).containsAll(before.get(auditTable));

            // a signed-in user who exists in the restored data is recorded as the one who restored
            AppContext window = new AppContext(target, BackupContract.CLOCK);
            window.session().signIn(admin);
            window.backup().restore(file, true, Progress.NONE);
            // the replaced database's events stay (the first restore, by nobody), then the new one
            assertThat(events(window, AuditAction.RESTORE)).extracting(AuditEvent::userId)
                    .containsExactlyInAnyOrder(null, admin.id());
        }
    }

    @Test
    void aRestoreKeepsTheReplacedTrailAndOnlyAnAdministratorBacksUpOrRestores() {
        try (Database source = BackupContract.fill(openDatabase()); Database target = BackupContract.fill(openDatabase())) {
            AppContext app = new AppContext(source, BackupContract.CLOCK);
            Path file = dir.resolve("crm.zip");
            List<AuditEvent> backedUp = all(app);
            app.backup().backup(file, Progress.NONE);
            AppContext other = new AppContext(target, BackupContract.CLOCK);
            User admin = other.users().findAll().get(0);
            other.audit().append(List.of(AuditEvent.of(Instant.parse("2026-03-09T10:00:00Z"), admin.id(), AuditAction.UPDATE,
                    "client", 1L).withDetails("made before the restore"),
                    AuditEvent.of(Instant.parse("2026-03-09T11:00:00Z"), null, AuditAction.DELETE, "deal", 2L)
                            .withDetails("also before")));
            List<AuditEvent> before = all(other);

            other.backup().restore(file, true, Progress.NONE);

            List<AuditEvent> after = all(other);
            // the backup's events, then the replaced database's that the backup did not hold, then the restore
            List<String> restored = backedUp.stream().map(BackupAuditContract::what).toList();
            List<String> kept = before.stream().map(BackupAuditContract::what).filter(w -> !restored.contains(w)).toList();
            assertThat(kept).hasSizeGreaterThanOrEqualTo(2);
            assertThat(after).hasSize(backedUp.size() + kept.size() + 1);
            assertThat(after.subList(0, backedUp.size()).stream().map(BackupAuditContract::what).toList())
                    .isEqualTo(restored);
            assertThat(after.subList(backedUp.size(), after.size() - 1).stream().map(BackupAuditContract::what).toList())
                    .isEqualTo(kept);
            assertThat(after.get(after.size() - 1).action()).isEqualTo(AuditAction.RESTORE);

            User manager = other.users().findAll().stream().filter(u -> u.role() == org.deskcrm.model.user.Role.MANAGER)
                    .findFirst().orElseThrow();
            other.session().signIn(manager);
            Path refused = dir.resolve("refused.zip");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.backup().backup(refused, Progress.NONE))
                    .isInstanceOfSatisfying(org.deskcrm.model.common.AppException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("backup.error.forbidden"));
            assertThat(refused).doesNotExist();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.backup().restore(file, true, Progress.NONE))
                    .isInstanceOfSatisfying(org.deskcrm.model.common.AppException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("backup.error.forbidden"));
            assertThat(all(other)).hasSize(after.size());
        }
    }

    /** An event without its id and author (the author may map to another id after the restore). */
    private static String what(AuditEvent e) {
        return e.occurredAt() + " " + e.action() + " " + e.entity() + " " + e.entityId() + " " + e.details();
    }

    private static List<AuditEvent> all(AppContext ctx) {
        return ctx.audit().between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 100_000).stream()
                .sorted(java.util.Comparator.comparing(AuditEvent::id)).toList();
    }
}
