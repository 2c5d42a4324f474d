package org.deskcrm.model.call;

/**
 * Where a missed incoming call stands: waiting for a callback within the window, escalated to the
 * supervisor, or returned (in time or late).
 */
public enum MissedCallState {
    OPEN, ESCALATED, RETURNED, RETURNED_LATE
}
