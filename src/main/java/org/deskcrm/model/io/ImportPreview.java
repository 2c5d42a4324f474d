package org.deskcrm.model.io;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import would do, computed without writing: the rows it read, every invalid cell, how many
 * rows are new, match an existing card or repeat an earlier row of the file, and the names that match
 * nothing (per kind, as written in the file) for the value-mapping step.
 */
public record ImportPreview(ImportTable table, List<CellIssue> issues, int newRows, int existingDuplicates,
                            int fileDuplicates, Map<RefKind, Set<String>> unmatched) {
    public ImportPreview {
        issues = List.copyOf(issues);
        unmatched = Map.copyOf(unmatched);
    }

    public boolean valid() {
        return issues.isEmpty();
    }
}
