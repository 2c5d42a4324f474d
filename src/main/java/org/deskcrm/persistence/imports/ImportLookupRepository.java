package org.deskcrm.persistence.imports;

import org.deskcrm.persistence.Database;
import org.deskcrm.model.io.RefKind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.CONTACT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.LEAD_SOURCE;
import static org.deskcrm.persistence.jooq.Tables.LOST_REASON;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.PIPELINE;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT;
import static org.deskcrm.persistence.jooq.Tables.SALE;
import static org.deskcrm.persistence.jooq.Tables.STAGE;
import static org.deskcrm.persistence.jooq.Tables.TEAM;

/**
 * What an import looks names up in and checks duplicates against. Names are keyed by
 * {@link RefKind#key} (users by full name and by login, pipelines by name and by code, products by
 * name and by SKU); a key may name several records (an ambiguous name). Lookups by many values run
 * {@value #CHUNK} values per query.
 */
public class ImportLookupRepository {
    /** Keys per lookup statement: an IN list on H2 (whose plans for longer lists read more); one array on PostgreSQL. */
    private static final int CHUNK = 500;
    private static final int POSTGRES_CHUNK = 20_000;

    /** A stage of a pipeline by name. */
    public record StageRef(long id, long pipelineId, String name) {
    }

    /** What tells a client apart when it has no INN, phone or e-mail: its name, region, website and key. */
    public record ClientIdentity(long id, String name, String inn, String region, String website, String externalId) {
    }

    /** The card a normalized phone belongs to. */
    public record PhoneOwner(long clientId, Long contactId) {
    }

    private final DSLContext dsl;
    private final boolean postgres;

    public ImportLookupRepository(Database db) {
        this.dsl = db.dsl();
        this.postgres = db.dialect().family() == org.jooq.SQLDialect.POSTGRES;
    }

    public Map<String, Set<Long>> users() {
        Map<String, Set<Long>> m = new HashMap<>();
        dsl.select(APP_USER.ID, APP_USER.FULL_NAME, APP_USER.LOGIN).from(APP_USER).forEach(r -> {
            add(m, r.value2(), r.value1());
            add(m, r.value3(), r.value1());
        });
        return m;
    }

    public Map<String, Set<Long>> sources() {
        Map<String, Set<Long>> m = new HashMap<>();
        dsl.select(LEAD_SOURCE.ID, LEAD_SOURCE.NAME).from(LEAD_SOURCE).forEach(r -> add(m, r.value2(), r.value1()));
        return m;
    }

    public Map<String, Set<Long>> pipelines() {
        Map<String, Set<Long>> m = new HashMap<>();
        dsl.select(PIPELINE.ID, PIPELINE.NAME, PIPELINE.CODE).from(PIPELINE).orderBy(PIPELINE.SORT_ORDER)
                .forEach(r -> {
                    add(m, r.value2(), r.value1());
                    add(m, r.value3(), r.value1());
                });
        return m;
    }

    public Map<String, Set<Long>> products() {
        Map<String, Set<Long>> m = new HashMap<>();
        dsl.select(PRODUCT.ID, PRODUCT.NAME, PRODUCT.SKU).from(PRODUCT).forEach(r -> {
            add(m, r.value2(), r.value1());
            add(m, r.value3(), r.value1());
        });
        return m;
    }

    public Map<String, Set<Long>> teams() {
        Map<String, Set<Long>> m = new HashMap<>();
        dsl.select(TEAM.ID, TEAM.NAME).from(TEAM).forEach(r -> add(m, r.value2(), r.value1()));
        return m;
    }

    /** "Full name (login)" of each of these people, by id. */
    public List<String> userLabels(Collection<Long> ids) {
        return ids == null || ids.isEmpty() ? List.of() : dsl.select(APP_USER.FULL_NAME, APP_USER.LOGIN).from(APP_USER)
                .where(APP_USER.ID.in(ids)).orderBy(APP_USER.ID).fetch(r -> r.value1() + " (" + r.value2() + ")");
    }

