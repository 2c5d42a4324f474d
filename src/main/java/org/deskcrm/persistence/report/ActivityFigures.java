package org.deskcrm.persistence.report;

import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.totals.ActivityTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.ACTIVITY_TOTAL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/**
 * Per-user counts of the work behind plans and ratings: outgoing calls (the one definition of
 * "calls" in plans and ratings), meetings and proposals (activities), new clients (cards created,
 * by owner). Each groups one table by its user column over a (user, time) index.
 */
public class ActivityFigures {
    /** What a figure counts. */
    public enum Kind { OUTGOING_CALLS, MEETINGS, PROPOSALS, NEW_CLIENTS }

    private final DSLContext dsl;
    private final CallFigures calls;
    private final ActivityTotals activities;

    public ActivityFigures(Database db) {
        this.dsl = db.dsl();
        this.calls = new CallFigures(db);
        this.activities = new ActivityTotals(db.dsl());
    }

    /**
     * The period's records of a kind per user; outgoing calls from the stored call totals, meetings and proposals
     * from the stored activity totals, when they are readable.
     */
    public List<Tally> byUser(Kind kind, ReportScope s) {
        if (kind == Kind.OUTGOING_CALLS && calls.fromTotals(s)) {
            return calls.byUserFromTotals(s).stream().filter(u -> u.outgoing() > 0)
                    .map(u -> new Tally(u.userId(), u.outgoing(), BigDecimal.ZERO)).toList();
        }
        if ((kind == Kind.MEETINGS || kind == Kind.PROPOSALS) && activitiesFromTotals(s)) {
            return byBucketFromTotals(kind, s.filter(), List.of()).stream() // one bucket: the whole period
                    .map(c -> new Tally(c.userId(), c.count(), BigDecimal.ZERO)).toList();
        }
        return recorded(kind, s);
    }

    /** Meetings or proposals of the filter's days by bucket between the cuts and user, from the activity totals. */
    List<SpanFigures.Cell> byBucketFromTotals(Kind kind, ReportFilter f, List<LocalDate> cuts) {
        return TotalFigures.countsByBucket(dsl, ACTIVITY_TOTAL.DAY_NO, ACTIVITY_TOTAL.USER_ID,
                ACTIVITY_TOTAL.ACTIVITY_COUNT, ACTIVITY_TOTAL.KIND_CODE.eq(code(kind))
                        .and(Scopes.people(ACTIVITY_TOTAL.USER_ID, f)), f, cuts);
    }

    /** Whether meetings and proposals of this scope come from the stored activity totals (built in its zone). */
    public boolean activitiesFromTotals(ReportScope s) {
        return activities.readable(s.zone());
    }

    /** The activity kind's code a figure counts (meetings or proposals). */
    static String code(Kind kind) {
        return kind == Kind.MEETINGS ? "meeting" : "proposal";
    }

    /** {@link #byUser} counted from the records (the reference the call totals are checked against). */
    public List<Tally> recorded(Kind kind, ReportScope s) {
        return switch (kind) {
            case OUTGOING_CALLS -> dsl.select(PHONE_CALL.USER_ID, DSL.count()).from(PHONE_CALL).where(calls(s))
                    .groupBy(PHONE_CALL.USER_ID).fetch(r -> new Tally(r.value1(), r.value2(), BigDecimal.ZERO));
            case MEETINGS, PROPOSALS -> dsl.select(ACTIVITY.USER_ID, DSL.count()).from(ACTIVITY)
                    .where(activities(kind, s)).groupBy(ACTIVITY.USER_ID)
                    .fetch(r -> new Tally(r.value1(), r.value2(), BigDecimal.ZERO));
            case NEW_CLIENTS -> dsl.select(CLIENT.OWNER_ID, DSL.count()).from(CLIENT).where(newClients(s))
                    .groupBy(CLIENT.OWNER_ID).fetch(r -> new Tally(r.value1(), r.value2(), BigDecimal.ZERO));
        };
    }

    public List<DrillItem> drill(Kind kind, Pick user, ReportScope s) {
        return switch (kind) {
            case OUTGOING_CALLS -> dsl.select(PHONE_CALL.ID, PHONE_CALL.PHONE_RAW).from(PHONE_CALL).where(calls(s))
                    .and(Scopes.pick(PHONE_CALL.USER_ID, user, Long.class)).orderBy(PHONE_CALL.ID)
                    .fetch(r -> new DrillItem("call", r.value1(), r.value2(), null));
            case MEETINGS, PROPOSALS -> dsl.select(ACTIVITY.ID, ACTIVITY.SUBJECT).from(ACTIVITY)
                    .where(activities(kind, s)).and(Scopes.pick(ACTIVITY.USER_ID, user, Long.class))
                    .orderBy(ACTIVITY.ID).fetch(r -> new DrillItem("activity", r.value1(), r.value2(), null));
            case NEW_CLIENTS -> dsl.select(CLIENT.ID, CLIENT.NAME).from(CLIENT).where(newClients(s))
                    .and(Scopes.pick(CLIENT.OWNER_ID, user, Long.class)).orderBy(CLIENT.ID)
                    .fetch(r -> new DrillItem("client", r.value1(), r.value2(), null));
        };
    }

    static Condition calls(ReportScope s) {
        return Scopes.inPeriod(PHONE_CALL.STARTED_AT, s).and(PHONE_CALL.DIRECTION.eq("out"))
                .and(Scopes.people(PHONE_CALL.USER_ID, s.filter()));
    }

    static Condition activities(Kind kind, ReportScope s) {
        return Scopes.inPeriod(ACTIVITY.OCCURRED_AT, s).and(ACTIVITY.KIND_CODE.eq(code(kind)))
                .and(Scopes.people(ACTIVITY.USER_ID, s.filter()));
    }

    static Condition newClients(ReportScope s) {
        return Scopes.inPeriod(CLIENT.CREATED_AT, s).and(Scopes.people(CLIENT.OWNER_ID, s.filter()));
    }
}
