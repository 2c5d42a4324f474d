package org.deskcrm.ui.common;

import org.deskcrm.service.common.Progress;

import java.util.function.Consumer;

/** For view-model tests: runs the work and its callback at once, on the calling thread. */
public final class SameThreadExecutor implements TaskExecutor {
    @Override
    public <T> Job submit(BackgroundWork<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        run(work, onSuccess, onFailure);
        return new Job() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    /** Runs the work and then its callback (or the failure's) on this thread. */
    static <T> void run(BackgroundWork<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            onSuccess.accept(work.call(Progress.NONE));
        } catch (Exception e) {
            onFailure.accept(e);
        }
    }
}
