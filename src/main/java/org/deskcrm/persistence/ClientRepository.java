package org.deskcrm.persistence;

import org.deskcrm.model.client.PhoneDigits;

import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.client.Contact;
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Page;
import org.deskcrm.model.common.Texts;
import org.deskcrm.persistence.jooq.tables.records.ClientRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.CLIENT_TAG;
import static org.deskcrm.persistence.jooq.Tables.CONTACT;
import static org.deskcrm.persistence.jooq.Tables.LEAD_SOURCE;
import static org.deskcrm.persistence.jooq.Tables.TAG;

/**
 * Client cards (client + contacts + channels + tags), saved as one unit in one transaction with
 * optimistic locking on the client's version. Channels arrive already normalized by the service.
 */
public class ClientRepository {
    private final DSLContext dsl;

    public ClientRepository(Database db) {
        this.dsl = db.dsl();
    }

    // ------------------------------------------------------------------ write

    /** Inserts a new card; returns its id. */
    public long insert(ClientCard card, Long userId, Instant now) {
        return dsl.transactionResult(() -> {
            DSLContext tx = dsl;
            Client cl = card.client();
            ClientRecord r = tx.newRecord(CLIENT);
            fill(r, cl);
            r.setCreatedAt(odt(now));
            r.setUpdatedAt(odt(now));
            r.setCreatedBy(userId);
            r.setVersion(0L);
            long id = tx.insertInto(CLIENT).set(r).returning(CLIENT.ID).fetchOne(CLIENT.ID);
            writeTags(tx, id, cl.tags());
            List<Long> contactIds = writeContacts(tx, id, card.contacts());
            writeChannels(tx, id, card.channels(), contactIds);
            return id;
        });
    }

    /**
     * Updates a card if nobody changed it since {@code card.client().version()} was read; returns the
     * new version. Contacts are matched by id (new ones inserted, missing ones deleted); channels
     * are replaced.
     */
    public long update(ClientCard card, Instant now) {
        Client cl = card.client();
        return dsl.transactionResult(() -> {
            DSLContext tx = dsl;
            ClientRecord r = tx.newRecord(CLIENT);
            fill(r, cl);
            r.setUpdatedAt(odt(now));
            r.setVersion(cl.version() + 1);
            r.changed(CLIENT.ID, false);
            int n = tx.update(CLIENT).set(r)
                    .where(CLIENT.ID.eq(cl.id()).and(CLIENT.VERSION.eq(cl.version())))
                    .execute();
            if (n == 0) {
                if (!tx.fetchExists(CLIENT, CLIENT.ID.eq(cl.id()))) {
                    throw new NotFoundException("client", cl.id());
                }
                throw new ConcurrentEditException("client", cl.id());
            }
            tx.deleteFrom(CLIENT_TAG).where(CLIENT_TAG.CLIENT_ID.eq(cl.id())).execute();
            writeTags(tx, cl.id(), cl.tags());
            tx.deleteFrom(CHANNEL).where(CHANNEL.CLIENT_ID.eq(cl.id())).execute();
            List<Long> contactIds = syncContacts(tx, cl.id(), card.contacts());
            writeChannels(tx, cl.id(), card.channels(), contactIds);
            return cl.version() + 1;
        });
    }

    /** Archives or restores a client (version-checked); returns the new version. */
    public long setArchived(long id, long version, boolean archived, Instant now) {
        int n = dsl.update(CLIENT).set(CLIENT.ARCHIVED, archived).set(CLIENT.UPDATED_AT, odt(now))
                .set(CLIENT.VERSION, version + 1)
                .where(CLIENT.ID.eq(id).and(CLIENT.VERSION.eq(version))).execute();
        if (n == 0) {
            throw new ConcurrentEditException("client", id);
        }
        return version + 1;
    }

