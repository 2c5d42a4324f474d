package org.deskcrm.persistence;

import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.call.MissedCall;
import org.deskcrm.persistence.totals.CallTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.MISSED_CALL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_LIST_ENTRY;
import static org.deskcrm.persistence.jooq.Tables.TEAM;

/** Missed-call control: one row per missed incoming call, closed by the call that returned it. */
public class MissedCallRepository {
    private static final int CHUNK = 500;
    private static final int BATCH = 1_000;
    private static final String OPEN_INSERT = "INSERT INTO missed_call (call_id, manager_id, due_at, notified_at)"
            + " VALUES (?, ?, ?, ?)";
    private static final String RESOLVE_UPDATE = "UPDATE missed_call SET resolved_at = ?, resolved_by_call_id = ?,"
            + " version = version + 1 WHERE call_id = ? AND resolved_at IS NULL";

    private final DSLContext dsl;
    private final CallTotals totals;

    public MissedCallRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new CallTotals(db.dsl());
    }

    /** Opens control of a missed call; false when the call is already under control. */
    public boolean open(long callId, Long managerId, Instant dueAt, Instant notifiedAt) {
        if (dsl.fetchExists(MISSED_CALL, MISSED_CALL.CALL_ID.eq(callId))) {
            return false;
        }
        dsl.insertInto(MISSED_CALL)
                .set(MISSED_CALL.CALL_ID, callId)
                .set(MISSED_CALL.MANAGER_ID, managerId)
                .set(MISSED_CALL.DUE_AT, odt(dueAt))
                .set(MISSED_CALL.NOTIFIED_AT, odt(notifiedAt))
                .execute();
        return true;
    }

    /** A miss to put under control: the call, the manager to tell, the end of its window, when told. */
    public record Opening(long callId, Long managerId, Instant dueAt, Instant notifiedAt) {
    }

    /**
     * {@link #open} for many calls: one look-up per {@value #CHUNK} calls, then JDBC batches of one
     * prepared INSERT. Returns the ids of the calls put under control (those not under control yet).
     */
    public Set<Long> openAll(List<Opening> openings) {
        Set<Long> already = controlled(openings.stream().map(Opening::callId).toList());
        List<Opening> fresh = new ArrayList<>();
        Set<Long> opened = new LinkedHashSet<>();
        for (Opening o : openings) {
            if (!already.contains(o.callId()) && opened.add(o.callId())) {
                fresh.add(o);
            }
        }
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(OPEN_INSERT)) {
                for (int from = 0; from < fresh.size(); from += BATCH) {
                    for (Opening o : fresh.subList(from, Math.min(fresh.size(), from + BATCH))) {
                        ps.setLong(1, o.callId());
                        Jdbc.setLong(ps, 2, o.managerId());
                        ps.setObject(3, odt(o.dueAt()));
                        ps.setObject(4, odt(o.notifiedAt()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        });
        return opened;
    }

    /** Which of these calls are under control already. */
    private Set<Long> controlled(Collection<Long> callIds) {
        Set<Long> found = new HashSet<>();
        List<Long> all = List.copyOf(callIds);
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(dsl.select(MISSED_CALL.CALL_ID).from(MISSED_CALL)
                    .where(MISSED_CALL.CALL_ID.in(all.subList(i, Math.min(all.size(), i + CHUNK))))
                    .fetch(MISSED_CALL.CALL_ID));
        }
        return found;
    }

    /** Which of these calls are misses still open (under control and not returned). */
    public Set<Long> stillOpen(Collection<Long> callIds) {
        Set<Long> found = new HashSet<>();
        List<Long> all = List.copyOf(new LinkedHashSet<>(callIds));
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(dsl.select(MISSED_CALL.CALL_ID).from(MISSED_CALL)
                    .where(MISSED_CALL.CALL_ID.in(all.subList(i, Math.min(all.size(), i + CHUNK)))
                            .and(MISSED_CALL.RESOLVED_AT.isNull()))
                    .fetch(MISSED_CALL.CALL_ID));
        }
        return found;
    }

    public Optional<MissedCall> find(long callId) {
        return select(MISSED_CALL.CALL_ID.eq(callId)).stream().findFirst();
    }

    /** Open (not returned) misses, oldest first; {@code managerId} null = everybody's. */
    public List<MissedCall> unresolved(Long managerId) {
        Condition c = MISSED_CALL.RESOLVED_AT.isNull();
        if (managerId != null) {
            c = c.and(MISSED_CALL.MANAGER_ID.eq(managerId));
        }
        return select(c);
    }

    /** Open (not returned) misses of these numbers, oldest first within each chunk of numbers. */
    public List<MissedCall> unresolvedOf(java.util.Collection<String> phoneNorms) {
        List<MissedCall> out = new java.util.ArrayList<>();
        List<String> all = List.copyOf(phoneNorms);
        for (int i = 0; i < all.size(); i += 500) {
            // the missed calls of the numbers first (by the number index), then their open misses by key: one
            // join driven from the open misses would make H2 walk every open miss for each chunk
            List<Long> calls = dsl.select(PHONE_CALL.ID).from(PHONE_CALL)
                    .where(PHONE_CALL.PHONE_NORM.in(all.subList(i, Math.min(all.size(), i + 500)))
                            .and(PHONE_CALL.DIRECTION.eq(CallDirection.IN.code()))
                            .and(PHONE_CALL.STATUS_CODE.eq(CallStatus.MISSED.code())))
                    .fetch(PHONE_CALL.ID);
            for (int k = 0; k < calls.size(); k += CHUNK) {
                out.addAll(select(MISSED_CALL.RESOLVED_AT.isNull()
                        .and(MISSED_CALL.CALL_ID.in(calls.subList(k, Math.min(calls.size(), k + CHUNK))))));
            }
        }
        return out;
    }

    /** Open misses whose callback window ended at or before {@code now} (escalated or not). */
    public List<MissedCall> overdue(Instant now) {
        return select(MISSED_CALL.RESOLVED_AT.isNull().and(MISSED_CALL.DUE_AT.le(odt(now))));
    }

    public int overdueCount(Instant now) {
        return overdueCount(now, null, org.deskcrm.model.user.AccessScope.all());
    }

    /**
     * {@link #overdue} counted in the database, of one manager (null: any) among the managers {@code scope} sees:
     * the dashboard's tile, which listed every overdue miss of the company to count them (0.6–0.8 s at 1 M calls).
     */
    public int overdueCount(Instant now, Long managerId, org.deskcrm.model.user.AccessScope scope) {
        Condition c = MISSED_CALL.RESOLVED_AT.isNull().and(MISSED_CALL.DUE_AT.le(odt(now)))
                .and(Visibility.owned(MISSED_CALL.MANAGER_ID, scope));
        return dsl.fetchCount(MISSED_CALL, managerId == null ? c : c.and(MISSED_CALL.MANAGER_ID.eq(managerId)));
    }

    /** Open, not yet escalated misses whose window ended at or before {@code now}. */
    public List<MissedCall> toEscalate(Instant now) {
        return select(MISSED_CALL.RESOLVED_AT.isNull().and(MISSED_CALL.ESCALATED_AT.isNull())
                .and(MISSED_CALL.DUE_AT.le(odt(now))));
    }

    /**
     * Open misses nobody was told about yet (put under control by a process without a window), still
     * inside their callback window at {@code now}.
     */
    public List<MissedCall> undelivered(Instant now) {
        return select(MISSED_CALL.RESOLVED_AT.isNull().and(MISSED_CALL.NOTIFIED_AT.isNull())
                .and(MISSED_CALL.ESCALATED_AT.isNull()).and(MISSED_CALL.DUE_AT.gt(odt(now))));
    }

    /** Claims the delivery of a miss's notification: false when another process claimed it first. */
    public boolean markNotified(long callId, Instant at) {
        return dsl.update(MISSED_CALL).set(MISSED_CALL.NOTIFIED_AT, odt(at))
                .set(MISSED_CALL.VERSION, MISSED_CALL.VERSION.plus(1))
                .where(MISSED_CALL.CALL_ID.eq(callId).and(MISSED_CALL.NOTIFIED_AT.isNull()))
                .execute() == 1;
    }

    /** Misses of the last period, returned or not, newest first. */
    public List<MissedCall> since(Instant from) {
        return select(PHONE_CALL.STARTED_AT.ge(odt(from)));
    }

    private List<MissedCall> select(Condition c) {
        var manager = APP_USER.as("mgr");
        return dsl.select(MISSED_CALL.asterisk(), PHONE_CALL.PHONE_RAW, PHONE_CALL.PHONE_NORM, PHONE_CALL.CLIENT_ID,
                        PHONE_CALL.STARTED_AT, CLIENT.NAME, manager.FULL_NAME)
                .from(MISSED_CALL)
                .join(PHONE_CALL).on(PHONE_CALL.ID.eq(MISSED_CALL.CALL_ID))
                .leftJoin(CLIENT).on(CLIENT.ID.eq(PHONE_CALL.CLIENT_ID))
                .leftJoin(manager).on(manager.ID.eq(MISSED_CALL.MANAGER_ID))
                .where(c)
                .orderBy(PHONE_CALL.STARTED_AT, MISSED_CALL.CALL_ID)
                .fetch(r -> map(r, manager.FULL_NAME));
    }

    private static MissedCall map(Record r, org.jooq.Field<String> managerName) {
        return new MissedCall(r.get(MISSED_CALL.CALL_ID), r.get(PHONE_CALL.PHONE_RAW), r.get(PHONE_CALL.PHONE_NORM),
                r.get(PHONE_CALL.CLIENT_ID), r.get(CLIENT.NAME), r.get(MISSED_CALL.MANAGER_ID), r.get(managerName),
                instant(r.get(PHONE_CALL.STARTED_AT)), instant(r.get(MISSED_CALL.DUE_AT)),
                instant(r.get(MISSED_CALL.NOTIFIED_AT)), instant(r.get(MISSED_CALL.ESCALATED_AT)),
                instant(r.get(MISSED_CALL.RESOLVED_AT)), r.get(MISSED_CALL.RESOLVED_BY_CALL_ID));
    }

    /**
     * The first call that returns a miss of this number made at {@code missedAt}: an outgoing call to
     * it, or an answered incoming call from it, started after the miss.
     */
    public Optional<CallAt> firstCallback(String phoneNorm, Instant missedAt) {
        return dsl.select(PHONE_CALL.ID, PHONE_CALL.STARTED_AT).from(PHONE_CALL)
                .where(PHONE_CALL.PHONE_NORM.eq(phoneNorm)
                        .and(PHONE_CALL.STARTED_AT.gt(odt(missedAt)))
                        .and(callback()))
                .orderBy(PHONE_CALL.STARTED_AT, PHONE_CALL.ID)
                .limit(1)
                .fetchOptional(r -> new CallAt(r.value1(), instant(r.value2())));
    }

    /**
     * {@link #firstCallback} for many misses at once: the callbacks of their numbers are read once
     * ({@value #CHUNK} numbers a query) and each miss gets the first one after it. Returns miss call id → its callback, for the misses that have one.
     */
    public Map<Long, CallAt> firstCallbacks(Collection<MissedCall> missed) {
        Map<String, List<MissedCall>> byPhone = new HashMap<>();
        for (MissedCall m : missed) {
            byPhone.computeIfAbsent(m.phoneNorm(), k -> new ArrayList<>()).add(m);
        }
        List<String> phones = List.copyOf(byPhone.keySet());
        Map<Long, CallAt> found = new HashMap<>();
        for (int i = 0; i < phones.size(); i += CHUNK) {
            List<String> part = phones.subList(i, Math.min(phones.size(), i + CHUNK));
            Map<String, List<CallAt>> callbacks = new HashMap<>();
            // by number only: a bound start range may lead H2 to scan the table by start instead
            dsl.select(PHONE_CALL.PHONE_NORM, PHONE_CALL.ID, PHONE_CALL.STARTED_AT).from(PHONE_CALL)
                    .where(PHONE_CALL.PHONE_NORM.in(part).and(callback()))
                    .orderBy(PHONE_CALL.PHONE_NORM, PHONE_CALL.STARTED_AT, PHONE_CALL.ID)
                    .forEach(r -> callbacks.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(new CallAt(r.value2(), instant(r.value3()))));
            for (String phone : part) {
                List<CallAt> list = callbacks.getOrDefault(phone, List.of());
                for (MissedCall m : byPhone.get(phone)) {
                    CallAt first = firstAfter(list, m.startedAt());
                    if (first != null) {
                        found.put(m.callId(), first);
                    }
                }
            }
        }
        return found;
    }

    /** The first call of a list sorted by start (then id) that started strictly after {@code at}. */
    private static CallAt firstAfter(List<CallAt> sorted, Instant at) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).startedAt().isAfter(at)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < sorted.size() ? sorted.get(lo) : null;
    }

    private static Condition callback() {
        return PHONE_CALL.DIRECTION.eq(CallDirection.OUT.code())
                .or(PHONE_CALL.DIRECTION.eq(CallDirection.IN.code())
                        .and(PHONE_CALL.STATUS_CODE.eq(CallStatus.ANSWERED.code())));
    }

    /** {@link #resolve} for many misses: miss call id → the call that returned it, in JDBC batches. */
    /** Closes the misses (call id → the call that returned it); the call totals count them as returned. */
    public void resolveAll(Map<Long, CallAt> callbacks) {
        if (callbacks.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, CallAt>> all = List.copyOf(callbacks.entrySet());
        totals.around(CallTotals.Reach.calls(callbacks.keySet()), () -> dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(RESOLVE_UPDATE)) {
                for (int from = 0; from < all.size(); from += BATCH) {
                    for (Map.Entry<Long, CallAt> e : all.subList(from, Math.min(all.size(), from + BATCH))) {
                        ps.setObject(1, odt(e.getValue().startedAt()));
                        ps.setLong(2, e.getValue().callId());
                        ps.setLong(3, e.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }));
    }

    /** A call's id and start. */
    public record CallAt(long callId, Instant startedAt) {
    }

    public void resolve(long callId, Long byCallId, Instant at) {
        totals.around(CallTotals.Reach.calls(List.of(callId)), () -> dsl.update(MISSED_CALL)
                .set(MISSED_CALL.RESOLVED_AT, odt(at))
                .set(MISSED_CALL.RESOLVED_BY_CALL_ID, byCallId)
                .set(MISSED_CALL.VERSION, MISSED_CALL.VERSION.plus(1))
                .where(MISSED_CALL.CALL_ID.eq(callId).and(MISSED_CALL.RESOLVED_AT.isNull()))
                .execute());
    }

    public void markEscalated(long callId, Instant at) {
        dsl.update(MISSED_CALL)
                .set(MISSED_CALL.ESCALATED_AT, odt(at))
                .set(MISSED_CALL.VERSION, MISSED_CALL.VERSION.plus(1))
                .where(MISSED_CALL.CALL_ID.eq(callId).and(MISSED_CALL.ESCALATED_AT.isNull()))
                .execute();
    }

    /** Re-assigns the open misses of a number (after it was attached to a card). */
    public int reassignOpen(String phoneNorm, Long managerId) {
        return dsl.update(MISSED_CALL)
                .set(MISSED_CALL.MANAGER_ID, managerId)
                .where(MISSED_CALL.RESOLVED_AT.isNull().and(MISSED_CALL.CALL_ID.in(
                        DSL.select(PHONE_CALL.ID).from(PHONE_CALL).where(PHONE_CALL.PHONE_NORM.eq(phoneNorm)))))
                .execute();
    }

    /** Closes every open miss of a number without a callback (the number was put on a list). */
    public int closeAll(String phoneNorm, Instant at) {
        Condition open = MISSED_CALL.RESOLVED_AT.isNull().and(MISSED_CALL.CALL_ID.in(
                DSL.select(PHONE_CALL.ID).from(PHONE_CALL).where(PHONE_CALL.PHONE_NORM.eq(phoneNorm))));
        List<Long> ids = dsl.select(MISSED_CALL.CALL_ID).from(MISSED_CALL).where(open).fetch(MISSED_CALL.CALL_ID);
        if (ids.isEmpty()) {
            return 0;
        }
        return totals.around(CallTotals.Reach.calls(ids), () -> dsl.update(MISSED_CALL)
                .set(MISSED_CALL.RESOLVED_AT, odt(at))
                .set(MISSED_CALL.VERSION, MISSED_CALL.VERSION.plus(1))
                .where(MISSED_CALL.CALL_ID.in(ids)).and(MISSED_CALL.RESOLVED_AT.isNull())
                .execute());
    }

    /** A missed incoming call that has no control row yet (logged by another path, e.g. demo data). */
    public record Uncontrolled(long callId, String phoneNorm, Instant startedAt, Long managerId) {
    }

    /**
     * Missed incoming calls with a number, not on a phone list, that are not under control; the
     * manager is the client's owner, else the user the call rang.
     */
    public List<Uncontrolled> uncontrolled() {
        return dsl.select(PHONE_CALL.ID, PHONE_CALL.PHONE_NORM, PHONE_CALL.STARTED_AT,
                        DSL.coalesce(CLIENT.OWNER_ID, PHONE_CALL.USER_ID))
                .from(PHONE_CALL).leftJoin(CLIENT).on(CLIENT.ID.eq(PHONE_CALL.CLIENT_ID))
                .where(PHONE_CALL.DIRECTION.eq(CallDirection.IN.code())
                        .and(PHONE_CALL.STATUS_CODE.eq(CallStatus.MISSED.code()))
                        .and(PHONE_CALL.PHONE_NORM.ne(""))
                        .and(DSL.notExists(DSL.selectOne().from(MISSED_CALL)
                                .where(MISSED_CALL.CALL_ID.eq(PHONE_CALL.ID))))
                        .and(DSL.notExists(DSL.selectOne().from(PHONE_LIST_ENTRY)
                                .where(PHONE_LIST_ENTRY.PHONE_NORM.eq(PHONE_CALL.PHONE_NORM)))))
                .orderBy(PHONE_CALL.STARTED_AT, PHONE_CALL.ID)
                .fetch(r -> new Uncontrolled(r.value1(), r.value2(), instant(r.value3()), r.value4()));
    }

    /**
     * Who is told when a miss of this manager is escalated: the supervisor of the manager's team, or
     * (no team, no supervisor, no manager) every active supervisor; without any supervisor, the
     * administrators (somebody is always told).
     */
    public List<Long> supervisorsOf(Long managerId) {
        if (managerId != null) {
            Long sup = dsl.select(TEAM.SUPERVISOR_ID).from(APP_USER).join(TEAM).on(TEAM.ID.eq(APP_USER.TEAM_ID))
                    .where(APP_USER.ID.eq(managerId)).fetchOne(TEAM.SUPERVISOR_ID);
            if (sup != null) {
                return List.of(sup);
            }
        }
        List<Long> supervisors = activeWithRole("supervisor");
        return supervisors.isEmpty() ? activeWithRole("admin") : supervisors;
    }

    /** True when the user is an administrator (sees everybody's notifications). */
    public boolean isAdmin(long userId) {
        return dsl.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.ROLE_CODE.eq("admin")));
    }

    private List<Long> activeWithRole(String role) {
        return dsl.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.ROLE_CODE.eq(role).and(APP_USER.ACTIVE.isTrue()))
                .orderBy(APP_USER.ID).fetch(APP_USER.ID);
    }
}
