package org.deskcrm.persistence;

import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.model.task.TaskStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.REQUIRED_FIELD;
import static org.deskcrm.persistence.jooq.Tables.STAGE;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/**
 * The queries behind the control indicators. Each list query has a count query built from the very
 * same condition, so a dashboard count always equals the length of the list it opens.
 */
public class ControlRepository {
    /** A deal behind an indicator, with what the list shows. */
    public record DealFlag(long id, String title, Long clientId, String ownerName, String stageName,
                           Instant stageChangedAt, Integer maxDays) {
    }

    /** A task behind an indicator. */
    public record TaskFlag(long id, String title, Long clientId, String assigneeName, Instant dueAt) {
    }

    /** A client behind an indicator, with its last contact (call, meeting or note) if any. */
    public record ClientFlag(long id, String name, String ownerName, Instant createdAt, Instant lastContactAt) {
    }

    /** A value (normalized phone or email, INN) shared by several clients. */
    public record SharedValue(String kind, String value, long clientId) {
    }

    /** A client's name key for the near-duplicate check. */
    public record NameKey(long clientId, String name, String key, String ownerName) {
    }

    /** A required-field rule: the field must be filled and, with a pattern, match it. */
    public record RequiredRule(String field, String pattern) {
    }

    private final DSLContext dsl;

    public ControlRepository(Database db) {
        this.dsl = db.dsl();
    }

    private static Condition owner(Field<Long> field, Long managerId) {
        return managerId == null ? DSL.noCondition() : field.eq(managerId);
    }

    // ------------------------------------------------------------------ deals

    private static Condition openDeal() {
        return STAGE.KIND_CODE.eq("open");
    }

    private static Condition withoutOpenTask() {
        return DSL.notExists(DSL.selectOne().from(TASK)
                .where(TASK.DEAL_ID.eq(DEAL.ID).and(TASK.STATUS_CODE.eq(TaskStatus.OPEN.code()))));
    }

    public List<DealFlag> dealsWithoutTask(Long managerId, org.deskcrm.model.user.AccessScope scope) {
        return deals(openDeal().and(withoutOpenTask()).and(owner(DEAL.OWNER_ID, managerId).and(Visibility.owned(DEAL.OWNER_ID, scope))));
    }

