package org.deskcrm.persistence;

import org.deskcrm.model.client.TimelineEntry;
import org.deskcrm.model.client.TimelineKind;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.AUDIT_EVENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.STAGE;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/**
 * A client's timeline: calls, tasks, notes and meetings, deal stage moves and edits of the card, each
 * read by its own indexed query (newest {@code limit} of each kind) and merged newest first.
 */
public class TimelineRepository {
    private final DSLContext dsl;

    public TimelineRepository(Database db) {
        this.dsl = db.dsl();
    }

    /** The client's timeline if {@code scope} sees the client, else nothing. */
    public List<TimelineEntry> forClient(long clientId, int limit, org.deskcrm.model.user.AccessScope scope) {
        if (!scope.isAll() && !dsl.fetchExists(org.deskcrm.persistence.jooq.Tables.CLIENT,
                org.deskcrm.persistence.jooq.Tables.CLIENT.ID.eq(clientId).and(Visibility.clients(scope)))) {
            return List.of();
        }
        return forClient(clientId, limit);
    }

    public List<TimelineEntry> forClient(long clientId, int limit) {
        List<TimelineEntry> all = new ArrayList<>();
        all.addAll(calls(clientId, limit));
        all.addAll(tasks(clientId, limit));
        all.addAll(activities(clientId, limit));
        all.addAll(dealMoves(clientId, limit));
        all.addAll(edits(clientId, limit));
        all.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return all;
    }

    List<TimelineEntry> calls(long clientId, int limit) {
        return dsl.select(PHONE_CALL.STARTED_AT, APP_USER.FULL_NAME, PHONE_CALL.DIRECTION, PHONE_CALL.STATUS_CODE,
                        PHONE_CALL.PHONE_RAW, PHONE_CALL.RESULT_NOTE, PHONE_CALL.DURATION_SEC)
                .from(PHONE_CALL).leftJoin(APP_USER).on(APP_USER.ID.eq(PHONE_CALL.USER_ID))
                .where(PHONE_CALL.CLIENT_ID.eq(clientId))
                .orderBy(PHONE_CALL.STARTED_AT.desc(), PHONE_CALL.ID.desc()).limit(limit)
                .fetch(r -> new TimelineEntry(TimelineKind.CALL, instant(r.value1()), r.value2(),
                        r.value3() + ":" + r.value4(), r.value5(), r.value6(), null, null,
                        BigDecimal.valueOf(r.value7())));
    }

    List<TimelineEntry> tasks(long clientId, int limit) {
        var at = DSL.coalesce(TASK.DONE_AT, TASK.DUE_AT, TASK.CREATED_AT);
        return dsl.select(at, APP_USER.FULL_NAME, TASK.KIND_CODE, TASK.STATUS_CODE, TASK.TITLE,
                        DSL.coalesce(TASK.RESULT, TASK.DESCRIPTION))
                .from(TASK).leftJoin(APP_USER).on(APP_USER.ID.eq(TASK.ASSIGNEE_ID))
                .where(TASK.CLIENT_ID.eq(clientId))
                .orderBy(at.desc(), TASK.ID.desc()).limit(limit)
                .fetch(r -> new TimelineEntry(TimelineKind.TASK, instant(r.value1()), r.value2(),
                        r.value3() + ":" + r.value4(), r.value5(), r.value6(), null, null, null));
    }

    List<TimelineEntry> activities(long clientId, int limit) {
        return dsl.select(ACTIVITY.OCCURRED_AT, APP_USER.FULL_NAME, ACTIVITY.KIND_CODE, ACTIVITY.SUBJECT,
                        ACTIVITY.BODY)
                .from(ACTIVITY).leftJoin(APP_USER).on(APP_USER.ID.eq(ACTIVITY.USER_ID))
                .where(ACTIVITY.CLIENT_ID.eq(clientId))
                .orderBy(ACTIVITY.OCCURRED_AT.desc(), ACTIVITY.ID.desc()).limit(limit)
                .fetch(r -> new TimelineEntry(TimelineKind.NOTE, instant(r.value1()), r.value2(), r.value3(),
                        r.value4(), r.value5(), null, null, null));
    }

    List<TimelineEntry> dealMoves(long clientId, int limit) {
        var from = STAGE.as("from_stage");
        var to = STAGE.as("to_stage");
        return dsl.select(DEAL_STAGE_HISTORY.CHANGED_AT, APP_USER.FULL_NAME, DEAL.TITLE, from.NAME, to.NAME,
                        DEAL_STAGE_HISTORY.AMOUNT)
                .from(DEAL_STAGE_HISTORY)
                .join(DEAL).on(DEAL.ID.eq(DEAL_STAGE_HISTORY.DEAL_ID))
                .join(to).on(to.ID.eq(DEAL_STAGE_HISTORY.TO_STAGE_ID))
                .leftJoin(from).on(from.ID.eq(DEAL_STAGE_HISTORY.FROM_STAGE_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(DEAL_STAGE_HISTORY.CHANGED_BY))
                .where(DEAL.CLIENT_ID.eq(clientId))
                .orderBy(DEAL_STAGE_HISTORY.CHANGED_AT.desc(), DEAL_STAGE_HISTORY.ID.desc()).limit(limit)
                .fetch(r -> new TimelineEntry(TimelineKind.DEAL, instant(r.value1()), r.value2(), null, r.value3(),
                        null, r.value4(), r.value5(), r.value6()));
    }

    List<TimelineEntry> edits(long clientId, int limit) {
        return dsl.select(AUDIT_EVENT.OCCURRED_AT, APP_USER.FULL_NAME, AUDIT_EVENT.ACTION, AUDIT_EVENT.FIELD_NAME,
                        AUDIT_EVENT.DETAILS, AUDIT_EVENT.OLD_VALUE, AUDIT_EVENT.NEW_VALUE)
                .from(AUDIT_EVENT).leftJoin(APP_USER).on(APP_USER.ID.eq(AUDIT_EVENT.USER_ID))
                .where(AUDIT_EVENT.ENTITY.eq("client").and(AUDIT_EVENT.ENTITY_ID.eq(clientId)))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc()).limit(limit)
                .fetch(r -> new TimelineEntry(TimelineKind.EDIT, instant(r.value1()), r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7(), null));
    }
}
