package org.deskcrm.persistence.totals;

import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.jooq.tables.PhoneCall;
import org.deskcrm.persistence.jooq.tables.records.TotalsStateRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.types.DayToSecond;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.deskcrm.persistence.jooq.Tables.APP_SETTING;
import static org.deskcrm.persistence.jooq.Tables.CALL_TOTAL;
import static org.deskcrm.persistence.jooq.Tables.MISSED_CALL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.TOTALS_STATE;

/**
 * The stored totals of calls (docs/decisions/0018-call-totals.md), the same mechanism as {@link DealTotals}:
 * a call contributes to the row of its business day, user, direction and status (and to that month's row) its
 * count, its duration, whether it is a returned miss, a first call and a first call resolved at once (ADR
 * 0002). Whether a call is first or resolved depends on the calls of the same caller within the first-call
 * window around it, so a change reaches its caller's neighbours: {@link #around} reads the contributions of
 * every call a {@link Reach} selects before and after the change and adds the difference. The contributions
 * are one grouped query for a few calls and for all of them (a rebuild), so they cannot disagree. Writers are
 * serialized by a lock on the register's state row (a neighbour written by another transaction would be
 * missed otherwise). Nothing is kept while the totals were never built.
 */
public class CallTotals {
    /** The name of the call totals in {@code totals_state}. */
    public static final String REGISTER = "call";
    /** The setting of the first-call window in days (ADR 0002). */
    public static final String WINDOW_SETTING = "calls.fcr_days";
    public static final int DEFAULT_WINDOW_DAYS = 7;

    /** The key of a totals row: day (yyyymmdd) or month (yyyymm), user (0 = none), direction and status. */
    public record Key(int day, long userId, String direction, String status) {
        Key month() {
            return new Key(day / 100, userId, direction, status);
        }
    }

    /** The figures of a totals row. */
    public record Cell(long calls, long durationSec, long returned, long first, long resolved) {
        Cell plus(Cell o) {
            return new Cell(calls + o.calls, durationSec + o.durationSec, returned + o.returned, first + o.first,
                    resolved + o.resolved);
        }

        Cell negate() {
            return new Cell(-calls, -durationSec, -returned, -first, -resolved);
        }

        boolean zero() {
            return calls == 0 && durationSec == 0 && returned == 0 && first == 0 && resolved == 0;
        }
    }

    /** What the totals were cut by: the business zone and the first-call window. */
    public record Basis(ZoneId zone, int windowDays) {
    }

    /**
     * The calls whose figures a change can move: the calls it writes by id, and every call of the callers it
     * touches (client cards; numbers of calls matched to no card) that started within [from, to] widened by the
     * first-call window; with {@code anyCaller}, every call of that span. It must select, before and after the
     * change, every call written and every neighbour of one, so it names old and new callers and times.
     */
    public record Reach(Collection<Long> callIds, Collection<Long> clientIds, Collection<String> numbers,
                        Instant from, Instant to, boolean anyCaller) {
        /** Only these calls (a change that moves no call in time or to another caller: a miss returned). */
        public static Reach calls(Collection<Long> ids) {
            return new Reach(List.copyOf(ids), List.of(), List.of(), null, null, false);
        }

        /** The calls of a caller (a client card, else the number) around the instants from..to. */
        public static Reach caller(Long clientId, String number, Instant from, Instant to) {
            return clientId != null ? new Reach(List.of(), List.of(clientId), List.of(), from, to, false)
                    : new Reach(List.of(), List.of(), List.of(number), from, to, false);
        }

        /** Every call around the instants from..to (a batch of many callers: an import). */
        public static Reach span(Instant from, Instant to) {
            return new Reach(List.of(), List.of(), List.of(), from, to, true);
        }

        /** Both reaches (a call moved from one caller or time to another). */
        public Reach and(Reach o) {
            List<Long> ids = new ArrayList<>(callIds);
            ids.addAll(o.callIds);
            List<Long> clients = new ArrayList<>(clientIds);
            clients.addAll(o.clientIds);
            List<String> nums = new ArrayList<>(numbers);
            nums.addAll(o.numbers);
            Instant f = from == null ? o.from : o.from == null ? from : from.isBefore(o.from) ? from : o.from;
            Instant t = to == null ? o.to : o.to == null ? to : to.isAfter(o.to) ? to : o.to;
            return new Reach(ids, clients, nums, f, t, anyCaller || o.anyCaller);
        }

        /**
         * The calls, as alternatives each of which one index serves (by id; a card's calls by client and start; a
         * number's by number and start; a span by start): H2 does not plan an index for a condition ORed with
         * {@code 1 = 0}, so no empty alternative is written.
         */
        Condition condition(int windowDays) {
            List<Condition> parts = new ArrayList<>();
            if (!callIds.isEmpty()) {
                parts.add(PHONE_CALL.ID.in(callIds));
            }
            if (from != null) {
                Condition near = PHONE_CALL.STARTED_AT.ge(odt(from).minusDays(windowDays))
                        .and(PHONE_CALL.STARTED_AT.le(odt(to).plusDays(windowDays)));
                if (anyCaller) {
                    parts.add(near);
                } else {
                    if (!clientIds.isEmpty()) {
                        parts.add(PHONE_CALL.CLIENT_ID.in(clientIds).and(near));
                    }
                    if (!numbers.isEmpty()) {
                        parts.add(PHONE_CALL.CLIENT_ID.isNull().and(PHONE_CALL.PHONE_NORM.in(numbers)).and(near));
                    }
                }
            }
            return parts.isEmpty() ? DSL.falseCondition() : parts.size() == 1 ? parts.get(0) : DSL.or(parts);
        }
    }