    /** Stores the computed lifecycle fields (no version bump: nobody typed them). */
    public void setLifecycle(long id, LifecycleStatus status, int purchaseCount, LocalDate first, LocalDate last,
                             Instant now) {
        dsl.update(CLIENT).set(CLIENT.LIFECYCLE_CODE, status.code()).set(CLIENT.PURCHASE_COUNT, purchaseCount)
                .set(CLIENT.FIRST_PURCHASE_ON, first).set(CLIENT.LAST_PURCHASE_ON, last)
                .set(CLIENT.STATUS_COMPUTED_AT, odt(now)).where(CLIENT.ID.eq(id)).execute();
    }

    private static void fill(ClientRecord r, Client cl) {
        r.setKind(cl.kind().code());
        r.setName(cl.name().strip());
        r.setNameNorm(Texts.searchKey(cl.name()));
        r.setLegalName(Texts.trimToNull(cl.legalName()));
        r.setInn(Texts.trimToNull(cl.inn()));
        r.setKpp(Texts.trimToNull(cl.kpp()));
        r.setAddress(Texts.trimToNull(cl.address()));
        r.setRegion(Texts.trimToNull(cl.region()));
        r.setIndustry(Texts.trimToNull(cl.industry()));
        r.setWebsite(Texts.trimToNull(cl.website()));
        r.setSourceId(cl.sourceId());
        r.setOwnerId(cl.ownerId());
        r.setNotes(Texts.trimToNull(cl.notes()));
        r.setArchived(cl.archived());
    }

