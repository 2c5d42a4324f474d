package org.deskcrm.ui.common;

import java.util.function.Consumer;

/**
 * Runs {@link BackgroundWork} off the FX thread; the callbacks run on the FX thread. The window uses
 * {@link FxTaskExecutor}; view-model tests inject a same-thread executor.
 */
public interface TaskExecutor {
    <T> Job submit(BackgroundWork<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** A submitted job: cancel it (the work sees {@code Progress.isCancelled()}) or ask whether it ended. */
    interface Job {
        void cancel();

        boolean isDone();
    }
}
