package org.deskcrm.model.io;

import java.util.List;

/**
 * Why one cell (or a whole row, {@code column} empty) of the file cannot be imported: the row as the
 * user sees it (the line of a CSV file, the row number of a sheet), the column header, and a
 * message key with its arguments.
 */
public record CellIssue(int row, String column, String messageKey, List<Object> args) {
    public CellIssue {
        column = column == null ? "" : column;
        args = List.copyOf(args);
    }

    public static CellIssue of(int row, String column, String messageKey, Object... args) {
        return new CellIssue(row, column, messageKey, List.of(args));
    }
}
