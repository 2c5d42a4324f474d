package org.deskcrm.persistence.merge;

import org.deskcrm.model.client.Client;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.persistence.Database;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.CLIENT_NEED;
import static org.deskcrm.persistence.jooq.Tables.CLIENT_TAG;
import static org.deskcrm.persistence.jooq.Tables.CONTACT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.SALE;
import static org.deskcrm.persistence.jooq.Tables.TASK;
import static org.deskcrm.persistence.jooq.Tables.TASK_TEMPLATE;

/**
 * The writes of a merge of two clients (ADR 0016): every row that points at the merged client through a
 * {@code client_id} foreign key is moved to the survivor, duplicates of the survivor's channels and tags are
 * dropped, the survivor's own fields are rewritten and the merged client is deleted. The caller runs all of
 * it in one transaction; each write here joins it.
 */
public class ClientMergeRepository {
    /**
     * Every table with a foreign key to {@code client}, by table name (V1 and later migrations). Missed
     * calls follow their call (missed_call has no client of its own); channels and tags are handled first.
     */
    private static final List<Table<?>> CHILDREN = List.of(CONTACT, CHANNEL, CLIENT_TAG, DEAL, SALE, CLIENT_NEED,
            PHONE_CALL, TASK, TASK_TEMPLATE, ACTIVITY);

    private final DSLContext dsl;

    public ClientMergeRepository(Database db) {
        this.dsl = db.dsl();
    }

    /** The tables a merge moves rows of, by name, in the order it moves them. */
    public static List<String> childTables() {
        return CHILDREN.stream().map(Table::getName).toList();
    }

