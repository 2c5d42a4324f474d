package org.deskcrm.persistence.backup;

import java.util.List;
import java.util.Set;

/**
 * One table as a backup sees it: its columns (in database order) with their kinds, its primary key,
 * whether {@code id} is an identity column, and the nullable foreign-key columns that must be filled in
 * after every table is loaded because they close a cycle ({@code team.supervisor_id → app_user}).
 */
public record TableShape(String name, List<Column> columns, List<String> primaryKey, boolean identity,
                         Set<String> deferred) {

    /** A column and its value kind. */
    public record Column(String name, ValueKind kind, boolean nullable) {
    }

    public TableShape {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        deferred = Set.copyOf(deferred);
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
