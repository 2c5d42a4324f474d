package org.deskcrm.persistence.report;

import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.totals.CallTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.List;

import static org.deskcrm.persistence.jooq.Tables.CALL_TOTAL;
import static org.deskcrm.persistence.jooq.Tables.MISSED_CALL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/**
 * The call log of a period counted per user and business day by the database (the calls report), and
 * the calls behind one cell, selected by the same business-day expression ({@link BusinessDays}), so that
 * a drill-down lists exactly the calls its figure counted. A missed call is returned when its entry in
 * the missed-call list was closed (a callback or a later answered call).
 */
public class CallFigures {
    /**
     * One user's calls on one business day; first calls and resolved first calls (ADR 0002) only when read from
     * the stored totals (0 when counted from the records: the report then counts them from the first-call query).
     */
    public record CallDay(Long userId, LocalDate day, long calls, long outgoing, long incoming, long answered,
                          long missed, long returned, long durationSec, long first, long resolved) {
    }

    /** One user's outgoing calls and answered calls (any direction) of the period; null = calls without a user. */
    public record UserCalls(Long userId, long outgoing, long answered) {
    }

    /** One call as a drill-down lists it. */
    public record CallRow(long id, String direction, String status, int durationSec, boolean missedReturned) {
    }

    private final DSLContext dsl;
    private final CallTotals totals;

    public CallFigures(Database db) {
        this.dsl = db.dsl();
        this.totals = new CallTotals(db.dsl());
    }

    /**
     * Whether the figures of this scope come from the stored call totals: they are built, in the scope's business
     * zone and with the first-call window of the settings (otherwise the records are counted and a rebuild is due).
     */
    public boolean fromTotals(ReportScope s) {
        return totals.readable(s.zone());
    }

    private static Field<Integer> day(ReportScope s) {
        return BusinessDays.dayNumber(PHONE_CALL.STARTED_AT, s.zone(), s.start(), s.end());
    }

    private static Condition calls(ReportScope s) {
        return Scopes.inPeriod(PHONE_CALL.STARTED_AT, s).and(Scopes.people(PHONE_CALL.USER_ID, s.filter()));
    }

    private static Field<Integer> countIf(Condition c) {
        return DSL.count(DSL.when(c, DSL.inline(1)));
    }

    /**
     * The period's calls per user (the activity report over its whole period): the same rows as
     * {@link WorkQueries#calls}, counted in one pass over the period's range.
     */
    public List<UserCalls> byUser(ReportScope s) {
        return fromTotals(s) ? byUserFromTotals(s) : byUserRecorded(s);
    }

    /** {@link #byUser} from the month and day rows of the stored totals. */
    public List<UserCalls> byUserFromTotals(ReportScope s) {
        Field<Long> user = DSL.nullif(CALL_TOTAL.USER_ID, DSL.inline(0L));
        return dsl.select(user, callsIf(CALL_TOTAL.DIRECTION.eq("out")), callsIf(CALL_TOTAL.STATUS_CODE.eq("answered")))
                .from(CALL_TOTAL).where(TotalFigures.period(CALL_TOTAL.DAY_NO, s.filter().from(), s.filter().to()))
                .and(Scopes.people(CALL_TOTAL.USER_ID, s.filter())).groupBy(user)
                .fetch(r -> new UserCalls(r.value1(), number(r.value2()), number(r.value3())));
    }

    /** {@link #byUser} counted from the call records (the reference the totals are checked against). */
    public List<UserCalls> byUserRecorded(ReportScope s) {
        return dsl.select(PHONE_CALL.USER_ID, DSL.count().filterWhere(PHONE_CALL.DIRECTION.eq("out")),
                        DSL.count().filterWhere(PHONE_CALL.STATUS_CODE.eq("answered")))
                .from(PHONE_CALL).where(calls(s)).groupBy(PHONE_CALL.USER_ID)
                .fetch(r -> new UserCalls(r.value1(), r.value2(), r.value3()));
    }

    /** The period's calls (manager or team filter) per user and business day, from the totals when readable. */
    public List<CallDay> byUserAndDay(ReportScope s) {
        return fromTotals(s) ? byUserAndDayFromTotals(s) : byUserAndDayRecorded(s);
    }

