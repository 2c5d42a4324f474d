package org.deskcrm.persistence.backup;

/** Rows copied so far out of the total, reported from the worker thread; polled for cancellation. */
public interface BackupListener {
    BackupListener NONE = (done, total) -> { };

    void rows(long done, long total);

    default boolean cancelled() {
        return false;
    }
}
