package org.deskcrm.ui.call;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.call.MissedCall;
import org.deskcrm.model.call.MissedCallState;
import org.deskcrm.service.call.MissedCallService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.time.Duration;
import java.util.List;

/**
 * Missed calls under control: open and escalated ones (optionally only the signed-in manager's), or
 * every miss of the last week with how it ended.
 */
public final class MissedCallsViewModel {
    private final MissedCallService misses;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObservableList<MissedCall> rows = FXCollections.observableArrayList();
    private final BooleanProperty mineOnly = new SimpleBooleanProperty();
    private final BooleanProperty lastWeek = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public MissedCallsViewModel(MissedCallService misses, TaskExecutor executor, I18n i18n) {
        this.misses = misses;
        this.executor = executor;
        this.i18n = i18n;
    }

    public ObservableList<MissedCall> rows() {
        return rows;
    }

    public BooleanProperty mineOnlyProperty() {
        return mineOnly;
    }

    public BooleanProperty lastWeekProperty() {
        return lastWeek;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String stateText(MissedCall m) {
        MissedCallState s = m.state();
        if (s == MissedCallState.OPEN && m.isOverdue(misses.clock().instant())) {
            return i18n.get("call.missed.state.late");
        }
        return i18n.get("call.missed.state." + s.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * How the callback deadline stands for an unreturned call: "in 25 min", "3 h overdue", "4 days overdue"
     * (minutes under an hour, hours up to 48, days beyond); empty once returned.
     */
    public String deadlineText(MissedCall m) {
        if (m.resolvedAt() != null || m.dueAt() == null) {
            return "";
        }
        Duration left = Duration.between(misses.clock().instant(), m.dueAt());
        return left.isNegative() ? i18n.format("call.deadline.over", span(left.negated(), i18n))
                : i18n.format("call.deadline.in", span(left, i18n));
    }

    /** A duration in the unit a person reads it in: minutes under an hour, hours up to 48 hours, then days. */
    static String span(Duration d, I18n i18n) {
        if (d.toMinutes() < 60) {
            return i18n.format("call.wait.minutes", Math.max(1, d.toMinutes()));
        }
        if (d.toHours() <= 48) {
            return i18n.format("call.wait.hours", d.toHours());
        }
        return i18n.format("call.wait.days", d.toDays());
    }

    /** Escalates what is due (the same check the timer runs), then reloads. */
    public void refresh(Long userId) {
        boolean week = lastWeek.get();
        Long manager = mineOnly.get() ? userId : null;
        executor.submit(p -> {
            misses.sweep();
            if (week) {
                List<MissedCall> all = misses.since(misses.clock().instant().minus(Duration.ofDays(7)));
                return manager == null ? all : all.stream().filter(m -> manager.equals(m.managerId())).toList();
            }
            return misses.unresolved(manager);
        }, list -> {
            rows.setAll(list);
            long escalated = list.stream().filter(m -> m.state() == MissedCallState.ESCALATED).count();
            message.set(i18n.format("call.missed.count", list.size(), escalated));
        }, e -> message.set(i18n.message(e)));
    }
}
