package org.deskcrm.model.control;

/** The supervisor's red flags; each is a count on the dashboard and the list behind it. */
public enum ControlIndicator {
    DEALS_WITHOUT_TASK,
    OVERDUE_TASKS,
    UNRETURNED_MISSED_CALLS,
    STUCK_DEALS,
    BADLY_FILLED_CLIENTS,
    FORGOTTEN_CLIENTS,
    SUSPECTED_DUPLICATES;

    /** The key suffix of its texts ("control.indicator.overdue_tasks"...). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
