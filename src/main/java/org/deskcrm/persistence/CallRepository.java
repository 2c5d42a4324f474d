package org.deskcrm.persistence;

import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.persistence.jooq.tables.records.PhoneCallRecord;
import org.deskcrm.persistence.totals.CallTotals;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.InsertSetStep;

import java.util.List;
import java.util.Optional;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/** The call log. Inserting a call with a known external key is a no-op (idempotent PBX import). */
public class CallRepository {
    private final DSLContext dsl;
    private final CallTotals totals;

    public CallRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new CallTotals(db.dsl());
    }

    static Call map(PhoneCallRecord r) {
        return new Call(r.getId(), CallDirection.ofCode(r.getDirection()), CallStatus.ofCode(r.getStatusCode()),
                instant(r.getStartedAt()), r.getDurationSec(), r.getPhoneRaw(), r.getPhoneNorm(), r.getClientId(),
                r.getContactId(), r.getUserId(), r.getResultNote(), r.getRecordingUrl(), r.getExternalKey());
    }

    /**
     * Inserts the call and returns its id; empty when a call with the same external key exists. The call totals
     * take the call and its caller's neighbours (their first-call figures) in the same transaction.
     */
    public Optional<Long> insert(Call c) {
        return totals.around(CallTotals.Reach.caller(c.clientId(), c.phoneNorm(), c.startedAt(), c.startedAt()), () -> {
            DSLContext tx = dsl;
            if (c.externalKey() != null
                    && tx.fetchExists(PHONE_CALL, PHONE_CALL.EXTERNAL_KEY.eq(c.externalKey()))) {
                return Optional.<Long>empty();
            }
            return Optional.of(values(tx.insertInto(PHONE_CALL), c)
                    .returning(PHONE_CALL.ID).fetchOne(PHONE_CALL.ID));
        });
    }

    /** The columns of a call row, shared by the single insert and the import's batch insert. */
    static InsertSetMoreStep<PhoneCallRecord> values(InsertSetStep<PhoneCallRecord> insert, Call c) {
        return insert
                .set(PHONE_CALL.DIRECTION, c.direction().code())
                .set(PHONE_CALL.STATUS_CODE, c.status().code())
                .set(PHONE_CALL.STARTED_AT, odt(c.startedAt()))
                .set(PHONE_CALL.DURATION_SEC, c.durationSec())
                .set(PHONE_CALL.PHONE_RAW, c.phoneRaw())
                .set(PHONE_CALL.PHONE_NORM, c.phoneNorm())
                .set(PHONE_CALL.CLIENT_ID, c.clientId())
                .set(PHONE_CALL.CONTACT_ID, c.contactId())
                .set(PHONE_CALL.USER_ID, c.userId())
                .set(PHONE_CALL.RESULT_NOTE, c.resultNote())
                .set(PHONE_CALL.RECORDING_URL, c.recordingUrl())
                .set(PHONE_CALL.EXTERNAL_KEY, c.externalKey());
    }

    public List<Call> byClient(long clientId, int limit) {
        return dsl.selectFrom(PHONE_CALL).where(PHONE_CALL.CLIENT_ID.eq(clientId))
                .orderBy(PHONE_CALL.STARTED_AT.desc(), PHONE_CALL.ID.desc()).limit(limit).fetch(CallRepository::map);
    }

    public List<Call> byPhone(String phoneNorm, int limit) {
        return dsl.selectFrom(PHONE_CALL).where(PHONE_CALL.PHONE_NORM.eq(phoneNorm))
                .orderBy(PHONE_CALL.STARTED_AT.desc(), PHONE_CALL.ID.desc()).limit(limit).fetch(CallRepository::map);
    }
}
