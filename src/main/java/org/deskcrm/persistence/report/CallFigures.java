package org.deskcrm.persistence.report;

import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.List;

import static org.deskcrm.persistence.jooq.Tables.MISSED_CALL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/**
 * The call log of a period counted per user and business day by the database (the calls report), and
 * the calls behind one cell, selected by the same business-day expression ({@link BusinessDays}), so that
 * a drill-down lists exactly the calls its figure counted. A missed call is returned when its entry in
 * the missed-call list was closed (a callback or a later answered call).
 */
public class CallFigures {
    /** One user's calls on one business day. */
    public record CallDay(Long userId, LocalDate day, long calls, long outgoing, long incoming, long answered,
                          long missed, long returned, long durationSec) {
    }

    /** One user's outgoing calls and answered calls (any direction) of the period; null = calls without a user. */
    public record UserCalls(Long userId, long outgoing, long answered) {
    }

    /** One call as a drill-down lists it. */
    public record CallRow(long id, String direction, String status, int durationSec, boolean missedReturned) {
    }

    private final DSLContext dsl;

    public CallFigures(Database db) {
        this.dsl = db.dsl();
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
        return dsl.select(PHONE_CALL.USER_ID, DSL.count().filterWhere(PHONE_CALL.DIRECTION.eq("out")),
                        DSL.count().filterWhere(PHONE_CALL.STATUS_CODE.eq("answered")))
                .from(PHONE_CALL).where(calls(s)).groupBy(PHONE_CALL.USER_ID)
                .fetch(r -> new UserCalls(r.value1(), r.value2(), r.value3()));
    }

    /** The period's calls (manager or team filter) per user and business day. */
    public List<CallDay> byUserAndDay(ReportScope s) {
        Field<Integer> day = day(s);
        Condition missed = PHONE_CALL.STATUS_CODE.eq("missed");
        return dsl.select(PHONE_CALL.USER_ID, day, DSL.count(), countIf(PHONE_CALL.DIRECTION.eq("out")),
                        countIf(PHONE_CALL.DIRECTION.eq("in")), countIf(PHONE_CALL.STATUS_CODE.eq("answered")),
                        countIf(missed), countIf(missed.and(MISSED_CALL.RESOLVED_AT.isNotNull())),
                        DSL.sum(PHONE_CALL.DURATION_SEC))
                .from(PHONE_CALL).leftJoin(MISSED_CALL).on(MISSED_CALL.CALL_ID.eq(PHONE_CALL.ID))
                .where(calls(s)).groupBy(PHONE_CALL.USER_ID, day)
                .fetch(r -> new CallDay(r.value1(), BusinessDays.date(r.value2()), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9() == null ? 0 : r.value9().longValue()));
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
