package org.deskcrm.service.call;

import java.util.List;

/** Why one line of an imported file cannot be used: a message key and its arguments (line first). */
public record ImportIssue(int line, String messageKey, List<Object> args) {
    public ImportIssue {
        args = List.copyOf(args);
    }

    public static ImportIssue of(int line, String messageKey, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = line;
        System.arraycopy(more, 0, all, 1, more.length);
        return new ImportIssue(line, messageKey, List.of(all));
    }
}
