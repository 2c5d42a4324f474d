package org.deskcrm.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.deskcrm.service.common.Progress;
import org.deskcrm.ui.common.BackgroundWork;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The bottom line of the window: the last message, the progress of long jobs with Cancel, the number
 * of due reminders and the database in use.
 */
public final class StatusBar implements FxTaskExecutor.ProgressSink, LongJobs {
    private final I18n i18n;
    private final TaskExecutor executor;
    private final HBox root = new HBox();
    private final Label message = new Label();
    private final Label progressLabel = new Label();
    private final ProgressBar progressBar = new ProgressBar();
    private final Button cancel = new Button();
    private final HBox progressBox;
    private final Label reminders = new Label();
    private final Label database = new Label();
    private final Label user = new Label();
    private final List<Tracked> tracked = new ArrayList<>();
    private int reminderCount;

    /** A long job shown in the bar. */
    private static final class Tracked {
        final String title;
        final Consumer<Throwable> onFailure;
        boolean finished;
        /** Cancel was pressed: the job stops at its next check, unless it is past its last one. */
        volatile boolean cancelRequested;

        Tracked(String title, Consumer<Throwable> onFailure) {
            this.title = title;
            this.onFailure = onFailure;
        }
    }

    public StatusBar(I18n i18n, TaskExecutor executor) {
        this.i18n = i18n;
        this.executor = executor;
        root.getStyleClass().add("status-bar");
        root.setId("statusBar");
        root.setAlignment(Pos.CENTER_LEFT);
        message.setId("statusMessage");
        message.getStyleClass().add("status-message");
        message.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        progressLabel.setId("progressLabel");
        progressLabel.getStyleClass().add("status-progress-label");
        progressBar.setId("progressBar");
        progressBar.setPrefWidth(160);
        cancel.setId("progressCancel");
        cancel.setText(i18n.get("action.cancel"));
        cancel.getStyleClass().addAll("status-cancel", "small");
        cancel.setOnAction(e -> cancelAll());
        progressBox = new HBox(progressLabel, progressBar, cancel);
        progressBox.getStyleClass().add("status-progress");
        progressBox.setAlignment(Pos.CENTER_LEFT);
        hideProgress();

        reminders.setId("reminders");
        reminders.getStyleClass().add("status-reminders");
        reminders.setGraphic(Icons.of(Icons.BELL, 14));
        reminders.setTooltip(new Tooltip(i18n.get("shell.status.reminders.tip")));
        setReminderCount(0);

        database.setId("databaseLabel");
        database.getStyleClass().add("status-database");
        database.setGraphic(Icons.of(Icons.DATABASE, 13));

        user.setId("userLabel");
        user.getStyleClass().add("status-user");
        user.setGraphic(Icons.of(Icons.CLIENTS, 13));
        root.getChildren().addAll(message, spacer, progressBox, separator(), reminders, separator(), user, separator(),
                database);
        message(i18n.get("shell.status.ready"));
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.getStyleClass().add("status-separator");
        return s;
    }

    public HBox node() {
        return root;
    }

    public void message(String text) {
        message.setText(text);
    }

    public String messageText() {
        return message.getText();
    }

    public void setReminderCount(int count) {
        this.reminderCount = count;
        reminders.setText(i18n.format("shell.status.reminders", count));
        reminders.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("due"), count > 0);
    }

    public int reminderCount() {
        return reminderCount;
    }

    /** A click on the reminder count (opens the tasks due today). */
    public void onRemindersClicked(Runnable action) {
        reminders.setOnMouseClicked(e -> action.run());
        reminders.setCursor(javafx.scene.Cursor.HAND);
    }

    /** The signed-in user's name. */
    public void setUser(String text) {
        user.setText(text);
    }

    public String userText() {
        return user.getText();
    }

    public void setDatabase(String text) {
        database.setText(text);
    }

    /** Progress reported by any background job (on the FX thread). */
    @Override
    public void progress(String stepKey, long done, long total) {
        progressBox.setVisible(true);
        progressBox.setManaged(true);
        String step = stepKey != null && i18n.has(stepKey) ? i18n.get(stepKey) : currentTitle();
        progressLabel.setText(step == null ? "" : step);
        progressBar.setProgress(total > 0 ? Math.min(1.0, (double) done / total) : ProgressBar.INDETERMINATE_PROGRESS);
        if (tracked.isEmpty() && total > 0 && done >= total) {
            hideProgress();
        }
    }

    private String currentTitle() {
        return tracked.isEmpty() ? null : tracked.get(tracked.size() - 1).title;
    }

    @Override
    public <T> TaskExecutor.Job run(String title, BackgroundWork<T> work, Consumer<? super T> onSuccess,
                                    Consumer<Throwable> onFailure) {
        Tracked t = new Tracked(title, onFailure);
        tracked.add(t);
        showProgress(title);
        BackgroundWork<T> stoppable = p -> work.call(new Progress() {
            @Override
            public void update(String stepKey, long done, long total) {
                p.update(stepKey, done, total);
            }

            @Override
            public boolean isCancelled() {
                return t.cancelRequested || p.isCancelled();
            }
        });
        executor.submit(stoppable, result -> {
            finish(t);
            onSuccess.accept(result);
        }, failure -> {
            finish(t);
            if (failure instanceof CancellationException) {
                message(i18n.format("shell.status.cancelled", t.title));
            }
            onFailure.accept(failure);
        });
        return new TaskExecutor.Job() {
            @Override
            public void cancel() {
                cancelOne(t);
            }

            @Override
            public boolean isDone() {
                return t.finished;
            }
        };
    }

    private void showProgress(String title) {
        progressLabel.setText(title);
        progressBar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        cancel.setDisable(false);
        progressBox.setVisible(true);
        progressBox.setManaged(true);
    }

    private void finish(Tracked t) {
        t.finished = true;
        tracked.remove(t);
        if (tracked.isEmpty()) {
            hideProgress();
        }
    }

    /**
     * Asks the job to stop: it throws a {@link CancellationException} at its next check and the bar then says
     * "cancelled"; a job past its last check (a restore committing) ends as it would have and reports its result.
     * (Cancelling the executor's job would drop that outcome: a restore that committed in that moment would have been
     * reported as cancelled while the database had been replaced.)
     */
    private void cancelOne(Tracked t) {
        if (t.finished || t.cancelRequested) {
            return;
        }
        t.cancelRequested = true;
        message(i18n.format("shell.status.cancelling", t.title));
        cancel.setDisable(tracked.stream().allMatch(x -> x.cancelRequested));
    }

    /** The Cancel button: stops every job shown in the bar. */
    public void cancelAll() {
        for (Tracked t : List.copyOf(tracked)) {
            cancelOne(t);
        }
    }

    public boolean isBusy() {
        return !tracked.isEmpty();
    }

    private void hideProgress() {
        progressBox.setVisible(false);
        progressBox.setManaged(false);
        progressBar.setProgress(0);
    }
}
