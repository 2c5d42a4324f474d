package org.deskcrm.service.backup;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup file is portable: H2 → PostgreSQL and PostgreSQL → H2 restore identical data. */
class CrossVendorBackupTest {
    @TempDir
    Path dir;

    @Test
    void h2ToPostgresAndBack() {
        try (Database h2 = BackupContract.fill(TestDatabases.h2()); Database pg = TestDatabases.postgres();
             Database h2Again = TestDatabases.h2()) {
            Map<String, List<String>> original = TableDump.of(h2);
            Path fromH2 = dir.resolve("from-h2.zip");
            BackupContract.service(h2).backup(fromH2, Progress.NONE);
            BackupContract.service(pg).restore(fromH2, false, Progress.NONE);
            assertSame(original, TableDump.of(pg));

            Path fromPg = dir.resolve("from-pg.zip");
            BackupContract.service(pg).backup(fromPg, Progress.NONE);
            assertThat(BackupContract.service(h2Again).inspect(fromPg).vendor()).isEqualTo("PostgreSQL");
            BackupContract.service(h2Again).restore(fromPg, false, Progress.NONE);
            assertSame(original, TableDump.of(h2Again));
        }
    }

    private static void assertSame(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((table, rows) -> assertThat(actual.get(table)).as(table).isEqualTo(rows));
    }
}
