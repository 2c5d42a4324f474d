package org.deskcrm.service.call;

import org.deskcrm.model.common.AppException;

import java.util.List;

/** The file has unusable lines: nothing was imported. Carries every issue with its line. */
public class CallImportException extends AppException {
    private final transient List<ImportIssue> issues;

    public CallImportException(List<ImportIssue> issues) {
        super("call.import.error.invalid", issues.size(), issues.isEmpty() ? 0 : issues.get(0).line());
        this.issues = List.copyOf(issues);
    }

    public List<ImportIssue> issues() {
        return issues;
    }
}
