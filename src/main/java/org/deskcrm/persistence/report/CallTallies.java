package org.deskcrm.persistence.report;

import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;

import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/**
 * The calls of a period counted per user in the database (the activity report over its whole period):
 * outgoing calls and answered calls of any direction, in one pass over {@code ix_phone_call_period},
 * the same rows {@link WorkQueries#calls} lists one by one.
 */
public class CallTallies {
    /** One user's calls (null = calls without a user). */
    public record UserCalls(Long userId, long outgoing, long answered) {
    }

    private final DSLContext dsl;

    public CallTallies(Database db) {
        this.dsl = db.dsl();
    }

    public List<UserCalls> byUser(ReportScope s) {
        return dsl.select(PHONE_CALL.USER_ID, DSL.count().filterWhere(PHONE_CALL.DIRECTION.eq("out")),
                        DSL.count().filterWhere(PHONE_CALL.STATUS_CODE.eq("answered")))
                .from(PHONE_CALL)
                .where(Scopes.inPeriod(PHONE_CALL.STARTED_AT, s)).and(Scopes.people(PHONE_CALL.USER_ID, s.filter()))
                .groupBy(PHONE_CALL.USER_ID)
                .fetch(r -> new UserCalls(r.value1(), r.value2(), r.value3()));
    }
}
