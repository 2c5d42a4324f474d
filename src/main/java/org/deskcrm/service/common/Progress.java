package org.deskcrm.service.common;

/**
 * Progress of a long job, reported from a worker thread: a step (a resource-bundle key), how much of
 * it is done and its total (-1 when unknown). {@link #isCancelled()} is polled by the job, which then
 * stops cleanly (rolling back what it had not committed).
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void update(String stepKey, long done, long total) {
        }
    };

    void update(String stepKey, long done, long total);

    default boolean isCancelled() {
        return false;
    }
}
