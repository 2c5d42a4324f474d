package org.deskcrm.model.report;

import java.util.Locale;

/** What a goal measures (codes of the goal_metric table). */
public enum GoalMetric {
    REVENUE, WON_DEALS, NEW_CLIENTS, CALLS, MEETINGS, PROPOSALS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GoalMetric ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
