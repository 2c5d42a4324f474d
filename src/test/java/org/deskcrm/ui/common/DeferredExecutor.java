package org.deskcrm.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds submitted jobs until the test runs them — in any order ({@link #queued}, answers arriving late) or
 * one at a time in order ({@link #step}) — and counts the cancels. A job's work and its callback run
 * together, on the test's thread, as a background thread and then the FX thread would.
 */
public final class DeferredExecutor implements TaskExecutor {
    public final List<Runnable> queued = new ArrayList<>();
    public int cancelled;

    @Override
    public <T> Job submit(BackgroundWork<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        queued.add(() -> SameThreadExecutor.run(work, onSuccess, onFailure));
        return new Job() {
            @Override
            public void cancel() {
                cancelled++;
            }

            @Override
            public boolean isDone() {
                return false;
            }
        };
    }

    /** Runs the oldest job still waiting. */
    public void step() {
        queued.remove(0).run();
    }

    /** Whether no job waits. */
    public boolean idle() {
        return queued.isEmpty();
    }
}
