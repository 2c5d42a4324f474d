package org.deskcrm.model.notify;

/** Why the app pops a message. */
public enum NotificationKind {
    /** A missed incoming call: the client's manager should call back within the window. */
    MISSED_CALL,
    /** Nobody returned a missed call within the window: the supervisor is told. */
    MISSED_CALL_ESCALATED,
    /** A task's reminder time has come. */
    TASK_REMINDER,
    /** A task is past its due time. */
    TASK_OVERDUE
}