    public List<StageRef> stages() {
        return dsl.select(STAGE.ID, STAGE.PIPELINE_ID, STAGE.NAME).from(STAGE)
                .orderBy(STAGE.PIPELINE_ID, STAGE.SORT_ORDER)
                .fetch(r -> new StageRef(r.value1(), r.value2(), r.value3()));
    }

    /** The known names of a kind (for the value-mapping choices); clients are too many and not listed. */
    public List<String> names(RefKind kind) {
        Set<String> names = new TreeSet<>();
        switch (kind) {
            case OWNER -> names.addAll(dsl.select(APP_USER.FULL_NAME).from(APP_USER).where(APP_USER.ACTIVE.isTrue())
                    .fetch(APP_USER.FULL_NAME));
            case SOURCE -> names.addAll(dsl.select(LEAD_SOURCE.NAME).from(LEAD_SOURCE).fetch(LEAD_SOURCE.NAME));
            case PIPELINE -> names.addAll(dsl.select(PIPELINE.NAME).from(PIPELINE).fetch(PIPELINE.NAME));
            case PRODUCT -> names.addAll(dsl.select(PRODUCT.NAME).from(PRODUCT).fetch(PRODUCT.NAME));
            case STAGE -> names.addAll(dsl.select(STAGE.NAME).from(STAGE).fetch(STAGE.NAME));
            case TEAM -> names.addAll(dsl.select(TEAM.NAME).from(TEAM).fetch(TEAM.NAME));
            case LOST_REASON -> names.addAll(dsl.select(LOST_REASON.NAME).from(LOST_REASON).fetch(LOST_REASON.NAME));
            default -> {
                // clients and fixed word lists are not stored names
            }
        }
        return new ArrayList<>(names);
    }

    /** Clients by their name key ({@code name_norm}). */
    public Map<String, Set<Long>> clientsByNameKey(Collection<String> keys) {
        return grouped(keys, CLIENT.NAME_NORM, part -> dsl.select(CLIENT.NAME_NORM, CLIENT.ID).from(CLIENT)
                .where(in(CLIENT.NAME_NORM, part)));
    }

