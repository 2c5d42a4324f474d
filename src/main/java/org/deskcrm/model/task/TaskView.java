package org.deskcrm.model.task;

/** The task lists: due today, due tomorrow, overdue, all, and the team's request queue. */
public enum TaskView {
    TODAY, TOMORROW, OVERDUE, ALL, REQUESTS
}
