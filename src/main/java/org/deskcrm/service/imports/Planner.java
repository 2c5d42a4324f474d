package org.deskcrm.service.imports;

import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.service.common.Progress;

import java.time.Instant;

/**
 * The import of one target: reads each row into a record (issues go to the shared list), then finds
 * which records match existing ones, then writes. Counters say how many rows are new, match an
 * existing record, or repeat an earlier row of the file.
 */
abstract class Planner {
    /** What the writing did. */
    record Written(int created, int merged, int skipped) {
    }

    protected final RowCells cells;
    protected final DuplicateMode mode;
    protected int existing;
    protected int inFile;

    Planner(RowCells cells, DuplicateMode mode) {
        this.cells = cells;
        this.mode = mode;
    }

    /** Reads one row; a row with issues is dropped (the import will be rejected anyway). */
    abstract void read(ImportRow row);

    /** Looks up existing records for what was read (after all rows). */
    abstract void matchExisting();

    /** Records that would be created. */
    abstract int newCount();

    abstract Written write(Long userId, Instant now, Progress progress);

    /** What the import fills in by a rule (row, column, message), shown in the preview; none by default. */
    java.util.List<org.deskcrm.model.io.CellIssue> warnings() {
        return java.util.List.of();
    }

    int existingDuplicates() {
        return existing;
    }

    int fileDuplicates() {
        return inFile;
    }

    static void checkCancel(Progress progress) {
        if (progress.isCancelled()) {
            throw new org.deskcrm.model.common.AppException("imports.cancelled");
        }
    }
}