    /** The number of rows per child table that point at a client. */
    public Map<String, Integer> childCounts(long clientId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Table<?> t : CHILDREN) {
            counts.put(t.getName(), dsl.fetchCount(t, clientId(t).eq(clientId)));
        }
        return counts;
    }

    /** Drops the merged client's channels whose kind and normalized value the survivor already has. */
    public int dropDuplicateChannels(long mergedId, long survivorId) {
        var s = CHANNEL.as("s");
        return dsl.deleteFrom(CHANNEL).where(CHANNEL.CLIENT_ID.eq(mergedId)).and(DSL.exists(
                DSL.selectOne().from(s).where(s.CLIENT_ID.eq(survivorId)).and(s.KIND_CODE.eq(CHANNEL.KIND_CODE))
                        .and(s.VALUE_NORM.eq(CHANNEL.VALUE_NORM)))).execute();
    }

    /** Drops the merged client's tags the survivor already has (a tag is on a client once). */
    public int dropDuplicateTags(long mergedId, long survivorId) {
        return dsl.deleteFrom(CLIENT_TAG).where(CLIENT_TAG.CLIENT_ID.eq(mergedId)).and(CLIENT_TAG.TAG_ID.in(
                DSL.select(CLIENT_TAG.TAG_ID).from(CLIENT_TAG).where(CLIENT_TAG.CLIENT_ID.eq(survivorId)))).execute();
    }

    /**
     * The survivor keeps its primary contact and its primary channel of each kind: the merged client's
     * primaries of those become ordinary ones.
     */
    public void demotePrimaries(long mergedId, long survivorId) {
        if (dsl.fetchExists(CONTACT, CONTACT.CLIENT_ID.eq(survivorId).and(CONTACT.IS_PRIMARY))) {
            dsl.update(CONTACT).set(CONTACT.IS_PRIMARY, false)
                    .where(CONTACT.CLIENT_ID.eq(mergedId).and(CONTACT.IS_PRIMARY)).execute();
        }
        var s = CHANNEL.as("s");
        dsl.update(CHANNEL).set(CHANNEL.IS_PRIMARY, false)
                .where(CHANNEL.CLIENT_ID.eq(mergedId).and(CHANNEL.IS_PRIMARY).and(CHANNEL.KIND_CODE.in(
                        DSL.select(s.KIND_CODE).from(s).where(s.CLIENT_ID.eq(survivorId).and(s.IS_PRIMARY)))))
                .execute();
    }

    /** Points every child row of the merged client at the survivor; returns the rows moved per table. */
    public Map<String, Integer> moveChildren(long mergedId, long survivorId) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        for (Table<?> t : CHILDREN) {
            Field<Long> c = clientId(t);
            moved.put(t.getName(), dsl.update(t).set(c, survivorId).where(c.eq(mergedId)).execute());
        }
        return moved;
    }

    /**
     * Rewrites the survivor's own fields (version-checked) and takes over what of the merged client's
     * bookkeeping the survivor lacks: the source system's key and the latest contact time.
     */
    public long writeSurvivor(Client c, long mergedId, Instant now) {
        var merged = dsl.select(CLIENT.EXTERNAL_ID, CLIENT.LAST_CONTACT_AT).from(CLIENT)
                .where(CLIENT.ID.eq(mergedId)).fetchOne();
        if (merged == null) {
            throw new NotFoundException("client", mergedId);
        }
        var own = dsl.select(CLIENT.EXTERNAL_ID, CLIENT.LAST_CONTACT_AT).from(CLIENT)
                .where(CLIENT.ID.eq(c.id())).fetchOne();
        if (own == null) {
            throw new NotFoundException("client", c.id());
        }
        String externalId = own.value1() != null ? own.value1() : merged.value1();
        OffsetDateTime lastContact = later(own.value2(), merged.value2());
        if (own.value1() == null && merged.value1() != null) {
            // the key is unique: free it on the merged client before the survivor takes it
            dsl.update(CLIENT).set(CLIENT.EXTERNAL_ID, (String) null).where(CLIENT.ID.eq(mergedId)).execute();
        }
        int n = dsl.update(CLIENT)
                .set(CLIENT.KIND, c.kind().code())
                .set(CLIENT.NAME, c.name().strip())
                .set(CLIENT.NAME_NORM, Texts.searchKey(c.name()))
                .set(CLIENT.LEGAL_NAME, Texts.trimToNull(c.legalName()))
                .set(CLIENT.INN, Texts.trimToNull(c.inn()))
                .set(CLIENT.KPP, Texts.trimToNull(c.kpp()))
                .set(CLIENT.ADDRESS, Texts.trimToNull(c.address()))
                .set(CLIENT.REGION, Texts.trimToNull(c.region()))
                .set(CLIENT.INDUSTRY, Texts.trimToNull(c.industry()))
                .set(CLIENT.WEBSITE, Texts.trimToNull(c.website()))
                .set(CLIENT.SOURCE_ID, c.sourceId())
                .set(CLIENT.OWNER_ID, c.ownerId())
                .set(CLIENT.NOTES, Texts.trimToNull(c.notes()))
                .set(CLIENT.EXTERNAL_ID, externalId)
                .set(CLIENT.LAST_CONTACT_AT, lastContact)
                .set(CLIENT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(CLIENT.VERSION, c.version() + 1)
                .where(CLIENT.ID.eq(c.id()).and(CLIENT.VERSION.eq(c.version()))).execute();
        if (n == 0) {
            throw new ConcurrentEditException("client", c.id());
        }
        return c.version() + 1;
    }

    /** Deletes the merged client, now without child rows, if nobody changed it since {@code version}. */
    public void deleteMerged(long mergedId, long version) {
        int n = dsl.deleteFrom(CLIENT).where(CLIENT.ID.eq(mergedId).and(CLIENT.VERSION.eq(version))).execute();
        if (n == 0) {
            if (!dsl.fetchExists(CLIENT, CLIENT.ID.eq(mergedId))) {
                throw new NotFoundException("client", mergedId);
            }
            throw new ConcurrentEditException("client", mergedId);
        }
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.toInstant().isAfter(a.toInstant()) ? a : b;
    }

    @SuppressWarnings("unchecked")
    private static Field<Long> clientId(Table<?> t) {
        return (Field<Long>) t.field("client_id");
    }
}