    public int dealsWithoutTaskCount(Long managerId, org.deskcrm.model.user.AccessScope scope) {
        return dsl.fetchCount(DSL.selectOne().from(DEAL).join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID))
                .where(openDeal().and(withoutOpenTask()).and(owner(DEAL.OWNER_ID, managerId).and(Visibility.owned(DEAL.OWNER_ID, scope)))));
    }

    /** Deals in an open stage with a limit, entered longer ago than that limit. */
    private Condition stuck(Instant now) {
        Condition any = DSL.falseCondition();
        for (Record r : dsl.select(STAGE.ID, STAGE.MAX_DAYS).from(STAGE)
                .where(STAGE.KIND_CODE.eq("open").and(STAGE.MAX_DAYS.isNotNull())).fetch()) {
            Instant limit = now.minus(Duration.ofDays(r.get(STAGE.MAX_DAYS)));
            any = any.or(DEAL.STAGE_ID.eq(r.get(STAGE.ID)).and(DEAL.STAGE_CHANGED_AT.lt(odt(limit))));
        }
        return any;
    }

    public List<DealFlag> stuckDeals(Long managerId, org.deskcrm.model.user.AccessScope scope, Instant now) {
        return deals(stuck(now).and(owner(DEAL.OWNER_ID, managerId).and(Visibility.owned(DEAL.OWNER_ID, scope))));
    }

    public int stuckDealCount(Long managerId, org.deskcrm.model.user.AccessScope scope, Instant now) {
        return dsl.fetchCount(DEAL, stuck(now).and(owner(DEAL.OWNER_ID, managerId).and(Visibility.owned(DEAL.OWNER_ID, scope))));
    }

    private List<DealFlag> deals(Condition c) {
        return dsl.select(DEAL.ID, DEAL.TITLE, DEAL.CLIENT_ID, APP_USER.FULL_NAME, STAGE.NAME, DEAL.STAGE_CHANGED_AT,
                        STAGE.MAX_DAYS)
                .from(DEAL).join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(DEAL.OWNER_ID))
                .where(c)
                .orderBy(DEAL.STAGE_CHANGED_AT, DEAL.ID)
                .fetch(r -> new DealFlag(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        instant(r.value6()), r.value7()));
    }

    // ------------------------------------------------------------------ tasks

    private static Condition overdue(Instant now) {
        return TASK.STATUS_CODE.eq(TaskStatus.OPEN.code()).and(TASK.DUE_AT.lt(odt(now)));
    }

    public List<TaskFlag> overdueTasks(Long managerId, org.deskcrm.model.user.AccessScope scope, Instant now) {
        return dsl.select(TASK.ID, TASK.TITLE, TASK.CLIENT_ID, APP_USER.FULL_NAME, TASK.DUE_AT)
                .from(TASK).leftJoin(APP_USER).on(APP_USER.ID.eq(TASK.ASSIGNEE_ID))
                .where(overdue(now).and(owner(TASK.ASSIGNEE_ID, managerId).and(Visibility.tasks(scope))))
                .orderBy(TASK.DUE_AT, TASK.ID)
                .fetch(r -> new TaskFlag(r.value1(), r.value2(), r.value3(), r.value4(), instant(r.value5())));
    }

    public int overdueTaskCount(Long managerId, org.deskcrm.model.user.AccessScope scope, Instant now) {
        return dsl.fetchCount(TASK, overdue(now).and(owner(TASK.ASSIGNEE_ID, managerId).and(Visibility.tasks(scope))));
    }

    // ------------------------------------------------------------------ clients

    /**
     * Active (not archived) clients older than the cutoff with no call and no meeting or note since
     * the cutoff.
     */
    private static Condition forgotten(Instant cutoff) {
        return CLIENT.ARCHIVED.isFalse()
                .and(CLIENT.CREATED_AT.lt(odt(cutoff)))
                .and(DSL.notExists(DSL.selectOne().from(PHONE_CALL)
                        .where(PHONE_CALL.CLIENT_ID.eq(CLIENT.ID).and(PHONE_CALL.STARTED_AT.ge(odt(cutoff))))))
                .and(DSL.notExists(DSL.selectOne().from(ACTIVITY)
                        .where(ACTIVITY.CLIENT_ID.eq(CLIENT.ID)
                                .and(ACTIVITY.KIND_CODE.in(ActivityKind.NOTE.code(), ActivityKind.MEETING.code()))
                                .and(ACTIVITY.OCCURRED_AT.ge(odt(cutoff))))));
    }

    public List<ClientFlag> forgottenClients(Long managerId, org.deskcrm.model.user.AccessScope scope, Instant cutoff) {
        Field<OffsetDateTime> lastCall = DSL.field(DSL.select(DSL.max(PHONE_CALL.STARTED_AT)).from(PHONE_CALL)
                .where(PHONE_CALL.CLIENT_ID.eq(CLIENT.ID)));
        Field<OffsetDateTime> lastActivity = DSL.field(DSL.select(DSL.max(ACTIVITY.OCCURRED_AT)).from(ACTIVITY)
                .where(ACTIVITY.CLIENT_ID.eq(CLIENT.ID)
                        .and(ACTIVITY.KIND_CODE.in(ActivityKind.NOTE.code(), ActivityKind.MEETING.code()))));
        return dsl.select(CLIENT.ID, CLIENT.NAME, APP_USER.FULL_NAME, CLIENT.CREATED_AT, lastCall.as("last_call"),
                        lastActivity.as("last_activity"))
                .from(CLIENT).leftJoin(APP_USER).on(APP_USER.ID.eq(CLIENT.OWNER_ID))
                .where(forgotten(cutoff).and(owner(CLIENT.OWNER_ID, managerId).and(Visibility.clients(scope))))
                .orderBy(CLIENT.NAME_NORM, CLIENT.ID)
                .fetch(r -> {
                    Instant a = instant(r.get("last_call", OffsetDateTime.class));
                    Instant b = instant(r.get("last_activity", OffsetDateTime.class));
                    Instant last = a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
                    return new ClientFlag(r.value1(), r.value2(), r.value3(), instant(r.value4()), last);
                });
    }

    public int forgottenClientCount(Long managerId, org.deskcrm.model.user.AccessScope scope, Instant cutoff) {
        return dsl.fetchCount(CLIENT, forgotten(cutoff).and(owner(CLIENT.OWNER_ID, managerId).and(Visibility.clients(scope))));
    }

    public List<RequiredRule> requiredClientFields() {
        return dsl.select(REQUIRED_FIELD.FIELD_NAME, REQUIRED_FIELD.PATTERN).from(REQUIRED_FIELD)
                .where(REQUIRED_FIELD.ENTITY.eq("client").and(REQUIRED_FIELD.ACTIVE.isTrue()))
                .orderBy(REQUIRED_FIELD.ID)
                .fetch(r -> new RequiredRule(r.value1(), r.value2()));
    }

    public void putRequiredField(String entity, String field, String pattern) {
        int n = dsl.update(REQUIRED_FIELD).set(REQUIRED_FIELD.PATTERN, pattern).set(REQUIRED_FIELD.ACTIVE, true)
                .where(REQUIRED_FIELD.ENTITY.eq(entity).and(REQUIRED_FIELD.FIELD_NAME.eq(field))).execute();
        if (n == 0) {
            dsl.insertInto(REQUIRED_FIELD, REQUIRED_FIELD.ENTITY, REQUIRED_FIELD.FIELD_NAME, REQUIRED_FIELD.PATTERN)
                    .values(entity, field, pattern).execute();
        }
    }

    /**
     * Every active client with its channels (no contacts), for the data-quality check, plus each
     * client's owner name keyed by client id.
     */
    public List<ClientCard> activeCards(Long managerId, org.deskcrm.model.user.AccessScope scope, Map<Long, String> ownerNames) {
        Map<Long, List<Channel>> channels = new HashMap<>();
        dsl.select(CHANNEL.asterisk()).from(CHANNEL).join(CLIENT).on(CLIENT.ID.eq(CHANNEL.CLIENT_ID))
                .where(CLIENT.ARCHIVED.isFalse().and(owner(CLIENT.OWNER_ID, managerId).and(Visibility.clients(scope))))
                .orderBy(CHANNEL.ID)
                .forEach(r -> channels.computeIfAbsent(r.get(CHANNEL.CLIENT_ID), k -> new ArrayList<>())
                        .add(new Channel(r.get(CHANNEL.ID), r.get(CHANNEL.CONTACT_ID), null,
                                ChannelKind.ofCode(r.get(CHANNEL.KIND_CODE)), r.get(CHANNEL.VALUE_RAW),
                                r.get(CHANNEL.VALUE_NORM), r.get(CHANNEL.IS_PRIMARY), r.get(CHANNEL.NOTE))));
        List<ClientCard> out = new ArrayList<>();
        dsl.select(CLIENT.asterisk(), APP_USER.FULL_NAME).from(CLIENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CLIENT.OWNER_ID))
                .where(CLIENT.ARCHIVED.isFalse().and(owner(CLIENT.OWNER_ID, managerId).and(Visibility.clients(scope))))
                .orderBy(CLIENT.NAME_NORM, CLIENT.ID)
                .forEach(r -> {
                    var c = r.into(CLIENT);
                    Client client = new Client(c.getId(), ClientKind.ofCode(c.getKind()), c.getName(),
                            c.getLegalName(), c.getInn(), c.getKpp(), c.getAddress(), c.getRegion(), c.getIndustry(),
                            c.getWebsite(), c.getSourceId(), c.getOwnerId(), c.getNotes(), c.getArchived(),
                            LifecycleStatus.ofCode(c.getLifecycleCode()), c.getPurchaseCount(),
                            c.getLastPurchaseOn(), instant(c.getCreatedAt()), List.of(), c.getVersion());
                    ownerNames.put(c.getId(), r.get(APP_USER.FULL_NAME));
                    out.add(new ClientCard(client, List.of(), channels.getOrDefault(c.getId(), List.of())));
                });
        return out;
    }

    // ------------------------------------------------------------------ duplicates

    /** Phones, WhatsApp numbers, emails and INNs that two or more active clients share. */
    public List<SharedValue> sharedValues(Long managerId, org.deskcrm.model.user.AccessScope scope) {
        List<SharedValue> out = new ArrayList<>();
        Condition active = CLIENT.ARCHIVED.isFalse();
        Field<String> kind = DSL.when(CHANNEL.KIND_CODE.eq("email"), "email").otherwise("phone");
        var shared = DSL.select(CHANNEL.VALUE_NORM).from(CHANNEL).join(CLIENT).on(CLIENT.ID.eq(CHANNEL.CLIENT_ID))
                .where(active.and(CHANNEL.KIND_CODE.in("phone", "whatsapp", "email")).and(CHANNEL.VALUE_NORM.ne("")))
                .groupBy(CHANNEL.VALUE_NORM)
                .having(DSL.countDistinct(CHANNEL.CLIENT_ID).gt(1));
        dsl.selectDistinct(kind, CHANNEL.VALUE_NORM, CHANNEL.CLIENT_ID).from(CHANNEL)
                .join(CLIENT).on(CLIENT.ID.eq(CHANNEL.CLIENT_ID))
                .where(active.and(CHANNEL.KIND_CODE.in("phone", "whatsapp", "email"))
                        .and(CHANNEL.VALUE_NORM.in(shared)).and(owner(CLIENT.OWNER_ID, managerId).and(Visibility.clients(scope))))
                .orderBy(CHANNEL.VALUE_NORM, CHANNEL.CLIENT_ID)
                .forEach(r -> out.add(new SharedValue(r.value1(), r.value2(), r.value3())));
        var sharedInn = DSL.select(CLIENT.INN).from(CLIENT).where(active.and(CLIENT.INN.isNotNull()))
                .groupBy(CLIENT.INN).having(DSL.count().gt(1));
        dsl.select(CLIENT.INN, CLIENT.ID).from(CLIENT)
                .where(active.and(CLIENT.INN.in(sharedInn)).and(owner(CLIENT.OWNER_ID, managerId).and(Visibility.clients(scope))))
                .orderBy(CLIENT.INN, CLIENT.ID)
                .forEach(r -> out.add(new SharedValue("inn", r.value1(), r.value2())));
        return out;
    }

    /** Name keys of every active client (the near-identical name check runs in the service). */
    public List<NameKey> nameKeys() {
        return dsl.select(CLIENT.ID, CLIENT.NAME, CLIENT.NAME_NORM, APP_USER.FULL_NAME).from(CLIENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CLIENT.OWNER_ID))
                .where(CLIENT.ARCHIVED.isFalse())
                .orderBy(CLIENT.NAME_NORM, CLIENT.ID)
                .fetch(r -> new NameKey(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The ids of the users in a team (a supervisor's people). */
    public java.util.Set<Long> teamMemberIds(long teamId) {
        return new java.util.HashSet<>(dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.TEAM_ID.eq(teamId))
                .fetch(APP_USER.ID));
    }

    /** Names and owners of clients by id. */
    public Map<Long, String[]> clientNames(java.util.Collection<Long> ids) {
        Map<Long, String[]> m = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return m;
        }
        dsl.select(CLIENT.ID, CLIENT.NAME, APP_USER.FULL_NAME, CLIENT.OWNER_ID).from(CLIENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CLIENT.OWNER_ID))
                .where(CLIENT.ID.in(ids))
                .forEach(r -> m.put(r.value1(), new String[]{r.value2(), r.value3(),
                        r.value4() == null ? null : String.valueOf(r.value4())}));
        return m;
    }
}
