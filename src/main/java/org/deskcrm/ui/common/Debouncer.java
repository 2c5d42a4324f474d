package org.deskcrm.ui.common;

/** Runs the last scheduled action once input has paused; a new schedule replaces the pending one. */
public interface Debouncer {
    void schedule(Runnable action);

    void cancel();

    /** Runs every action at once (view-model tests). */
    static Debouncer immediate() {
        return new Debouncer() {
            @Override
            public void schedule(Runnable action) {
                action.run();
            }

            @Override
            public void cancel() {
            }
        };
    }
}