    private final DSLContext dsl;

    public CallTotals(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The first-call window of a setting value: a positive number of days, else the default. */
    public static int windowDays(String setting) {
        try {
            int days = setting == null ? DEFAULT_WINDOW_DAYS : Integer.parseInt(setting.strip());
            return days > 0 ? days : DEFAULT_WINDOW_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_WINDOW_DAYS;
        }
    }

    /** What the totals were cut by, when they are built. */
    public Optional<Basis> built() {
        return dsl.selectFrom(TOTALS_STATE).where(TOTALS_STATE.REGISTER.eq(REGISTER)).fetchOptional()
                .map(CallTotals::basis);
    }

    private static Basis basis(TotalsStateRecord r) {
        return new Basis(ZoneId.of(r.getZone()), r.getFcrDays() == null ? DEFAULT_WINDOW_DAYS : r.getFcrDays());
    }

    /** The basis of the current settings: the business time zone and the first-call window. */
    public Basis settingsBasis() {
        Map<String, String> s = dsl.select(APP_SETTING.NAME, APP_SETTING.VAL).from(APP_SETTING)
                .where(APP_SETTING.NAME.in(SettingsRepository.BUSINESS_TIME_ZONE, WINDOW_SETTING))
                .fetchMap(APP_SETTING.NAME, APP_SETTING.VAL);
        return new Basis(SettingsRepository.businessZone(s.get(SettingsRepository.BUSINESS_TIME_ZONE)),
                windowDays(s.get(WINDOW_SETTING)));
    }

    /** The totals are built, cut in this zone and with the first-call window of the settings. */
    public boolean readable(ZoneId zone) {
        Optional<Basis> b = built();
        return b.isPresent() && b.get().zone().equals(zone) && b.get().windowDays() == settingsBasis().windowDays();
    }

    /** The totals are built with the current settings (false: missing, interrupted or cut otherwise). */
    public boolean current() {
        return built().filter(settingsBasis()::equals).isPresent();
    }

    /**
     * Runs a change of calls and adds to the totals what it moved: the contributions of the calls {@code reach}
     * selects after the change minus before, in one transaction with it, while holding the register's lock.
     */
    public <T> T around(Reach reach, Supplier<T> change) {
        return dsl.transactionResult(() -> {
            Optional<Basis> basis = lockedBasis();
            if (basis.isEmpty()) {
                return change.get();
            }
            Condition calls = reach.condition(basis.get().windowDays());
            Map<Key, Cell> delta = new HashMap<>();
            add(delta, contributions(calls, basis.get()), true);
            T result = change.get();
            add(delta, contributions(calls, basis.get()), false);
            apply(delta);
            return result;
        });
    }

    public void around(Reach reach, Runnable change) {
        around(reach, () -> {
            change.run();
            return null;
        });
    }

    private Optional<Basis> lockedBasis() {
        return dsl.selectFrom(TOTALS_STATE).where(TOTALS_STATE.REGISTER.eq(REGISTER)).forUpdate().fetchOptional()
                .map(CallTotals::basis);
    }

    /** {@link #rebuild(Basis, Consumer)} with the current settings. */
    public DealTotals.Rebuild rebuild(Consumer<String> progress) {
        return rebuild(settingsBasis(), progress);
    }

    /**
     * Recomputes every row from the call records in one transaction: compares with what is stored, replaces it
     * and records the basis. {@code progress} hears each step's name.
     */
    public DealTotals.Rebuild rebuild(Basis basis, Consumer<String> progress) {
        return dsl.transactionResult(() -> rebuildInCurrentTransaction(basis, progress));
    }

    /**
     * Builds the totals inside the caller's transaction unless they are built with the current settings (a
     * restore). Returns whether it built them.
     */
    public boolean buildIfMissingInCurrentTransaction(Consumer<String> progress) {
        Basis basis = settingsBasis();
        if (built().filter(basis::equals).isPresent()) {
            return false;
        }
        rebuildInCurrentTransaction(basis, progress);
        return true;
    }

    /**
     * Builds the totals when they were never built (called when the database is opened); {@code heard} hears each
     * step's name (the splash shows it).
     */
    public boolean buildIfMissing(Consumer<String> heard) {
        return RegisterState.buildIfMissing("call", built().isPresent(), this::rebuild, heard);
    }

    /** Forgets that the totals were built (reports then count the records until a rebuild). */
    public void invalidate() {
        RegisterState.forget(dsl, REGISTER);
    }

    private DealTotals.Rebuild rebuildInCurrentTransaction(Basis basis, Consumer<String> progress) {
        return Registers.rebuild(dsl, rows, lockedBasis(), basis, () -> {
            Map<Key, Cell> fresh = new HashMap<>();
            add(fresh, contributions(DSL.noCondition(), basis), false);
            return fresh;
        }, () -> {
            Map<Key, Cell> stored = new HashMap<>();
            dsl.selectFrom(CALL_TOTAL).forEach(r -> stored.put(
                    new Key(r.getDayNo(), r.getUserId(), r.getDirection(), r.getStatusCode()),
                    new Cell(r.getCallCount(), r.getDurationSec(), r.getReturnedCount(), r.getFirstCount(),
                            r.getResolvedCount())));
            return stored;
        }, () -> RegisterState.built(dsl, REGISTER, basis.zone(), basis.windowDays()), progress);
    }

    /**
     * The day rows the selected calls contribute, grouped by day, user, direction and status. A call is a first
     * call when it is an answered incoming call and no call of its caller (card, else number; internal calls are
     * no contact) came in the window before it (an earlier id at the same instant counts as before); it is
     * resolved when moreover no other call of its caller falls within the window after it (ADR 0002).
     */
    private List<Contribution> contributions(Condition calls, Basis basis) {
        PhoneCall c = PHONE_CALL;
        PhoneCall p = PHONE_CALL.as("neighbour");
        Field<Integer> day = Registers.businessDay(c.STARTED_AT, basis.zone());
        Field<OffsetDateTime> windowStart = c.STARTED_AT.minus(DSL.inline(new DayToSecond(basis.windowDays())));
        Field<OffsetDateTime> windowEnd = c.STARTED_AT.plus(DSL.inline(new DayToSecond(basis.windowDays())));
        Condition before = p.DIRECTION.ne("internal").and(p.STARTED_AT.gt(windowStart))
                .and(p.STARTED_AT.lt(c.STARTED_AT).or(p.STARTED_AT.eq(c.STARTED_AT).and(p.ID.lt(c.ID))));
        Condition around = p.DIRECTION.ne("internal").and(p.ID.ne(c.ID)).and(p.STARTED_AT.gt(windowStart))
                .and(p.STARTED_AT.lt(windowEnd));
        Condition answeredIn = c.DIRECTION.eq("in").and(c.STATUS_CODE.eq("answered"));
        Condition first = answeredIn.andNot(neighbour(c, p, before));
        Condition resolved = answeredIn.andNot(neighbour(c, p, around));
        Field<Long> user = DSL.coalesce(c.USER_ID, DSL.inline(0L));
        List<Contribution> rows = new ArrayList<>();
        dsl.select(day, user, c.DIRECTION, c.STATUS_CODE, DSL.count(), DSL.sum(c.DURATION_SEC),
                        DSL.count().filterWhere(c.STATUS_CODE.eq("missed").and(MISSED_CALL.RESOLVED_AT.isNotNull())),
                        DSL.count().filterWhere(first), DSL.count().filterWhere(resolved))
                .from(c).leftJoin(MISSED_CALL).on(MISSED_CALL.CALL_ID.eq(c.ID))
                .where(calls).groupBy(day, user, c.DIRECTION, c.STATUS_CODE)
                .forEach(r -> rows.add(new Contribution(new Key(r.value1(), r.value2(), r.value3(), r.value4()),
                        new Cell(r.value5(), r.value6() == null ? 0 : r.value6().longValue(), r.value7(), r.value8(),
                                r.value9()))));
        return rows;
    }

    /**
     * A call of the same caller meeting the condition: the same card, or for a call matched to no card, a call
     * of the same number matched to no card (two EXISTS, each on its own index). The second is written so that
     * no index on the card can serve it, and the first is asked only for a call with a card: H2 read every call
     * without a card for each call without one ("no card" as a lookup on the card's index, and "card = NULL"
     * scanning the NULL keys), which imported 10 000 unknown callers at 124 rows/s.
     */
    private static Condition neighbour(PhoneCall c, PhoneCall p, Condition when) {
        return c.CLIENT_ID.isNotNull().and(DSL.exists(DSL.selectOne().from(p).where(p.CLIENT_ID.eq(c.CLIENT_ID))
                        .and(when)))
                .or(c.CLIENT_ID.isNull().and(DSL.exists(DSL.selectOne().from(p)
                        .where(p.PHONE_NORM.eq(c.PHONE_NORM)).and(DSL.coalesce(p.CLIENT_ID, NO_CARD).eq(NO_CARD))
                        .and(when))));
    }

    /** No card's id (ids start at 1). */
    private static final Field<Long> NO_CARD = DSL.inline(0L);

    private record Contribution(Key key, Cell cell) {
    }

    private static void add(Map<Key, Cell> into, List<Contribution> rows, boolean subtract) {
        for (Contribution r : rows) {
            Cell cell = subtract ? r.cell().negate() : r.cell();
            into.merge(r.key(), cell, Cell::plus);
            into.merge(r.key().month(), cell, Cell::plus);
        }
    }

    /** How the call totals' rows are written: each figure added to its column; a row without calls goes. */
    private final Registers.Rows<Key, Cell> rows = new Registers.Rows<>() {
        @Override
        public String table() {
            return CALL_TOTAL.getName();
        }

        @Override
        public List<String> keyColumns() {
            return java.util.stream.Stream.of(CALL_TOTAL.DAY_NO, CALL_TOTAL.USER_ID, CALL_TOTAL.DIRECTION,
                    CALL_TOTAL.STATUS_CODE).map(Field::getName).toList();
        }

        @Override
        public List<String> figureColumns() {
            return java.util.stream.Stream.of(CALL_TOTAL.CALL_COUNT, CALL_TOTAL.DURATION_SEC, CALL_TOTAL.RETURNED_COUNT,
                    CALL_TOTAL.FIRST_COUNT, CALL_TOTAL.RESOLVED_COUNT).map(Field::getName).toList();
        }

        @Override
        public Object[] key(Key k) {
            return new Object[]{k.day(), k.userId(), k.direction(), k.status()};
        }

        @Override
        public Object[] figures(Cell c) {
            return new Object[]{c.calls(), c.durationSec(), c.returned(), c.first(), c.resolved()};
        }

        @Override
        public boolean zero(Cell c) {
            return c.zero();
        }

        @Override
        public boolean shrinks(Cell d) {
            return d.calls() < 0;
        }

        @Override
        public boolean same(Cell a, Cell b) {
            return a.equals(b);
        }
    };

    private void apply(Map<Key, Cell> delta) {
        Registers.apply(dsl, delta, rows);
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
