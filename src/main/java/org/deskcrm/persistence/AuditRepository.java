package org.deskcrm.persistence;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.AUDIT_EVENT;

/** The append-only event feed. */
public class AuditRepository {
    private static final int MAX = 4000;
    private final DSLContext dsl;

    public AuditRepository(Database db) {
        this.dsl = db.dsl();
    }

    public void append(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(AUDIT_EVENT, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.USER_ID, AUDIT_EVENT.ACTION,
                AUDIT_EVENT.ENTITY, AUDIT_EVENT.ENTITY_ID, AUDIT_EVENT.FIELD_NAME, AUDIT_EVENT.OLD_VALUE,
                AUDIT_EVENT.NEW_VALUE, AUDIT_EVENT.DETAILS);
        for (AuditEvent e : events) {
            insert = insert.values(odt(e.occurredAt()), e.userId(), e.action().code(), e.entity(), e.entityId(),
                    e.field(), cut(e.oldValue()), cut(e.newValue()), cut(e.details()));
        }
        insert.execute();
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
    }

    /** Events of one record, newest first. */
    public List<AuditEvent> forRecord(String entity, long id, int limit) {
        return dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY.eq(entity).and(AUDIT_EVENT.ENTITY_ID.eq(id)))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc()).limit(limit)
                .fetch(r -> new AuditEvent(r.getId(), instant(r.getOccurredAt()), r.getUserId(),
                        AuditAction.ofCode(r.getAction()), r.getEntity(), r.getEntityId(), r.getFieldName(),
                        r.getOldValue(), r.getNewValue(), r.getDetails()));
    }

    /** The feed between two instants, newest first. */
    public List<AuditEvent> between(Instant from, Instant to, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.OCCURRED_AT.ge(odt(from)).and(AUDIT_EVENT.OCCURRED_AT.lt(odt(to))))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc()).limit(limit)
                .fetch(r -> new AuditEvent(r.getId(), instant(r.getOccurredAt()), r.getUserId(),
                        AuditAction.ofCode(r.getAction()), r.getEntity(), r.getEntityId(), r.getFieldName(),
                        r.getOldValue(), r.getNewValue(), r.getDetails()));
    }
}
