package org.deskcrm.model.io;

import org.deskcrm.model.common.AppException;

import java.util.List;

/** The file has invalid cells: nothing was written; the issues say where and why. */
public class ImportRejectedException extends AppException {
    private final transient List<CellIssue> issues;

    public ImportRejectedException(List<CellIssue> issues) {
        super("imports.error.rejected", issues.size());
        this.issues = List.copyOf(issues);
    }

    public List<CellIssue> issues() {
        return issues;
    }
}
