package org.deskcrm.ui.task;

import org.deskcrm.model.notify.Notification;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.service.call.MissedCallService;
import org.deskcrm.service.notify.NotificationCenter;
import org.deskcrm.service.task.TaskService;
import org.deskcrm.service.task.TaskTemplateService;
import org.deskcrm.ui.common.I18n;

import java.util.ArrayList;
import java.util.List;

/**
 * What the reminder timer asks for (runs off the FX thread): at the first poll the recurring
 * templates generate their tasks for the coming {@link #GENERATE_AHEAD_DAYS} days and every overdue
 * task pops up;
 * then each time the reminders that came due, missed calls escalated by the periodic sweep, and the
 * notifications waiting for the signed-in user (an administrator sees everybody's). Returns
 * ready-to-show popups.
 */
public final class ReminderPoller {
    /** One popup: a title, a text and the record it is about ("task:5", "call:7"). */
    public record Popup(String title, String text, String target) {
    }

    public static final int GENERATE_AHEAD_DAYS = 31;

    private final TaskService tasks;
    private final TaskTemplateService templates;
    private final MissedCallService misses;
    private final NotificationCenter notifications;
    private final I18n i18n;
    private final TimeFormat time;
    private boolean started;
    private Long audience;

    public ReminderPoller(TaskService tasks, TaskTemplateService templates, MissedCallService misses, NotificationCenter notifications, I18n i18n,
                          TimeFormat time) {
        this.tasks = tasks;
        this.templates = templates;
        this.misses = misses;
        this.notifications = notifications;
        this.i18n = i18n;
        this.time = time;
    }

    public synchronized List<Popup> poll(Long userId) {
        List<Popup> out = new ArrayList<>();
        if (!started) {
            started = true;
            audience = misses.audienceOf(userId);
            templates.generate(tasks.today().plusDays(GENERATE_AHEAD_DAYS));
            List<TaskRow> overdue = tasks.list(org.deskcrm.model.task.TaskView.OVERDUE, userId, null);
            if (!overdue.isEmpty()) {
                out.add(new Popup(i18n.get("notify.overdue.title"), i18n.format("notify.overdue", overdue.size(),
                        overdue.get(0).task().title()), "tasks:overdue"));
            }
        }
        for (TaskRow r : tasks.takeDueReminders(userId)) {
            out.add(new Popup(i18n.get("notify.reminder.title"), i18n.format("notify.reminder", r.task().title(),
                    time.dateTime(r.task().dueAt()), r.clientName() == null ? "" : r.clientName()),
                    "task:" + r.task().id()));
        }
        misses.sweep();
        for (Notification n : notifications.drain(audience)) {
            out.add(new Popup(i18n.get("notify." + kindKey(n) + ".title"), i18n.format(n.messageKey(),
                    n.args().toArray()), n.target()));
        }
        return out;
    }

    /** How many open tasks of the user have their reminder or due time behind them (the status bar). */
    public int dueCount(Long userId) {
        return tasks.attentionCount(userId);
    }

    private static String kindKey(Notification n) {
        return switch (n.kind()) {
            case MISSED_CALL -> "missedCall";
            case MISSED_CALL_ESCALATED -> "missedCallEscalated";
            case TASK_REMINDER -> "reminder";
            case TASK_OVERDUE -> "overdue";
        };
    }
}
