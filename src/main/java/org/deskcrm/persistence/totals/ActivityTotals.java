package org.deskcrm.persistence.totals;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.ACTIVITY_TOTAL;

/**
 * The stored totals of activities (docs/decisions/0027-activity-totals.md), the same mechanism as
 * {@link DealTotals} and {@link CallTotals}: an activity counts in the row of its kind, business day and user,
 * and in that month's row. Activities are only ever added (a note from the card, the demo's meetings and
 * proposals, a restore), so a write adds the new activities' grouped contributions ({@link #adding}); the
 * rebuild groups every activity the same way. Writers and the rebuild are serialized by a lock on the
 * register's state row. Nothing is kept while the totals were never built (no state row).
 */
public class ActivityTotals {
    /** The name of the activity totals in {@code totals_state}. */
    public static final String REGISTER = "activity";

    /** The key of a totals row: kind, day (yyyymmdd) or month (yyyymm), user (0 = none). */
    public record Key(String kind, int day, long userId) {
        Key month() {
            return new Key(kind, day / 100, userId);
        }
    }

    private final DSLContext dsl;

    public ActivityTotals(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The zone the totals are cut in, when they are built. */
    public Optional<ZoneId> builtZone() {
        return RegisterState.zone(dsl, REGISTER);
    }

    /** The totals are built and cut in this zone (otherwise the records are counted and a rebuild is due). */
    public boolean readable(ZoneId zone) {
        return builtZone().filter(zone::equals).isPresent();
    }

    /** The totals are built in the business zone of the settings. */
    public boolean current() {
        return readable(settingsZone());
    }

    /**
     * Runs a write that adds activities and adds their contributions, in one transaction with it, holding the
     * register's lock; {@code added} selects the new activities once the write has run (by the ids it returns).
     */
    public <T> T adding(Supplier<T> write, java.util.function.Function<T, Condition> added) {
        return dsl.transactionResult(() -> {
            Optional<ZoneId> zone = lockedZone();
            T result = write.get();
            if (zone.isPresent()) {
                Map<Key, Long> delta = new HashMap<>();
                add(delta, added.apply(result), zone.get());
                Registers.apply(dsl, delta, rows);
            }
            return result;
        });
    }

    private Optional<ZoneId> lockedZone() {
        return RegisterState.lockedZone(dsl, REGISTER);
    }

    /**
     * Recomputes every row from the activity records in one transaction: compares with what is stored, replaces
     * it, and records the zone. {@code progress} hears each step's name.
     */
    public DealTotals.Rebuild rebuild(ZoneId zone, Consumer<String> progress) {
        return dsl.transactionResult(() -> rebuildInCurrentTransaction(zone, progress));
    }

    /** {@link #rebuild(ZoneId, Consumer)} in the business time zone of the settings. */
    public DealTotals.Rebuild rebuild(Consumer<String> progress) {
        return rebuild(settingsZone(), progress);
    }

    /**
     * Builds the totals inside the caller's transaction unless they are built in the business zone (a restore).
     * Returns whether it built them.
     */
    public boolean buildIfMissingInCurrentTransaction(Consumer<String> progress) {
        ZoneId zone = settingsZone();
        if (readable(zone)) {
            return false;
        }
        rebuildInCurrentTransaction(zone, progress);
        return true;
    }

    /**
     * Builds the totals when they were never built (called when the database is opened, after the migrations);
     * {@code heard} hears each step's name (the splash shows it).
     */
    public boolean buildIfMissing(Consumer<String> heard) {
        return RegisterState.buildIfMissing("activity", builtZone().isPresent(), this::rebuild, heard);
    }

    /** Forgets that the totals were built (reports then count the records until a rebuild). */
    public void invalidate() {
        RegisterState.forget(dsl, REGISTER);
    }

    private DealTotals.Rebuild rebuildInCurrentTransaction(ZoneId zone, Consumer<String> progress) {
        return Registers.rebuild(dsl, rows, lockedZone(), zone, () -> {
            Map<Key, Long> fresh = new HashMap<>();
            add(fresh, DSL.noCondition(), zone);
            return fresh;
        }, () -> {
            Map<Key, Long> stored = new HashMap<>();
            dsl.selectFrom(ACTIVITY_TOTAL).forEach(r -> stored.put(new Key(r.getKindCode(), r.getDayNo(),
                    r.getUserId()), r.getActivityCount()));
            return stored;
        }, () -> RegisterState.built(dsl, REGISTER, zone, null), progress);
    }

    private ZoneId settingsZone() {
        return RegisterState.settingsZone(dsl);
    }

    /** Adds the day rows (and their month rows) of the selected activities, grouped by kind, day and user. */
    private void add(Map<Key, Long> into, Condition activities, ZoneId zone) {
        Field<Integer> day = Registers.businessDay(ACTIVITY.OCCURRED_AT, zone);
        Field<Long> user = DSL.coalesce(ACTIVITY.USER_ID, DSL.inline(0L));
        dsl.select(ACTIVITY.KIND_CODE, day, user, DSL.count()).from(ACTIVITY).where(activities)
                .groupBy(ACTIVITY.KIND_CODE, day, user)
                .forEach(r -> {
                    Key key = new Key(r.value1(), r.value2(), r.value3());
                    long n = r.value4();
                    into.merge(key, n, Long::sum);
                    into.merge(key.month(), n, Long::sum);
                });
    }

    /** How the activity totals' rows are written: the count added; a row left without activities goes. */
    private final Registers.Rows<Key, Long> rows = new Registers.CountRows<>() {
        @Override
        public String table() {
            return ACTIVITY_TOTAL.getName();
        }

        @Override
        public List<String> keyColumns() {
            return java.util.stream.Stream.of(ACTIVITY_TOTAL.KIND_CODE, ACTIVITY_TOTAL.DAY_NO, ACTIVITY_TOTAL.USER_ID)
                    .map(Field::getName).toList();
        }

        @Override
        public List<String> figureColumns() {
            return List.of(ACTIVITY_TOTAL.ACTIVITY_COUNT.getName());
        }

        @Override
        public Object[] key(Key k) {
            return new Object[]{k.kind(), k.day(), k.userId()};
        }
    };
}