    /** {@link #byUserAndDay} from the day rows of the stored totals, first calls included. */
    public List<CallDay> byUserAndDayFromTotals(ReportScope s) {
        Field<Long> user = DSL.nullif(CALL_TOTAL.USER_ID, DSL.inline(0L));
        return dsl.select(user, CALL_TOTAL.DAY_NO, DSL.sum(CALL_TOTAL.CALL_COUNT), callsIf(CALL_TOTAL.DIRECTION.eq("out")),
                        callsIf(CALL_TOTAL.DIRECTION.eq("in")), callsIf(CALL_TOTAL.STATUS_CODE.eq("answered")),
                        callsIf(CALL_TOTAL.STATUS_CODE.eq("missed")), DSL.sum(CALL_TOTAL.RETURNED_COUNT),
                        DSL.sum(CALL_TOTAL.DURATION_SEC), DSL.sum(CALL_TOTAL.FIRST_COUNT), DSL.sum(CALL_TOTAL.RESOLVED_COUNT))
                .from(CALL_TOTAL).where(TotalFigures.days(CALL_TOTAL.DAY_NO, s.filter().from(), s.filter().to()))
                .and(Scopes.people(CALL_TOTAL.USER_ID, s.filter())).groupBy(user, CALL_TOTAL.DAY_NO)
                .fetch(r -> new CallDay(r.value1(), BusinessDays.date(r.value2()), number(r.value3()), number(r.value4()),
                        number(r.value5()), number(r.value6()), number(r.value7()), number(r.value8()),
                        number(r.value9()), number(r.value10()), number(r.value11())));
    }

    private static Field<java.math.BigDecimal> callsIf(Condition c) {
        return DSL.sum(CALL_TOTAL.CALL_COUNT).filterWhere(c);
    }

    private static long number(java.math.BigDecimal n) {
        return n == null ? 0 : n.longValueExact();
    }

    /** {@link #byUserAndDay} counted from the call records, without first calls. */
    public List<CallDay> byUserAndDayRecorded(ReportScope s) {
        Field<Integer> day = day(s);
        Condition missed = PHONE_CALL.STATUS_CODE.eq("missed");
        return dsl.select(PHONE_CALL.USER_ID, day, DSL.count(), countIf(PHONE_CALL.DIRECTION.eq("out")),
                        countIf(PHONE_CALL.DIRECTION.eq("in")), countIf(PHONE_CALL.STATUS_CODE.eq("answered")),
                        countIf(missed), countIf(missed.and(MISSED_CALL.RESOLVED_AT.isNotNull())),
                        DSL.sum(PHONE_CALL.DURATION_SEC))
                .from(PHONE_CALL).leftJoin(MISSED_CALL).on(MISSED_CALL.CALL_ID.eq(PHONE_CALL.ID))
                .where(calls(s)).groupBy(PHONE_CALL.USER_ID, day)
                .fetch(r -> new CallDay(r.value1(), BusinessDays.date(r.value2()), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9() == null ? 0 : r.value9().longValue(), 0, 0));
    }

    /** The period's calls of the picked user (or everyone's) made on business days first..last, by id. */
    public List<CallRow> calls(ReportScope s, Pick user, LocalDate first, LocalDate last) {
        Field<Integer> day = day(s);
        return dsl.select(PHONE_CALL.ID, PHONE_CALL.DIRECTION, PHONE_CALL.STATUS_CODE, PHONE_CALL.DURATION_SEC,
                        MISSED_CALL.RESOLVED_AT)
                .from(PHONE_CALL).leftJoin(MISSED_CALL).on(MISSED_CALL.CALL_ID.eq(PHONE_CALL.ID))
                .where(calls(s)).and(Scopes.pick(PHONE_CALL.USER_ID, user, Long.class))
                .and(day.between(BusinessDays.number(first), BusinessDays.number(last)))
                .fetch(r -> new CallRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5() != null))
                // sorted here: ORDER BY id makes H2 walk the primary key instead of the period's index range
                .stream().sorted(java.util.Comparator.comparingLong(CallRow::id)).toList();
    }
}
