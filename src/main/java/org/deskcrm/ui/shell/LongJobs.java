package org.deskcrm.ui.shell;

import org.deskcrm.ui.common.BackgroundWork;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.function.Consumer;

/**
 * Long jobs with a progress bar and a Cancel button in the status bar. A cancelled job reports a
 * {@link java.util.concurrent.CancellationException} to {@code onFailure}.
 */
public interface LongJobs {
    <T> TaskExecutor.Job run(String title, BackgroundWork<T> work, Consumer<? super T> onSuccess,
                             Consumer<Throwable> onFailure);
}
