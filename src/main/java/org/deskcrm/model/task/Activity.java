package org.deskcrm.model.task;

import java.time.Instant;

/** A note, meeting, proposal sent or email on a client's timeline. */
public record Activity(Long id, ActivityKind kind, Long clientId, Long contactId, Long dealId, Long userId,
                       Instant occurredAt, String subject, String body) {
}
