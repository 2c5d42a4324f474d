package org.deskcrm.persistence;

import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.call.PhoneListEntry;
import org.deskcrm.model.call.PhoneListKind;
import org.deskcrm.model.call.UnknownNumber;
import org.deskcrm.persistence.totals.CallTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_LIST_ENTRY;

/**
 * The call log as lists: filtered log rows, matching numbers to cards, the unknown-numbers list and
 * the phone lists (blacklist, job seekers, personal, spam). Inserting calls stays in {@link CallRepository}.
 */
public class CallLogRepository {
    /** The client (and contact, when the number is a contact's) a normalized number belongs to. */
    public record PhoneMatch(long clientId, Long contactId, Long ownerId) {
    }

    private static final List<String> PHONE_KINDS = List.of("phone", "whatsapp");
    private static final int CHUNK = 500;
    private static final int BATCH = 1_000;
    private static final String CALL_INSERT = "INSERT INTO phone_call (direction, status_code, started_at, duration_sec,"
            + " phone_raw, phone_norm, client_id, contact_id, user_id, result_note, recording_url, external_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DSLContext dsl;
    private final CallTotals totals;

    public CallLogRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new CallTotals(db.dsl());
    }

    // ------------------------------------------------------------------ log

    public List<CallRow> list(CallFilter f, int limit) {
        return list(f, limit, AccessScope.all());
    }

    /** The calls {@code scope} sees matching the filter, newest first. */
    public List<CallRow> list(CallFilter f, int limit, AccessScope scope) {
        return select(dsl, f, scope).limit(limit).fetch(CallLogRepository::mapRow);
    }

    /**
     * The next page of the log: calls {@code scope} sees matching the filter that come after the row
     * ({@code afterStartedAt}, {@code afterId}) in newest-first order (keyset paging; null for the first page).
     */
    public List<CallRow> page(CallFilter f, Instant afterStartedAt, Long afterId, int limit, AccessScope scope) {
        Condition after = afterStartedAt == null ? DSL.noCondition()
                : DSL.row(PHONE_CALL.STARTED_AT, PHONE_CALL.ID).lt(odt(afterStartedAt), afterId);
        return dsl.select(PHONE_CALL.asterisk(), CLIENT.NAME, APP_USER.FULL_NAME)
                .from(PHONE_CALL)
                .leftJoin(CLIENT).on(CLIENT.ID.eq(PHONE_CALL.CLIENT_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(PHONE_CALL.USER_ID))
                .where(conditions(f)).and(Visibility.calls(scope)).and(after)
                .orderBy(PHONE_CALL.STARTED_AT.desc(), PHONE_CALL.ID.desc())
                .limit(limit).fetch(CallLogRepository::mapRow);
    }

    /** Every call {@code scope} sees matching the filter, newest first, handed to {@code sink} through a cursor (exports). */
    public long stream(CallFilter f, AccessScope scope, java.util.function.Consumer<? super CallRow> sink) {
        return CursorReader.read(dsl, d -> select(d, f, scope), CallLogRepository::mapRow, sink);
    }

    private static org.jooq.SelectLimitStep<Record> select(DSLContext d, CallFilter f, AccessScope scope) {
        return d.select(PHONE_CALL.asterisk(), CLIENT.NAME, APP_USER.FULL_NAME)
                .from(PHONE_CALL)
                .leftJoin(CLIENT).on(CLIENT.ID.eq(PHONE_CALL.CLIENT_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(PHONE_CALL.USER_ID))
                .where(conditions(f)).and(Visibility.calls(scope))
                .orderBy(PHONE_CALL.STARTED_AT.desc(), PHONE_CALL.ID.desc());
    }

    public int count(CallFilter f) {
        return count(f, AccessScope.all());
    }

    public int count(CallFilter f, AccessScope scope) {
        return dsl.fetchCount(PHONE_CALL, conditions(f).and(Visibility.calls(scope)));
    }

    public Optional<Call> find(long id) {
        return find(id, AccessScope.all());
    }

    /** The call if {@code scope} sees it. */
    public Optional<Call> find(long id, AccessScope scope) {
        return dsl.selectFrom(PHONE_CALL).where(PHONE_CALL.ID.eq(id)).and(Visibility.calls(scope))
                .fetchOptional(CallRepository::map);
    }

    private static CallRow mapRow(Record r) {
        return new CallRow(r.get(PHONE_CALL.ID), CallDirection.ofCode(r.get(PHONE_CALL.DIRECTION)),
                CallStatus.ofCode(r.get(PHONE_CALL.STATUS_CODE)), instant(r.get(PHONE_CALL.STARTED_AT)),
                r.get(PHONE_CALL.DURATION_SEC), r.get(PHONE_CALL.PHONE_RAW), r.get(PHONE_CALL.PHONE_NORM),
                r.get(PHONE_CALL.CLIENT_ID), r.get(CLIENT.NAME), r.get(PHONE_CALL.USER_ID),
                r.get(APP_USER.FULL_NAME), r.get(PHONE_CALL.RESULT_NOTE), r.get(PHONE_CALL.RECORDING_URL));
    }

    private static Condition conditions(CallFilter f) {
        Condition c = DSL.noCondition();
        if (f.from() != null) {
            c = c.and(PHONE_CALL.STARTED_AT.ge(odt(f.from())));
        }
        if (f.to() != null) {
            c = c.and(PHONE_CALL.STARTED_AT.lt(odt(f.to())));
        }
        if (f.direction() != null) {
            c = c.and(PHONE_CALL.DIRECTION.eq(f.direction().code()));
        }
        if (f.status() != null) {
            c = c.and(PHONE_CALL.STATUS_CODE.eq(f.status().code()));
        }
        if (f.userId() != null) {
            c = c.and(PHONE_CALL.USER_ID.eq(f.userId()));
        }
        if (f.clientId() != null) {
            c = c.and(PHONE_CALL.CLIENT_ID.eq(f.clientId()));
        }
        if (f.unmatchedOnly()) {
            c = c.and(PHONE_CALL.CLIENT_ID.isNull());
        }
        return c;
    }

    // ------------------------------------------------------------------ bulk import

    /** Which of these external keys are already in the log (checked 500 at a time). */
    public java.util.Set<String> existingKeys(java.util.Collection<String> keys) {
        java.util.Set<String> found = new java.util.HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += 500) {
            found.addAll(dsl.select(PHONE_CALL.EXTERNAL_KEY).from(PHONE_CALL)
                    .where(PHONE_CALL.EXTERNAL_KEY.in(all.subList(i, Math.min(all.size(), i + 500))))
                    .fetch(PHONE_CALL.EXTERNAL_KEY));
        }
        return found;
    }

    /** The ids of the calls with these external keys (500 keys a query). */
    public java.util.Map<String, Long> idsByKey(java.util.Collection<String> keys) {
        java.util.Map<String, Long> found = new java.util.HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += 500) {
            dsl.select(PHONE_CALL.EXTERNAL_KEY, PHONE_CALL.ID).from(PHONE_CALL)
                    .where(PHONE_CALL.EXTERNAL_KEY.in(all.subList(i, Math.min(all.size(), i + 500))))
                    .forEach(r -> found.put(r.value1(), r.value2()));
        }
        return found;
    }

    /**
     * Inserts calls as JDBC batches of one prepared INSERT ({@value #BATCH} rows a round trip) and returns
     * their ids in list order; the caller checked their keys are new.
     */
    public long[] insertBatch(List<Call> batch) {
        long[] ids = new long[batch.size()];
        if (batch.isEmpty()) {
            return ids;
        }
        Instant first = batch.stream().map(Call::startedAt).min(Instant::compareTo).orElseThrow();
        Instant last = batch.stream().map(Call::startedAt).max(Instant::compareTo).orElseThrow();
        totals.around(CallTotals.Reach.span(first, last), () -> dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(CALL_INSERT, new String[] {"id"})) {
                for (int from = 0; from < batch.size(); from += BATCH) {
                    int to = Math.min(batch.size(), from + BATCH);
                    for (int i = from; i < to; i++) {
                        bind(ps, batch.get(i));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    Jdbc.readIds(ps, ids, from, to);
                }
            }
        }));
        return ids;
    }

    private static void bind(PreparedStatement ps, Call c) throws SQLException {
        ps.setString(1, c.direction().code());
        ps.setString(2, c.status().code());
        ps.setObject(3, odt(c.startedAt()));
        ps.setInt(4, c.durationSec());
        ps.setString(5, c.phoneRaw());
        ps.setString(6, c.phoneNorm());
        Jdbc.setLong(ps, 7, c.clientId());
        Jdbc.setLong(ps, 8, c.contactId());
        Jdbc.setLong(ps, 9, c.userId());
        ps.setString(10, c.resultNote());
        ps.setString(11, c.recordingUrl());
        ps.setString(12, c.externalKey());
    }

    // ------------------------------------------------------------------ matching

    /**
     * The card a normalized phone belongs to: a phone or WhatsApp channel with exactly this value;
     * when several cards share it, the oldest card (lowest id) wins, so matching is deterministic.
     */
    public Optional<PhoneMatch> match(String phoneNorm) {
        if (phoneNorm == null || phoneNorm.isEmpty()) {
            return Optional.empty();
        }
        return dsl.select(CHANNEL.CLIENT_ID, CHANNEL.CONTACT_ID, CLIENT.OWNER_ID)
                .from(CHANNEL).join(CLIENT).on(CLIENT.ID.eq(CHANNEL.CLIENT_ID))
                .where(CHANNEL.VALUE_NORM.eq(phoneNorm).and(CHANNEL.KIND_CODE.in(PHONE_KINDS)))
                .orderBy(CHANNEL.CLIENT_ID, CHANNEL.CONTACT_ID.nullsFirst(), CHANNEL.ID)
                .limit(1)
                .fetchOptional(r -> new PhoneMatch(r.value1(), r.value2(), r.value3()));
    }

    /**
     * {@link #match} for many numbers at once ({@value #CHUNK} numbers a query): the card of each
     * number that has one; empty numbers are never matched.
     */
    public Map<String, PhoneMatch> matchAll(java.util.Collection<String> phoneNorms) {
        Map<String, PhoneMatch> found = new HashMap<>();
        List<String> all = phoneNorms.stream().filter(p -> p != null && !p.isEmpty()).distinct().toList();
        for (int i = 0; i < all.size(); i += CHUNK) {
            dsl.select(CHANNEL.VALUE_NORM, CHANNEL.CLIENT_ID, CHANNEL.CONTACT_ID, CLIENT.OWNER_ID)
                    .from(CHANNEL).join(CLIENT).on(CLIENT.ID.eq(CHANNEL.CLIENT_ID))
                    .where(CHANNEL.VALUE_NORM.in(all.subList(i, Math.min(all.size(), i + CHUNK)))
                            .and(CHANNEL.KIND_CODE.in(PHONE_KINDS)))
                    .orderBy(CHANNEL.CLIENT_ID, CHANNEL.CONTACT_ID.nullsFirst(), CHANNEL.ID)
                    .forEach(r -> found.putIfAbsent(r.value1(), new PhoneMatch(r.value2(), r.value3(), r.value4())));
        }
        return found;
    }

    /**
     * Links every unmatched call of this number to the client; returns how many calls were linked. The calls move
     * from the number's caller to the card's, so the call totals recount both callers over the calls' span.
     */
    public int linkCalls(String phoneNorm, long clientId, Long contactId) {
        Condition unmatched = PHONE_CALL.PHONE_NORM.eq(phoneNorm).and(PHONE_CALL.CLIENT_ID.isNull());
        Record span = dsl.select(DSL.min(PHONE_CALL.STARTED_AT), DSL.max(PHONE_CALL.STARTED_AT)).from(PHONE_CALL)
                .where(unmatched).fetchOne();
        if (span == null || span.get(0) == null) {
            return 0;
        }
        Instant from = instant((java.time.OffsetDateTime) span.get(0));
        Instant to = instant((java.time.OffsetDateTime) span.get(1));
        return totals.around(CallTotals.Reach.caller(null, phoneNorm, from, to)
                .and(CallTotals.Reach.caller(clientId, null, from, to)), () -> dsl.update(PHONE_CALL)
                .set(PHONE_CALL.CLIENT_ID, clientId)
                .set(PHONE_CALL.CONTACT_ID, contactId)
                .where(unmatched)
                .execute());
    }

    /** Internal extensions of users (their {@code phone} field, digits only) mapped to user ids. */
    public Map<String, Long> usersByExtension() {
        Map<String, Long> m = new HashMap<>();
        dsl.select(APP_USER.ID, APP_USER.PHONE).from(APP_USER).where(APP_USER.PHONE.isNotNull())
                .forEach(r -> {
                    String digits = r.value2().replaceAll("\\D", "");
                    if (!digits.isEmpty()) {
                        m.putIfAbsent(digits, r.value1());
                    }
                });
        return m;
    }

    // ------------------------------------------------------------------ unknown numbers and lists

    private Condition unknown() {
        return PHONE_CALL.CLIENT_ID.isNull()
                .and(PHONE_CALL.DIRECTION.ne(CallDirection.INTERNAL.code()))
                .and(PHONE_CALL.PHONE_NORM.ne(""))
                .and(DSL.notExists(DSL.selectOne().from(PHONE_LIST_ENTRY)
                        .where(PHONE_LIST_ENTRY.PHONE_NORM.eq(PHONE_CALL.PHONE_NORM))))
                .and(DSL.notExists(DSL.selectOne().from(CHANNEL)
                        .where(CHANNEL.VALUE_NORM.eq(PHONE_CALL.PHONE_NORM).and(CHANNEL.KIND_CODE.in(PHONE_KINDS)))));
    }

    /**
     * Numbers with calls but no card and no list, most recent first: how many calls, how many of
     * them missed, and the last one.
     */
    public List<UnknownNumber> unknownNumbers(int limit) {
        Field<Integer> calls = DSL.count().as("calls");
        Field<Integer> missed = DSL.count().filterWhere(PHONE_CALL.STATUS_CODE.eq(CallStatus.MISSED.code()))
                .as("missed");
        Field<java.time.OffsetDateTime> last = DSL.max(PHONE_CALL.STARTED_AT).as("last_at");
        Field<String> raw = DSL.max(PHONE_CALL.PHONE_RAW).as("raw");
        return dsl.select(PHONE_CALL.PHONE_NORM, raw, calls, missed, last)
                .from(PHONE_CALL)
                .where(unknown())
                .groupBy(PHONE_CALL.PHONE_NORM)
                .orderBy(last.desc(), PHONE_CALL.PHONE_NORM)
                .limit(limit)
                .fetch(r -> new UnknownNumber(r.value1(), r.value2(), r.value3(), r.value4(), instant(r.value5())));
    }

    public int unknownNumberCount() {
        return dsl.fetchCount(dsl.selectDistinct(PHONE_CALL.PHONE_NORM).from(PHONE_CALL).where(unknown()));
    }

    public Optional<PhoneListKind> listOf(String phoneNorm) {
        return dsl.select(PHONE_LIST_ENTRY.LIST_CODE).from(PHONE_LIST_ENTRY)
                .where(PHONE_LIST_ENTRY.PHONE_NORM.eq(phoneNorm))
                .fetchOptional(r -> PhoneListKind.ofCode(r.value1()));
    }

    /** Which of these numbers are on a phone list ({@value #CHUNK} numbers a query). */
    public java.util.Set<String> listed(java.util.Collection<String> phoneNorms) {
        java.util.Set<String> found = new java.util.HashSet<>();
        List<String> all = List.copyOf(new java.util.HashSet<>(phoneNorms));
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(dsl.select(PHONE_LIST_ENTRY.PHONE_NORM).from(PHONE_LIST_ENTRY)
                    .where(PHONE_LIST_ENTRY.PHONE_NORM.in(all.subList(i, Math.min(all.size(), i + CHUNK))))
                    .fetch(PHONE_LIST_ENTRY.PHONE_NORM));
        }
        return found;
    }

    /** Puts a number on a list (moving it when it is on another one). */
    public void putOnList(PhoneListKind list, String phoneNorm, String phoneRaw, String note, Long userId,
                          Instant now) {
        int n = dsl.update(PHONE_LIST_ENTRY)
                .set(PHONE_LIST_ENTRY.LIST_CODE, list.code())
                .set(PHONE_LIST_ENTRY.NOTE, note)
                .set(PHONE_LIST_ENTRY.ADDED_BY, userId)
                .set(PHONE_LIST_ENTRY.ADDED_AT, odt(now))
                .set(PHONE_LIST_ENTRY.VERSION, PHONE_LIST_ENTRY.VERSION.plus(1))
                .where(PHONE_LIST_ENTRY.PHONE_NORM.eq(phoneNorm)).execute();
        if (n == 0) {
            dsl.insertInto(PHONE_LIST_ENTRY)
                    .set(PHONE_LIST_ENTRY.LIST_CODE, list.code())
                    .set(PHONE_LIST_ENTRY.PHONE_NORM, phoneNorm)
                    .set(PHONE_LIST_ENTRY.PHONE_RAW, phoneRaw)
                    .set(PHONE_LIST_ENTRY.NOTE, note)
                    .set(PHONE_LIST_ENTRY.ADDED_BY, userId)
                    .set(PHONE_LIST_ENTRY.ADDED_AT, odt(now))
                    .execute();
        }
    }

    public boolean removeFromList(String phoneNorm) {
        return dsl.deleteFrom(PHONE_LIST_ENTRY).where(PHONE_LIST_ENTRY.PHONE_NORM.eq(phoneNorm)).execute() > 0;
    }

    public List<PhoneListEntry> listEntries(PhoneListKind list) {
        Condition c = list == null ? DSL.noCondition() : PHONE_LIST_ENTRY.LIST_CODE.eq(list.code());
        return dsl.selectFrom(PHONE_LIST_ENTRY).where(c).orderBy(PHONE_LIST_ENTRY.ADDED_AT.desc(), PHONE_LIST_ENTRY.ID)
                .fetch(r -> new PhoneListEntry(r.getId(), PhoneListKind.ofCode(r.getListCode()), r.getPhoneNorm(),
                        r.getPhoneRaw(), r.getNote(), r.getAddedBy(), instant(r.getAddedAt())));
    }
}
