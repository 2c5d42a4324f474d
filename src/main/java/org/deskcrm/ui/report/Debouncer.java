package org.deskcrm.ui.report;

/**
 * Runs an action once a burst of requests has calmed down: each request replaces the pending one and
 * restarts the wait. The window uses {@link FxDebouncer}; view-model tests run requests at once.
 */
@FunctionalInterface
public interface Debouncer {
    void request(Runnable action);

    /** Runs every request at once, on the calling thread. */
    static Debouncer immediate() {
        return Runnable::run;
    }
}
