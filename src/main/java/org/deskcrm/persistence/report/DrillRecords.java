package org.deskcrm.persistence.report;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.jooq.tables.AppUser;
import org.deskcrm.persistence.jooq.tables.Client;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.SALE;
import static org.deskcrm.persistence.jooq.Tables.STAGE;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/**
 * The human columns of the records behind a figure ({@code model.report.DrillField#of}), read by id: names
 * of the client and the manager instead of their ids, the stage's name, times as instants. The ids come from
 * a drill the reader may already see, so no scope is applied again.
 */
public class DrillRecords {
    /** Ids per query (an IN list of this size stays well inside every database's limits). */
    static final int CHUNK = 1_000;

    private final DSLContext dsl;

    public DrillRecords(Database db) {
        this.dsl = db.dsl();
    }

    /** Id to the record's columns, in the order of {@code DrillField.of(entity)}; empty for other kinds. */
    public Map<Long, List<Object>> read(String entity, Collection<Long> ids) {
        Map<Long, List<Object>> out = new HashMap<>();
        List<Long> all = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            switch (entity) {
                case "deal" -> deals(part, out);
                case "deal_stage_history" -> stageChanges(part, out);
                case "call" -> calls(part, out);
                case "client" -> clients(part, out);
                case "task" -> tasks(part, out);
                case "sale" -> sales(part, out);
                case "activity" -> activities(part, out);
                default -> {
                    return out;
                }
            }
        }
        return out;
    }

    private void deals(List<Long> ids, Map<Long, List<Object>> out) {
        AppUser owner = APP_USER.as("owner");
        Client client = CLIENT.as("c");
        dsl.select(DEAL.ID, DEAL.TITLE, client.NAME, owner.FULL_NAME, STAGE.NAME, DEAL.CREATED_AT)
                .from(DEAL).leftJoin(client).on(client.ID.eq(DEAL.CLIENT_ID))
                .leftJoin(owner).on(owner.ID.eq(DEAL.OWNER_ID))
                .leftJoin(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID))
                .where(DEAL.ID.in(ids))
                .forEach(r -> put(out, r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), instant(r.value6())));
    }

    private void stageChanges(List<Long> ids, Map<Long, List<Object>> out) {
        AppUser owner = APP_USER.as("owner");
        Client client = CLIENT.as("c");
        dsl.select(DEAL_STAGE_HISTORY.ID, DEAL.TITLE, client.NAME, owner.FULL_NAME, STAGE.NAME,
                        DEAL_STAGE_HISTORY.CHANGED_AT)
                .from(DEAL_STAGE_HISTORY).join(DEAL).on(DEAL.ID.eq(DEAL_STAGE_HISTORY.DEAL_ID))
                .leftJoin(client).on(client.ID.eq(DEAL.CLIENT_ID))
                .leftJoin(owner).on(owner.ID.eq(DEAL.OWNER_ID))
                .leftJoin(STAGE).on(STAGE.ID.eq(DEAL_STAGE_HISTORY.TO_STAGE_ID))
                .where(DEAL_STAGE_HISTORY.ID.in(ids))
                .forEach(r -> put(out, r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), instant(r.value6())));
    }

    private void calls(List<Long> ids, Map<Long, List<Object>> out) {
        AppUser user = APP_USER.as("u");
        Client client = CLIENT.as("c");
        dsl.select(PHONE_CALL.ID, PHONE_CALL.STARTED_AT, client.NAME, PHONE_CALL.PHONE_RAW, user.FULL_NAME,
                        PHONE_CALL.DIRECTION, PHONE_CALL.STATUS_CODE, PHONE_CALL.DURATION_SEC)
                .from(PHONE_CALL).leftJoin(client).on(client.ID.eq(PHONE_CALL.CLIENT_ID))
                .leftJoin(user).on(user.ID.eq(PHONE_CALL.USER_ID))
                .where(PHONE_CALL.ID.in(ids))
                .forEach(r -> put(out, r.value1(), instant(r.value2()), r.value3() == null ? r.value4() : r.value3(),
                        r.value5(), r.value6(), r.value7(), r.value8() == null ? null : r.value8().longValue()));
    }

    private void clients(List<Long> ids, Map<Long, List<Object>> out) {
        AppUser owner = APP_USER.as("owner");
        dsl.select(CLIENT.ID, CLIENT.NAME, owner.FULL_NAME, CLIENT.LIFECYCLE_CODE, CLIENT.CREATED_AT)
                .from(CLIENT).leftJoin(owner).on(owner.ID.eq(CLIENT.OWNER_ID))
                .where(CLIENT.ID.in(ids))
                .forEach(r -> put(out, r.value1(), r.value2(), r.value3(), r.value4(), instant(r.value5())));
    }

    private void tasks(List<Long> ids, Map<Long, List<Object>> out) {
        AppUser user = APP_USER.as("u");
        Client client = CLIENT.as("c");
        dsl.select(TASK.ID, TASK.TITLE, client.NAME, user.FULL_NAME, TASK.KIND_CODE, TASK.DUE_AT, TASK.STATUS_CODE)
                .from(TASK).leftJoin(client).on(client.ID.eq(TASK.CLIENT_ID))
                .leftJoin(user).on(user.ID.eq(TASK.ASSIGNEE_ID))
                .where(TASK.ID.in(ids))
                .forEach(r -> put(out, r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), instant(r.value6()),
                        r.value7()));
    }

    private void sales(List<Long> ids, Map<Long, List<Object>> out) {
        AppUser owner = APP_USER.as("owner");
        Client client = CLIENT.as("c");
        dsl.select(SALE.ID, SALE.SALE_DATE, client.NAME, owner.FULL_NAME, SALE.DOC_NO, SALE.PAID_AMOUNT)
                .from(SALE).leftJoin(client).on(client.ID.eq(SALE.CLIENT_ID))
                .leftJoin(owner).on(owner.ID.eq(SALE.OWNER_ID))
                .where(SALE.ID.in(ids))
                .forEach(r -> put(out, r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    private void activities(List<Long> ids, Map<Long, List<Object>> out) {
        AppUser user = APP_USER.as("u");
        Client client = CLIENT.as("c");
        dsl.select(ACTIVITY.ID, ACTIVITY.OCCURRED_AT, ACTIVITY.KIND_CODE, ACTIVITY.SUBJECT, client.NAME, user.FULL_NAME)
                .from(ACTIVITY).leftJoin(client).on(client.ID.eq(ACTIVITY.CLIENT_ID))
                .leftJoin(user).on(user.ID.eq(ACTIVITY.USER_ID))
                .where(ACTIVITY.ID.in(ids))
                .forEach(r -> put(out, r.value1(), instant(r.value2()), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    private static void put(Map<Long, List<Object>> out, Long id, Object... values) {
        out.put(id, Arrays.asList(values));
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
