package org.deskcrm.ui.task;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.deskcrm.model.notify.Notification;
import org.deskcrm.service.notify.NotificationCenter;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Pops up reminders, missed calls and escalations with ControlsFX notifications while the window
 * runs: polls {@link ReminderPoller} on a timer through the task executor (never on the FX thread)
 * and shows at most {@link #MAX_POPUPS} popups per poll plus one summary for the rest.
 */
public final class ReminderNotifier {
    public static final int MAX_POPUPS = 4;

    private final ReminderPoller poller;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Supplier<Long> user;
    private final Consumer<String> onClick;
    private final Timeline timeline;
    private TaskExecutor.Job running;
    private Consumer<Integer> countSink = n -> { };
    private Consumer<List<ReminderPoller.Popup>> shown = p -> { };
    private NotificationCenter center;
    /** One poll for a burst of notifications (an import publishes many at once). */
    private final java.util.concurrent.atomic.AtomicBoolean wakePending = new java.util.concurrent.atomic.AtomicBoolean();
    private final Consumer<Notification> wakeUp = n -> {
        if (wakePending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                wakePending.set(false);
                pollNow();
            });
        }
    };

    /** {@code onClick} receives the target of a clicked popup ("task:5", "call:7"...). */
    public ReminderNotifier(ReminderPoller poller, TaskExecutor executor, I18n i18n, Supplier<Long> user,
                            Duration period, Consumer<String> onClick) {
        this.poller = poller;
        this.executor = executor;
        this.i18n = i18n;
        this.user = user;
        this.onClick = onClick;
        this.timeline = new Timeline(new KeyFrame(period, e -> pollNow()));
        this.timeline.setCycleCount(Timeline.INDEFINITE);
    }

    /** Where the number of due reminders goes after every poll (the status bar). */
    public void onCount(Consumer<Integer> sink) {
        this.countSink = sink;
    }

    /** Also told of every batch of popups shown (tests, a log). */
    public void onShown(Consumer<List<ReminderPoller.Popup>> listener) {
        this.shown = listener;
    }

    /**
     * Polls as soon as a service publishes a notification (a missed call logged or imported in this
     * window), not only on the timer; the listener also tells the services that a window delivers.
     */
    public void listenTo(NotificationCenter notifications) {
        this.center = notifications;
    }

    /** Polls at once (everything overdue at start) and then every period. */
    public void start() {
        if (center != null) {
            center.addListener(wakeUp);
        }
        pollNow();
        timeline.play();
    }

    public void stop() {
        timeline.stop();
        if (center != null) {
            center.removeListener(wakeUp);
        }
        if (running != null) {
            running.cancel();
        }
    }

    public void pollNow() {
        if (running != null && !running.isDone()) {
            return;
        }
        Long u = user.get();
        running = executor.submit(p -> new Polled(poller.poll(u), poller.dueCount(u)), this::show, e -> { });
    }

    private record Polled(List<ReminderPoller.Popup> popups, int due) {
    }

    private void show(Polled polled) {
        countSink.accept(polled.due());
        List<ReminderPoller.Popup> popups = polled.popups();
        if (popups.isEmpty()) {
            return;
        }
        shown.accept(popups);
        try {
            popup(popups);
        } catch (RuntimeException e) {
            // no window to attach the popups to (minimized, closing): they come back as overdue at next start
            org.slf4j.LoggerFactory.getLogger(ReminderNotifier.class).debug("cannot show notifications", e);
        }
    }

    /** The style class that gives a pop-up the window's theme (shell.css), readable in light and dark. */
    static final String THEMED = "crm-notification";

    private void popup(List<ReminderPoller.Popup> popups) {
        for (int i = 0; i < popups.size() && i < MAX_POPUPS; i++) {
            ReminderPoller.Popup p = popups.get(i);
            Notifications.create().styleClass(THEMED).title(p.title()).text(p.text()).hideAfter(Duration.seconds(15))
                    .position(Pos.TOP_RIGHT) // not over the status bar and its reminder count
                    .onAction(e -> onClick.accept(p.target())).showInformation();
        }
        if (popups.size() > MAX_POPUPS) {
            Notifications.create().styleClass(THEMED).title(i18n.get("notify.more.title")).position(Pos.TOP_RIGHT)
                    .text(i18n.format("notify.more", popups.size() - MAX_POPUPS)).hideAfter(Duration.seconds(15))
                    .showInformation();
        }
    }
}
