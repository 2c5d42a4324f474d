package org.deskcrm.model.io;

/** What a row that matches an existing card (or an earlier row of the file) does. */
public enum DuplicateMode {
    /** Fill the existing record with the row's non-empty values. */
    MERGE,
    /** Leave the existing record as it is and drop the row. */
    SKIP
}
