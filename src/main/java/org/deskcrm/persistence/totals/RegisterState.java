package org.deskcrm.persistence.totals;

import org.deskcrm.persistence.SettingsRepository;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.deskcrm.persistence.jooq.Tables.APP_SETTING;
import static org.deskcrm.persistence.jooq.Tables.TOTALS_STATE;

/**
 * The row of {@code totals_state} every register of stored totals keeps ({@link DealTotals}, {@link CallTotals},
 * {@link ActivityTotals}): whether the register is built and the business zone it was cut in (no row: never
 * built, or forgotten, and its reports count the records), and the first start's build of a missing register.
 */
final class RegisterState {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RegisterState.class);

    private RegisterState() {
    }

    /** The zone the register is cut in, when it is built. */
    static Optional<ZoneId> zone(DSLContext dsl, String register) {
        return dsl.select(TOTALS_STATE.ZONE).from(TOTALS_STATE).where(TOTALS_STATE.REGISTER.eq(register))
                .fetchOptional(TOTALS_STATE.ZONE).map(ZoneId::of);
    }

    /** {@link #zone}, locking the register's row: its writers and its rebuild then run one after the other. */
    static Optional<ZoneId> lockedZone(DSLContext dsl, String register) {
        return dsl.select(TOTALS_STATE.ZONE).from(TOTALS_STATE).where(TOTALS_STATE.REGISTER.eq(register)).forUpdate()
                .fetchOptional(TOTALS_STATE.ZONE).map(ZoneId::of);
    }

    /** Records that the register was just built in this zone (and, for the call totals, this first-call window). */
    static void built(DSLContext dsl, String register, ZoneId zone, Integer windowDays) {
        forget(dsl, register);
        dsl.insertInto(TOTALS_STATE).set(TOTALS_STATE.REGISTER, register).set(TOTALS_STATE.ZONE, zone.getId())
                .set(TOTALS_STATE.FCR_DAYS, windowDays).set(TOTALS_STATE.BUILT_AT, OffsetDateTime.now()).execute();
    }

    /** Forgets that the register was built (its reports count the records until a rebuild). */
    static void forget(DSLContext dsl, String register) {
        dsl.deleteFrom(TOTALS_STATE).where(TOTALS_STATE.REGISTER.eq(register)).execute();
    }

    /** The business time zone of the database's settings. */
    static ZoneId settingsZone(DSLContext dsl) {
        String zone = dsl.select(APP_SETTING.VAL).from(APP_SETTING)
                .where(APP_SETTING.NAME.eq(SettingsRepository.BUSINESS_TIME_ZONE)).fetchOne(APP_SETTING.VAL);
        return SettingsRepository.businessZone(zone);
    }

    /**
     * Builds a register that was never built (called when the database is opened, after the migrations), logging
     * each step and telling {@code heard} (the splash shows it). Returns whether it built it.
     */
    static boolean buildIfMissing(String what, boolean built, Function<Consumer<String>, DealTotals.Rebuild> rebuild,
                                  Consumer<String> heard) {
        if (built) {
            return false;
        }
        long started = System.nanoTime();
        DealTotals.Rebuild r = rebuild.apply(step -> {
            LOG.info("Building the {} totals: {}", what, step);
            heard.accept(step);
        });
        LOG.info("The {} totals built: {} rows in {} ms", what, r.rows(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
