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
            assertThat(events(window, AuditAction.RESTORE)).singleElement()
                    .satisfies(e -> assertThat(e.userId()).isEqualTo(admin.id()));
        }
    }
}
