package org.deskcrm.model.io;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import would do, computed without writing: the rows it read, every invalid cell, how many
 * rows are new, match an existing card or repeat an earlier row of the file, and the names that match
 * nothing (per kind, as written in the file) for the value-mapping step; the number and date formats
 * chosen for the file (AUTO: its values never had to decide), and warnings (values the import fills in
 * by a rule, such as a won deal's close date taken from its creation date) that do not stop it.
 */
public record ImportPreview(ImportTable table, List<CellIssue> issues, int newRows, int existingDuplicates,
                            int fileDuplicates, Map<RefKind, Set<String>> unmatched, NumberStyle numberStyle,
                            DateStyle dateStyle, List<CellIssue> warnings) {
    public ImportPreview {
        issues = List.copyOf(issues);
        unmatched = Map.copyOf(unmatched);
        numberStyle = numberStyle == null ? NumberStyle.AUTO : numberStyle;
        dateStyle = dateStyle == null ? DateStyle.AUTO : dateStyle;
        warnings = List.copyOf(warnings);
    }

    public ImportPreview(ImportTable table, List<CellIssue> issues, int newRows, int existingDuplicates,
                         int fileDuplicates, Map<RefKind, Set<String>> unmatched) {
        this(table, issues, newRows, existingDuplicates, fileDuplicates, unmatched, NumberStyle.AUTO, DateStyle.AUTO,
                List.of());
    }

    public boolean valid() {
        return issues.isEmpty();
    }
}
