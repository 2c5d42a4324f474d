package org.deskcrm.service.call;

import org.deskcrm.model.call.Call;

import java.util.List;

/**
 * What a file would import, before anything is written: the calls read (with the line of each), an
 * issue per unusable line, and the file's header names (for the mapping editor of a generic CSV).
 */
public record CallImportPreview(List<Row> rows, List<ImportIssue> issues, List<String> headers) {
    public CallImportPreview {
        rows = List.copyOf(rows);
        issues = List.copyOf(issues);
        headers = List.copyOf(headers);
    }

    /** One call read from the file, with the line it came from. */
    public record Row(int line, Call call) {
    }

    public boolean canImport() {
        return issues.isEmpty() && !rows.isEmpty();
    }
}