    /**
     * Every client's identity, or only of the clients without an INN (duplicate detection by name; one row per card,
     * a few columns).
     */
    public List<ClientIdentity> clientIdentities(boolean onlyWithoutInn) {
        return dsl.select(CLIENT.ID, CLIENT.NAME, CLIENT.INN, CLIENT.REGION, CLIENT.WEBSITE, CLIENT.EXTERNAL_ID)
                .from(CLIENT).where(onlyWithoutInn ? CLIENT.INN.isNull().or(CLIENT.INN.eq("")) : DSL.noCondition())
                .orderBy(CLIENT.ID)
                .fetch(r -> new ClientIdentity(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Clients by their source system's key. */
    public Map<String, Set<Long>> clientsByExternalId(Collection<String> keys) {
        return grouped(keys, CLIENT.EXTERNAL_ID, part -> dsl.select(CLIENT.EXTERNAL_ID, CLIENT.ID).from(CLIENT)
                .where(in(CLIENT.EXTERNAL_ID, part)));
    }

    /** Clients by INN. */
    public Map<String, Set<Long>> clientsByInn(Collection<String> inns) {
        return grouped(inns, CLIENT.INN, part -> dsl.select(CLIENT.INN, CLIENT.ID).from(CLIENT)
                .where(in(CLIENT.INN, part)));
    }

    /** Clients having a channel with one of these normalized values (phones and emails). */
    public Map<String, Set<Long>> clientsByChannel(Collection<String> values) {
        return grouped(values, CHANNEL.VALUE_NORM, part -> dsl.selectDistinct(CHANNEL.VALUE_NORM, CHANNEL.CLIENT_ID)
                .from(CHANNEL).where(in(CHANNEL.VALUE_NORM, part)));
    }

    /** The oldest card (then client-level channel first) of each normalized phone, like call matching. */
    public Map<String, PhoneOwner> phoneOwners(Collection<String> phones) {
        Map<String, PhoneOwner> m = new HashMap<>();
        for (List<String> part : chunks(phones)) {
            dsl.select(CHANNEL.VALUE_NORM, CHANNEL.CLIENT_ID, CHANNEL.CONTACT_ID).from(CHANNEL)
                    .where(in(CHANNEL.VALUE_NORM, part).and(CHANNEL.KIND_CODE.in("phone", "whatsapp")))
                    .orderBy(CHANNEL.CLIENT_ID, CHANNEL.CONTACT_ID.nullsFirst(), CHANNEL.ID)
                    .forEach(r -> m.putIfAbsent(r.value1(), new PhoneOwner(r.value2(), r.value3())));
        }
        return m;
    }

    /** Contacts of these clients: client id → full-name key → contact id. */
    public Map<Long, Map<String, Long>> contactsOf(Collection<Long> clientIds) {
        Map<Long, Map<String, Long>> m = new HashMap<>();
        for (List<Long> part : chunks(clientIds)) {
            dsl.select(CONTACT.CLIENT_ID, CONTACT.FULL_NAME, CONTACT.ID).from(CONTACT).where(in(CONTACT.CLIENT_ID, part))
                    .orderBy(CONTACT.ID)
                    .forEach(r -> m.computeIfAbsent(r.value1(), k -> new HashMap<>())
                            .putIfAbsent(RefKind.key(r.value2()), r.value3()));
        }
        return m;
    }

    /** Deals of these clients: client id → lower-case title → deal id. */
    public Map<Long, Map<String, Long>> dealsOf(Collection<Long> clientIds) {
        Map<Long, Map<String, Long>> m = new HashMap<>();
        for (List<Long> part : chunks(clientIds)) {
            dsl.select(DEAL.CLIENT_ID, DEAL.TITLE_NORM, DEAL.ID).from(DEAL).where(in(DEAL.CLIENT_ID, part))
                    .orderBy(DEAL.ID)
                    .forEach(r -> m.computeIfAbsent(r.value1(), k -> new HashMap<>()).putIfAbsent(r.value2(), r.value3()));
        }
        return m;
    }

    /** Sales of these clients that carry a document number: client id → document number → sale id. */
    public Map<Long, Map<String, Long>> salesOf(Collection<Long> clientIds) {
        Map<Long, Map<String, Long>> m = new HashMap<>();
        for (List<Long> part : chunks(clientIds)) {
            dsl.select(SALE.CLIENT_ID, SALE.DOC_NO, SALE.ID).from(SALE)
                    .where(in(SALE.CLIENT_ID, part).and(SALE.DOC_NO.isNotNull())).orderBy(SALE.ID)
                    .forEach(r -> m.computeIfAbsent(r.value1(), k -> new HashMap<>())
                            .putIfAbsent(RefKind.key(r.value2()), r.value3()));
        }
        return m;
    }

    /** Which of these call keys are already in the call log. */
    public Set<String> existingCallKeys(Collection<String> keys) {
        Set<String> found = new java.util.HashSet<>();
        for (List<String> part : chunks(keys)) {
            found.addAll(dsl.select(PHONE_CALL.EXTERNAL_KEY).from(PHONE_CALL).where(in(PHONE_CALL.EXTERNAL_KEY, part))
                    .fetch(PHONE_CALL.EXTERNAL_KEY));
        }
        return found;
    }

    /** A stage with its place in its pipeline and its kind (the synthetic history walks the open ones in order). */
    public record StageStep(long id, long pipelineId, int order, org.deskcrm.model.deal.StageKind kind, String name) {
    }

    /** Every stage, by pipeline and order. */
    public List<StageStep> stageSteps() {
        return dsl.select(STAGE.ID, STAGE.PIPELINE_ID, STAGE.SORT_ORDER, STAGE.KIND_CODE, STAGE.NAME).from(STAGE)
                .orderBy(STAGE.PIPELINE_ID, STAGE.SORT_ORDER, STAGE.ID)
                .fetch(r -> new StageStep(r.value1(), r.value2(), r.value3(),
                        org.deskcrm.model.deal.StageKind.ofCode(r.value4()), r.value5()));
    }

    /** Lost reasons by name key. */
    public Map<String, Set<Long>> lostReasons() {
        Map<String, Set<Long>> m = new HashMap<>();
        dsl.select(LOST_REASON.ID, LOST_REASON.NAME).from(LOST_REASON).forEach(r -> add(m, r.value2(), r.value1()));
        return m;
    }

    /** Deals by the source system's key: external id → deal id. */
    public Map<String, Long> dealsByExternalId(Collection<String> keys) {
        Map<String, Long> m = new HashMap<>();
        for (List<String> part : chunks(keys)) {
            dsl.select(DEAL.EXTERNAL_ID, DEAL.ID).from(DEAL).where(in(DEAL.EXTERNAL_ID, part))
                    .forEach(r -> m.put(r.value1(), r.value2()));
        }
        return m;
    }

    /** A deal found by its external id, with what a history file is checked against. */
    public record KeyedDeal(long id, long pipelineId, long stageId, java.time.Instant closedAt,
                            java.math.BigDecimal amount) {
    }

    /** Deals by the source system's key, for a history file: external id → deal. */
    public Map<String, KeyedDeal> keyedDeals(Collection<String> keys) {
        Map<String, KeyedDeal> m = new HashMap<>();
        for (List<String> part : chunks(keys)) {
            dsl.select(DEAL.EXTERNAL_ID, DEAL.ID, DEAL.PIPELINE_ID, DEAL.STAGE_ID, DEAL.CLOSED_AT, DEAL.AMOUNT).from(DEAL)
                    .where(in(DEAL.EXTERNAL_ID, part))
                    .forEach(r -> m.put(r.value1(), new KeyedDeal(r.value2(), r.value3(), r.value4(),
                            r.value5() == null ? null : r.value5().toInstant(), r.value6())));
        }
        return m;
    }

    /** Rows of a table, for checks that an import left the database as it was. */
    public long count(String table) {
        return dsl.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table)));
    }

