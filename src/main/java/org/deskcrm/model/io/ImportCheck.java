package org.deskcrm.model.io;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A preview with what the value-mapping step and a dry run show besides: the file's columns no field
 * takes (ignored), the closest known names to each name that matched nothing (per kind, best first),
 * and the names the import would create (with create-missing, per kind).
 */
public record ImportCheck(ImportPreview preview, List<String> ignoredColumns,
                          Map<RefKind, Map<String, List<String>>> suggestions, Map<RefKind, Set<String>> toCreate) {
    public ImportCheck {
        ignoredColumns = List.copyOf(ignoredColumns);
        suggestions = Map.copyOf(suggestions);
        toCreate = Map.copyOf(toCreate);
    }
}
