package org.deskcrm.model.audit;

import java.time.Instant;

/** One line of the event feed: who did what to which record, and the old → new value of a field. */
public record AuditEvent(Long id, Instant occurredAt, Long userId, AuditAction action, String entity,
                         Long entityId, String field, String oldValue, String newValue, String details) {

    public static AuditEvent of(Instant at, Long userId, AuditAction action, String entity, Long entityId) {
        return new AuditEvent(null, at, userId, action, entity, entityId, null, null, null, null);
    }

    public AuditEvent withChange(String fieldName, String oldV, String newV) {
        return new AuditEvent(id, occurredAt, userId, action, entity, entityId, fieldName, oldV, newV, details);
    }

    public AuditEvent withDetails(String text) {
        return new AuditEvent(id, occurredAt, userId, action, entity, entityId, field, oldValue, newValue, text);
    }
}