    private Map<String, Set<Long>> grouped(Collection<String> values, Field<String> keyField,
                                                      Function<List<String>, Select<Record2<String, Long>>> query) {
        Map<String, Set<Long>> m = new HashMap<>();
        for (List<String> part : chunks(values)) {
            query.apply(part).fetch().forEach(r -> m.computeIfAbsent(r.value1(), k -> new LinkedHashSet<>())
                    .add(r.value2()));
        }
        return m;
    }

    private static void add(Map<String, Set<Long>> m, String name, Long id) {
        if (name != null && !name.isBlank()) {
            m.computeIfAbsent(RefKind.key(name), k -> new LinkedHashSet<>()).add(id);
        }
    }

    private <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(new LinkedHashSet<>(values));
        int chunk = postgres ? POSTGRES_CHUNK : CHUNK;
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += chunk) {
            parts.add(all.subList(i, Math.min(all.size(), i + chunk)));
        }
        return parts;
    }

    /**
     * The field is one of the keys: an IN list on H2; on PostgreSQL {@code = ANY(?)} with one array parameter, which
     * is parsed and planned once whatever the number of keys (a list of 500 binds per statement cost more to plan than
     * to run).
     */
    @SuppressWarnings("unchecked")
    private <T> Condition in(Field<T> field, List<T> keys) {
        return postgres ? field.eq(DSL.any(keys.toArray((T[]) java.lang.reflect.Array.newInstance(field.getType(), 0))))
                : field.in(keys);
    }
}
