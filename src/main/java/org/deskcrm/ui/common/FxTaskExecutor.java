package org.deskcrm.ui.common;

import javafx.application.Platform;
import org.deskcrm.service.common.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The window's executor: a small pool of daemon worker threads; results and errors are handed back
 * with {@link Platform#runLater}. Progress goes to an optional {@link ProgressSink} (the status bar).
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    /** Receives progress of running jobs on the FX thread. */
    public interface ProgressSink {
        void progress(String stepKey, long done, long total);
    }

    private final ExecutorService pool;
    private volatile ProgressSink sink;

    /** The job of work submitted after {@link #close()}: never runs. */
    private static final Job CLOSED = new Job() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    public FxTaskExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "deskcrm-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void setProgressSink(ProgressSink sink) {
        this.sink = sink;
    }

    @Override
    public <T> Job submit(BackgroundWork<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void update(String stepKey, long done, long total) {
                ProgressSink s = sink;
                if (s != null) {
                    Platform.runLater(() -> s.progress(stepKey, done, total));
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }
        };
        if (pool.isShutdown()) {
            // the window is closing (or a test ended): a refresh scheduled by a timer or a debounce finds the
            // executor closed; the work is dropped, as when it is cancelled, instead of failing on the FX thread
            return CLOSED;
        }
        Future<?> future;
        try {
            future = pool.submit(() -> {
            try {
                T result = work.call(progress);
                if (!cancelled.get()) {
                    Platform.runLater(() -> onSuccess.accept(result));
                }
            } catch (Throwable e) {
                if (!cancelled.get()) {
                    LOG.warn("background job failed", e);
                    Platform.runLater(() -> onFailure.accept(e));
                }
            }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CLOSED; // closed between the check and the submit
        }
        return new Job() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(false);
            }

            @Override
            public boolean isDone() {
                return future.isDone();
            }
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