    private static void writeTags(DSLContext tx, long clientId, List<String> tags) {
        Set<String> seen = new HashSet<>();
        for (String raw : tags) {
            String tag = raw.strip();
            if (tag.isEmpty() || !seen.add(tag.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            Long tagId = tx.select(TAG.ID).from(TAG).where(TAG.NAME.eq(tag)).fetchOne(TAG.ID);
            if (tagId == null) {
                tagId = tx.insertInto(TAG, TAG.NAME).values(tag).returning(TAG.ID).fetchOne(TAG.ID);
            }
            tx.insertInto(CLIENT_TAG, CLIENT_TAG.CLIENT_ID, CLIENT_TAG.TAG_ID).values(clientId, tagId).execute();
        }
    }

    private static List<Long> writeContacts(DSLContext tx, long clientId, List<Contact> contacts) {
        List<Long> ids = new ArrayList<>();
        for (Contact p : contacts) {
            ids.add(insertContact(tx, clientId, p));
        }
        return ids;
    }

    private static long insertContact(DSLContext tx, long clientId, Contact p) {
        return tx.insertInto(CONTACT)
                .set(CONTACT.CLIENT_ID, clientId)
                .set(CONTACT.FULL_NAME, p.fullName().strip())
                .set(CONTACT.JOB_TITLE, Texts.trimToNull(p.jobTitle()))
                .set(CONTACT.NOTES, Texts.trimToNull(p.notes()))
                .set(CONTACT.IS_PRIMARY, p.primary())
                .returning(CONTACT.ID).fetchOne(CONTACT.ID);
    }

    private static List<Long> syncContacts(DSLContext tx, long clientId, List<Contact> contacts) {
        Set<Long> keep = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        for (Contact p : contacts) {
            if (p.id() == null) {
                ids.add(null);
                continue;
            }
            int n = tx.update(CONTACT)
                    .set(CONTACT.FULL_NAME, p.fullName().strip())
                    .set(CONTACT.JOB_TITLE, Texts.trimToNull(p.jobTitle()))
                    .set(CONTACT.NOTES, Texts.trimToNull(p.notes()))
                    .set(CONTACT.IS_PRIMARY, p.primary())
                    .set(CONTACT.VERSION, CONTACT.VERSION.plus(1))
                    .where(CONTACT.ID.eq(p.id()).and(CONTACT.CLIENT_ID.eq(clientId))).execute();
            if (n == 0) {
                throw new ConcurrentEditException("contact", p.id());
            }
            keep.add(p.id());
            ids.add(p.id());
        }
        Condition removed = CONTACT.CLIENT_ID.eq(clientId);
        if (!keep.isEmpty()) {
            removed = removed.and(CONTACT.ID.notIn(keep));
        }
        tx.deleteFrom(CONTACT).where(removed).execute();
        for (int i = 0; i < contacts.size(); i++) {
            if (ids.get(i) == null) {
                ids.set(i, insertContact(tx, clientId, contacts.get(i)));
            }
        }
        return ids;
    }

    private static void writeChannels(DSLContext tx, long clientId, List<Channel> channels, List<Long> contactIds) {
        for (Channel ch : channels) {
            Long contactId = ch.contactIndex() != null ? contactIds.get(ch.contactIndex()) : ch.contactId();
            if (contactId != null && !contactIds.contains(contactId)) {
                contactId = null; // its contact was removed in this edit: keep the channel on the client
            }
            tx.insertInto(CHANNEL)
                    .set(CHANNEL.CLIENT_ID, clientId)
                    .set(CHANNEL.CONTACT_ID, contactId)
                    .set(CHANNEL.KIND_CODE, ch.kind().code())
                    .set(CHANNEL.VALUE_RAW, ch.raw().strip())
                    .set(CHANNEL.VALUE_NORM, ch.normalized())
                    .set(CHANNEL.DIGITS_REV, PhoneDigits.reversed(ch.normalized()))
                    .set(CHANNEL.IS_PRIMARY, ch.primary())
                    .set(CHANNEL.NOTE, Texts.trimToNull(ch.note()))
                    .execute();
        }
    }

    // ------------------------------------------------------------------ read

    public Optional<ClientCard> findCard(long id) {
        return findCard(id, AccessScope.all());
    }

    /** The card if {@code scope} sees the client; empty for another manager's client. */
    public Optional<ClientCard> findCard(long id, AccessScope scope) {
        ClientRecord r = dsl.selectFrom(CLIENT).where(CLIENT.ID.eq(id)).and(Visibility.clients(scope)).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        List<String> tags = dsl.select(TAG.NAME).from(CLIENT_TAG).join(TAG).on(TAG.ID.eq(CLIENT_TAG.TAG_ID))
                .where(CLIENT_TAG.CLIENT_ID.eq(id)).orderBy(TAG.NAME).fetch(TAG.NAME);
        List<Contact> contacts = dsl.selectFrom(CONTACT).where(CONTACT.CLIENT_ID.eq(id))
                .orderBy(CONTACT.IS_PRIMARY.desc(), CONTACT.ID)
                .fetch(c -> new Contact(c.getId(), c.getClientId(), c.getFullName(), c.getJobTitle(), c.getNotes(),
                        c.getIsPrimary(), c.getVersion()));
        List<Channel> channels = dsl.selectFrom(CHANNEL).where(CHANNEL.CLIENT_ID.eq(id))
                .orderBy(CHANNEL.CONTACT_ID.nullsFirst(), CHANNEL.ID)
                .fetch(c -> new Channel(c.getId(), c.getContactId(), null, ChannelKind.ofCode(c.getKindCode()),
                        c.getValueRaw(), c.getValueNorm(), c.getIsPrimary(), c.getNote()));
        return Optional.of(new ClientCard(map(r, tags), contacts, channels));
    }

    private static Client map(ClientRecord r, List<String> tags) {
        return new Client(r.getId(), ClientKind.ofCode(r.getKind()), r.getName(), r.getLegalName(), r.getInn(),
                r.getKpp(), r.getAddress(), r.getRegion(), r.getIndustry(), r.getWebsite(), r.getSourceId(),
                r.getOwnerId(), r.getNotes(), r.getArchived(), LifecycleStatus.ofCode(r.getLifecycleCode()),
                r.getPurchaseCount(), r.getLastPurchaseOn(), instant(r.getCreatedAt()), tags, r.getVersion());
    }

    public long count(ClientFilter filter) {
        return dsl.fetchCount(CLIENT, conditions(filter));
    }

    /**
     * One page of the list ordered by name: keyset paging after ({@code afterKey}, {@code afterId}),
     * so page 1 000 costs what page 1 costs. Pass nulls for the first page.
     */
    public Page<ClientRow> page(ClientFilter filter, String afterKey, Long afterId, int limit) {
        Condition where = conditions(filter);
        if (afterKey != null && afterId != null) {
            where = where.and(DSL.row(CLIENT.NAME_NORM, CLIENT.ID).gt(afterKey, afterId));
        }
        List<ClientRow> rows = dsl.select(rowFields())
                .from(CLIENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CLIENT.OWNER_ID))
                .leftJoin(LEAD_SOURCE).on(LEAD_SOURCE.ID.eq(CLIENT.SOURCE_ID))
                .where(where)
                .orderBy(CLIENT.NAME_NORM, CLIENT.ID)
                .limit(limit + 1)
                .fetch(ClientRepository::mapRow);
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more);
    }

