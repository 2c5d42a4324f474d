package org.deskcrm.model.call;

import java.time.Instant;

/**
 * A missed incoming call under control: the manager to call back ({@code managerId}), the deadline
 * ({@code dueAt}), when the manager was notified, when it was escalated, and the call that returned it.
 */
public record MissedCall(long callId, String phoneRaw, String phoneNorm, Long clientId, String clientName,
                         Long managerId, String managerName, Instant startedAt, Instant dueAt, Instant notifiedAt,
                         Instant escalatedAt, Instant resolvedAt, Long resolvedByCallId) {

    public MissedCallState state() {
        if (resolvedAt != null) {
            return resolvedAt.isAfter(dueAt) ? MissedCallState.RETURNED_LATE : MissedCallState.RETURNED;
        }
        return escalatedAt != null ? MissedCallState.ESCALATED : MissedCallState.OPEN;
    }

    /** Not returned and the callback window is over at {@code now}. */
    public boolean isOverdue(Instant now) {
        return resolvedAt == null && !now.isBefore(dueAt);
    }
}
