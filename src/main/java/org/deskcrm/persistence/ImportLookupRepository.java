package org.deskcrm.persistence;

import org.deskcrm.model.io.RefKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;

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

/**
 * What an import looks names up in and checks duplicates against. Names are keyed by
 * {@link RefKind#key} (users by full name and by login, pipelines by name and by code, products by
 * name and by SKU); a key may name several records (an ambiguous name). Lookups by many values run
 * {@value #CHUNK} values per query.
 */
public class ImportLookupRepository {
    private static final int CHUNK = 500;

    /** A stage of a pipeline by name. */
    public record StageRef(long id, long pipelineId, String name) {
    }

    /** The card a normalized phone belongs to. */
    public record PhoneOwner(long clientId, Long contactId) {
    }

    private final DSLContext dsl;

    public ImportLookupRepository(Database db) {
        this.dsl = db.dsl();
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
                .where(CLIENT.NAME_NORM.in(part)));
    }

    /** Clients by INN. */
    public Map<String, Set<Long>> clientsByInn(Collection<String> inns) {
        return grouped(inns, CLIENT.INN, part -> dsl.select(CLIENT.INN, CLIENT.ID).from(CLIENT)
                .where(CLIENT.INN.in(part)));
    }

    /** Clients having a channel with one of these normalized values (phones and emails). */
    public Map<String, Set<Long>> clientsByChannel(Collection<String> values) {
        return grouped(values, CHANNEL.VALUE_NORM, part -> dsl.selectDistinct(CHANNEL.VALUE_NORM, CHANNEL.CLIENT_ID)
                .from(CHANNEL).where(CHANNEL.VALUE_NORM.in(part)));
    }

    /** The oldest card (then client-level channel first) of each normalized phone, like call matching. */
    public Map<String, PhoneOwner> phoneOwners(Collection<String> phones) {
        Map<String, PhoneOwner> m = new HashMap<>();
        for (List<String> part : chunks(phones)) {
            dsl.select(CHANNEL.VALUE_NORM, CHANNEL.CLIENT_ID, CHANNEL.CONTACT_ID).from(CHANNEL)
                    .where(CHANNEL.VALUE_NORM.in(part).and(CHANNEL.KIND_CODE.in("phone", "whatsapp")))
                    .orderBy(CHANNEL.CLIENT_ID, CHANNEL.CONTACT_ID.nullsFirst(), CHANNEL.ID)
                    .forEach(r -> m.putIfAbsent(r.value1(), new PhoneOwner(r.value2(), r.value3())));
        }
        return m;
    }

    /** Contacts of these clients: client id → full-name key → contact id. */
    public Map<Long, Map<String, Long>> contactsOf(Collection<Long> clientIds) {
        Map<Long, Map<String, Long>> m = new HashMap<>();
        for (List<Long> part : chunks(clientIds)) {
            dsl.select(CONTACT.CLIENT_ID, CONTACT.FULL_NAME, CONTACT.ID).from(CONTACT).where(CONTACT.CLIENT_ID.in(part))
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
            dsl.select(DEAL.CLIENT_ID, DEAL.TITLE_NORM, DEAL.ID).from(DEAL).where(DEAL.CLIENT_ID.in(part))
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
                    .where(SALE.CLIENT_ID.in(part).and(SALE.DOC_NO.isNotNull())).orderBy(SALE.ID)
                    .forEach(r -> m.computeIfAbsent(r.value1(), k -> new HashMap<>())
                            .putIfAbsent(RefKind.key(r.value2()), r.value3()));
        }
        return m;
    }

    /** Which of these call keys are already in the call log. */
    public Set<String> existingCallKeys(Collection<String> keys) {
        Set<String> found = new java.util.HashSet<>();
        for (List<String> part : chunks(keys)) {
            found.addAll(dsl.select(PHONE_CALL.EXTERNAL_KEY).from(PHONE_CALL).where(PHONE_CALL.EXTERNAL_KEY.in(part))
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
            dsl.select(DEAL.EXTERNAL_ID, DEAL.ID).from(DEAL).where(DEAL.EXTERNAL_ID.in(part))
                    .forEach(r -> m.put(r.value1(), r.value2()));
        }
        return m;
    }

    /** Rows of a table, for checks that an import left the database as it was. */
    public long count(String table) {
        return dsl.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table)));
    }

    private static Map<String, Set<Long>> grouped(Collection<String> values, Field<String> keyField,
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

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(new LinkedHashSet<>(values));
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            parts.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return parts;
    }
}
