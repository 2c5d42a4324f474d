package org.deskcrm.service.call;

/** The call-detail files the import reads. */
public enum CallImportFormat {
    /** Asterisk's Master.csv: fixed columns, no header. */
    ASTERISK,
    /** Any CSV with a header row, read through a column mapping. */
    CSV
}