    /** Rows for the given ids (search results, duplicate candidates), in name order. */
    public List<ClientRow> rows(java.util.Collection<Long> ids) {
        return rows(ids, AccessScope.all());
    }

    /** Rows for those of the ids that {@code scope} sees, in name order. */
    public List<ClientRow> rows(java.util.Collection<Long> ids, AccessScope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return dsl.select(rowFields())
                .from(CLIENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CLIENT.OWNER_ID))
                .leftJoin(LEAD_SOURCE).on(LEAD_SOURCE.ID.eq(CLIENT.SOURCE_ID))
                .where(CLIENT.ID.in(ids)).and(Visibility.clients(scope))
                .orderBy(CLIENT.NAME_NORM, CLIENT.ID)
                .fetch(ClientRepository::mapRow);
    }

    static List<Field<?>> rowFields() {
        return List.of(CLIENT.ID, CLIENT.NAME, CLIENT.NAME_NORM, CLIENT.KIND, CLIENT.INN, CLIENT.OWNER_ID,
                APP_USER.FULL_NAME, CLIENT.LIFECYCLE_CODE, LEAD_SOURCE.NAME.as("source_name"),
                primaryChannel(ChannelKind.PHONE).as("phone"), primaryChannel(ChannelKind.EMAIL).as("email"),
                CLIENT.LAST_PURCHASE_ON, CLIENT.ARCHIVED);
    }

    private static Field<String> primaryChannel(ChannelKind kind) {
        var ch = CHANNEL.as("pc_" + kind.code());
        return DSL.field(DSL.select(ch.VALUE_RAW).from(ch)
                .where(ch.CLIENT_ID.eq(CLIENT.ID).and(ch.KIND_CODE.eq(kind.code())))
                .orderBy(ch.IS_PRIMARY.desc(), ch.ID).limit(1));
    }

    static ClientRow mapRow(Record r) {
        return new ClientRow(r.get(CLIENT.ID), r.get(CLIENT.NAME), r.get(CLIENT.NAME_NORM),
                ClientKind.ofCode(r.get(CLIENT.KIND)), r.get(CLIENT.INN), r.get(CLIENT.OWNER_ID),
                r.get(APP_USER.FULL_NAME), LifecycleStatus.ofCode(r.get(CLIENT.LIFECYCLE_CODE)),
                r.get("source_name", String.class), r.get("phone", String.class), r.get("email", String.class),
                r.get(CLIENT.LAST_PURCHASE_ON), r.get(CLIENT.ARCHIVED));
    }

    static Condition conditions(ClientFilter f) {
        Condition c = DSL.noCondition();
        if (!f.includeArchived()) {
            // IS NOT TRUE, not "= FALSE": H2 would pick the (archived, ...) index for the equality and then
            // sort the whole table instead of reading the list's sort index in order
            c = c.and(DSL.condition("{0} IS NOT TRUE", CLIENT.ARCHIVED));
        }
        if (f.ownerId() != null) {
            c = c.and(CLIENT.OWNER_ID.eq(f.ownerId()));
        }
        if (f.lifecycle() != null) {
            c = c.and(CLIENT.LIFECYCLE_CODE.eq(f.lifecycle().code()));
        }
        if (f.sourceId() != null) {
            c = c.and(CLIENT.SOURCE_ID.eq(f.sourceId()));
        }
        if (f.tag() != null && !f.tag().isBlank()) {
            c = c.and(DSL.exists(DSL.selectOne().from(CLIENT_TAG).join(TAG).on(TAG.ID.eq(CLIENT_TAG.TAG_ID))
                    .where(CLIENT_TAG.CLIENT_ID.eq(CLIENT.ID).and(TAG.NAME.eq(f.tag().strip())))));
        }
        if (f.visibleOwnerIds() != null) {
            c = c.and(f.visibleOwnerIds().isEmpty() ? DSL.falseCondition() : CLIENT.OWNER_ID.in(f.visibleOwnerIds()));
        }
        return c;
    }

    // ------------------------------------------------------------------ lookups (search, duplicates)

    /** Clients with a channel whose normalized value is exactly this (E.164 phone, lower-case email...). */
    public Set<Long> idsByChannel(String normalized) {
        return new HashSet<>(dsl.selectDistinct(CHANNEL.CLIENT_ID).from(CHANNEL)
                .where(CHANNEL.VALUE_NORM.eq(normalized)).fetch(CHANNEL.CLIENT_ID));
    }

    /** Clients with a channel value starting with this prefix (range predicate, index-friendly). */
    public Set<Long> idsByChannelPrefix(String prefix, int limit) {
        return new HashSet<>(dsl.selectDistinct(CHANNEL.CLIENT_ID).from(CHANNEL)
                .where(prefixRange(CHANNEL.VALUE_NORM, prefix)).limit(limit).fetch(CHANNEL.CLIENT_ID));
    }

    /**
     * Clients with a phone whose digits end with these (given reversed: "4242113" for "…311-2424"): a prefix
     * range on the indexed {@code digits_rev} column (ADR 0009).
     */
    public Set<Long> idsByPhoneSuffix(String reversedDigits, int limit) {
        return new java.util.LinkedHashSet<>(dsl.selectDistinct(CHANNEL.CLIENT_ID).from(CHANNEL)
                .where(prefixRange(CHANNEL.DIGITS_REV, reversedDigits)).limit(limit).fetch(CHANNEL.CLIENT_ID));
    }

    public Set<Long> idsByInn(String inn) {
        return new HashSet<>(dsl.select(CLIENT.ID).from(CLIENT).where(CLIENT.INN.eq(inn)).fetch(CLIENT.ID));
    }

    /** Clients whose normalized name starts with the given normalized prefix. */
    public Set<Long> idsByNamePrefix(String nameKeyPrefix, int limit) {
        return idsByNamePrefix(nameKeyPrefix, limit, AccessScope.all());
    }

    /** Clients {@code scope} sees whose normalized name starts with the prefix. */
    public Set<Long> idsByNamePrefix(String nameKeyPrefix, int limit, AccessScope scope) {
        return new java.util.LinkedHashSet<>(dsl.select(CLIENT.ID).from(CLIENT)
                .where(prefixRange(CLIENT.NAME_NORM, nameKeyPrefix)).and(Visibility.clients(scope))
                .orderBy(CLIENT.NAME_NORM, CLIENT.ID).limit(limit).fetch(CLIENT.ID));
    }

    /** Every name key with its id among clients whose key starts with the given letters (duplicate check). */
    public Map<Long, String> nameKeysWithPrefix(String prefix, int limit) {
        return dsl.select(CLIENT.ID, CLIENT.NAME_NORM).from(CLIENT)
                .where(prefixRange(CLIENT.NAME_NORM, prefix)).limit(limit)
                .fetchMap(CLIENT.ID, CLIENT.NAME_NORM);
    }

    /** {@code field >= prefix AND field < prefix + U+FFFF}: a prefix search that uses the index. */
    static Condition prefixRange(Field<String> field, String prefix) {
        return field.ge(prefix).and(field.lt(prefix + '\uffff'));
    }

    public Optional<String> ownerName(long clientId) {
        return dsl.select(APP_USER.FULL_NAME).from(CLIENT).join(APP_USER).on(APP_USER.ID.eq(CLIENT.OWNER_ID))
                .where(CLIENT.ID.eq(clientId)).fetchOptional(APP_USER.FULL_NAME);
    }
}
