package org.deskcrm.model.backup;

import java.time.Instant;
import java.util.Map;

/** What a backup file holds: schema version, the database it came from, when, and rows per table. */
public record BackupInfo(String schemaVersion, String vendor, Instant createdAt, Map<String, Long> rows) {
    public BackupInfo {
        rows = Map.copyOf(rows);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rows(String table) {
        return rows.getOrDefault(table, 0L);
    }
}
