package org.deskcrm.persistence.report;

import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.WindowSpecification;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/**
 * The raw material of first-call resolution (ADR 0002): every answered incoming call of the period
 * (manager or team filter) with the start of the same caller's previous and next call. The caller is
 * the matched client card, else the normalized number; internal calls are no contact. Previous and
 * next are read with LAG/LEAD over the calls of every manager within the window before and after the
 * period, so a repeat call that reached a colleague still counts.
 */
public class FirstCallQueries {
    /**
     * An answered incoming call, its business day ({@link BusinessDays}, as the calls report groups calls) and
     * its caller's neighbouring calls (null when none within reach).
     */
    public record Neighbours(long id, Long userId, Instant startedAt, Instant previousAt, Instant nextAt,
                             LocalDate day) {
    }

    private final DSLContext dsl;

    public FirstCallQueries(Database db) {
        this.dsl = db.dsl();
    }

    public List<Neighbours> answeredIncoming(ReportScope s, Duration window) {
        Field<String> number = DSL.when(PHONE_CALL.CLIENT_ID.isNull(), PHONE_CALL.PHONE_NORM);
        WindowSpecification caller = DSL.partitionBy(PHONE_CALL.CLIENT_ID, number)
                .orderBy(PHONE_CALL.STARTED_AT, PHONE_CALL.ID);
        Table<?> near = DSL.select(PHONE_CALL.ID.as("cid"), PHONE_CALL.USER_ID.as("uid"),
                        PHONE_CALL.STARTED_AT.as("at"), PHONE_CALL.DIRECTION.as("dir"), PHONE_CALL.STATUS_CODE.as("st"),
                        DSL.lag(PHONE_CALL.STARTED_AT).over(caller).as("prev_at"),
                        DSL.lead(PHONE_CALL.STARTED_AT).over(caller).as("next_at"))
                .from(PHONE_CALL)
                .where(PHONE_CALL.STARTED_AT.ge(Scopes.odt(s.start().minus(window))))
                .and(PHONE_CALL.STARTED_AT.lt(Scopes.odt(s.end().plus(window))))
                .and(PHONE_CALL.DIRECTION.ne("internal"))
                .asTable("near");
        Field<Long> id = near.field("cid", Long.class);
        Field<Long> user = near.field("uid", Long.class);
        Field<OffsetDateTime> at = near.field("at", OffsetDateTime.class);
        Field<OffsetDateTime> prev = near.field("prev_at", OffsetDateTime.class);
        Field<OffsetDateTime> next = near.field("next_at", OffsetDateTime.class);
        Field<Integer> day = BusinessDays.dayNumber(at, s.zone(), s.start(), s.end());
        return dsl.select(id, user, at, prev, next, day).from(near)
                .where(Scopes.inPeriod(at, s)).and(near.field("dir", String.class).eq("in"))
                .and(near.field("st", String.class).eq("answered")).and(Scopes.people(user, s.filter()))
                .fetch(r -> new Neighbours(r.value1(), r.value2(), r.value3().toInstant(), instant(r.value4()),
                        instant(r.value5()), BusinessDays.date(r.value6())))
                .stream().sorted(java.util.Comparator.comparingLong(Neighbours::id)).toList();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
