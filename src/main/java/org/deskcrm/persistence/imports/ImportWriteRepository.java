package org.deskcrm.persistence.imports;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.Jdbc;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.ImportedClient;
import org.deskcrm.model.io.ImportedContact;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.CONTACT;
import static org.deskcrm.persistence.jooq.Tables.SALE;

/**
 * The writes of an import. Every method joins the caller's transaction (the service runs the whole
 * file in one). New clients and contacts go in as JDBC batches of one prepared INSERT with the
 * generated ids read back in order, so their phones and emails can follow in the next batch; the deals'
 * writes are {@link DealImportWrites} ({@link #deals}).
 */
public class ImportWriteRepository {
    private static final int BATCH = 1_000;
    private static final String CLIENT_INSERT = "INSERT INTO client (kind, name, name_norm, legal_name, inn, kpp,"
            + " address, region, industry, website, source_id, owner_id, notes, created_at, created_by, updated_at,"
            + " external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CONTACT_INSERT = "INSERT INTO contact (client_id, full_name, job_title, notes,"
            + " is_primary, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String CHANNEL_INSERT = "INSERT INTO channel (client_id, contact_id, kind_code, value_raw,"
            + " value_norm, is_primary, digits_rev) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DSLContext dsl;
    private final DealImportWrites deals;
    /** The tables each import target writes (whose statistics a large import refreshes). */
    private static final Map<ImportTarget, List<String>> WRITTEN = Map.of(
            ImportTarget.CLIENTS, List.of("client", "channel"),
            ImportTarget.CONTACTS, List.of("contact", "channel"),
            ImportTarget.DEALS, List.of("deal", "deal_stage_history", "deal_line", "deal_total", "duration_total",
                    "duration_count", "product_total"),
            ImportTarget.DEAL_HISTORY, List.of("deal_stage_history", "deal_total", "duration_total", "duration_count",
                    "product_total"),
            ImportTarget.SALES, List.of("sale"),
            ImportTarget.CALLS, List.of("phone_call", "missed_call", "call_total"));

    /** PostgreSQL as the schema's owner: new clients go in by COPY, and it may refresh statistics. */
    private final boolean postgresOwner;

    public ImportWriteRepository(Database db) {
        this.dsl = db.dsl();
        this.deals = new DealImportWrites(db);
        this.postgresOwner = db.dialect().family() == org.jooq.SQLDialect.POSTGRES && db.isSchemaOwner();
    }

    /** The deals' writes (new, re-imported and merged deals, history files), in the same transactions. */
    public DealImportWrites deals() {
        return deals;
    }

    /**
     * Refreshes PostgreSQL's statistics of the tables a large import of {@code target} wrote, in its transaction (ANALYZE counts
     * the transaction's own new rows), so that the next lookups are planned for the tables as they are now.
     * Only the schema's owner may analyze; H2 plans these lookups by index anyway.
     */
    public void refreshStatistics(ImportTarget target) {
        if (postgresOwner) {
            WRITTEN.getOrDefault(target, List.of()).forEach(t -> dsl.execute("ANALYZE " + t));
        }
    }

    // ------------------------------------------------------------------ clients

    /**
     * Inserts new clients with their phone and email; returns their ids in list order. The schema's owner on
     * PostgreSQL writes them with COPY ({@link PostgresCopy}), everyone else in JDBC batches.
     */
    public long[] insertClients(List<ImportedClient> clients, Long userId, Instant now) {
        long[] ids = new long[clients.size()];
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        dsl.connection(c -> {
            if (postgresOwner) {
                System.arraycopy(PostgresCopy.clients(c, clients, userId, at), 0, ids, 0, ids.length);
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(CLIENT_INSERT, new String[] {"id"});
                 PreparedStatement ch = c.prepareStatement(CHANNEL_INSERT)) {
                for (int from = 0; from < clients.size(); from += BATCH) {
                    int to = Math.min(clients.size(), from + BATCH);
                    for (int i = from; i < to; i++) {
                        bindClient(ps, clients.get(i), userId, at);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    Jdbc.readIds(ps, ids, from, to);
                    int channels = 0;
                    for (int i = from; i < to; i++) {
                        ImportedClient cl = clients.get(i);
                        channels += addChannel(ch, ids[i], null, "phone", cl.phoneRaw(), cl.phoneNorm(), true);
                        channels += addChannel(ch, ids[i], null, "email", cl.emailRaw(), cl.emailNorm(), true);
                    }
                    if (channels > 0) {
                        ch.executeBatch();
                    }
                }
            }
        });
        return ids;
    }

    private static void bindClient(PreparedStatement ps, ImportedClient cl, Long userId, OffsetDateTime at)
            throws SQLException {
        ps.setString(1, cl.kind().code());
        ps.setString(2, cl.name());
        ps.setString(3, Texts.searchKey(cl.name()));
        ps.setString(4, cl.legalName());
        ps.setString(5, cl.inn());
        ps.setString(6, cl.kpp());
        ps.setString(7, cl.address());
        ps.setString(8, cl.region());
        ps.setString(9, cl.industry());
        ps.setString(10, cl.website());
        Jdbc.setLong(ps, 11, cl.sourceId());
        Jdbc.setLong(ps, 12, cl.ownerId());
        ps.setString(13, cl.notes());
        ps.setObject(14, at);
        Jdbc.setLong(ps, 15, userId);
        ps.setObject(16, at);
        ps.setString(17, cl.externalId());
    }

    /**
     * Fills an existing client's empty fields with the file's values (a value the card already has
     * is kept) and adds the file's phone and email when the card lacks them.
     */
    public void mergeClient(long id, ImportedClient cl, Instant now) {
        dsl.update(CLIENT)
                .set(CLIENT.LEGAL_NAME, DSL.coalesce(CLIENT.LEGAL_NAME, DSL.val(cl.legalName())))
                .set(CLIENT.INN, DSL.coalesce(CLIENT.INN, DSL.val(cl.inn())))
                .set(CLIENT.KPP, DSL.coalesce(CLIENT.KPP, DSL.val(cl.kpp())))
                .set(CLIENT.ADDRESS, DSL.coalesce(CLIENT.ADDRESS, DSL.val(cl.address())))
                .set(CLIENT.REGION, DSL.coalesce(CLIENT.REGION, DSL.val(cl.region())))
                .set(CLIENT.INDUSTRY, DSL.coalesce(CLIENT.INDUSTRY, DSL.val(cl.industry())))
                .set(CLIENT.WEBSITE, DSL.coalesce(CLIENT.WEBSITE, DSL.val(cl.website())))
                .set(CLIENT.SOURCE_ID, DSL.coalesce(CLIENT.SOURCE_ID, DSL.val(cl.sourceId())))
                .set(CLIENT.OWNER_ID, DSL.coalesce(CLIENT.OWNER_ID, DSL.val(cl.ownerId())))
                .set(CLIENT.NOTES, DSL.coalesce(CLIENT.NOTES, DSL.val(cl.notes())))
                .set(CLIENT.EXTERNAL_ID, DSL.coalesce(CLIENT.EXTERNAL_ID, DSL.val(cl.externalId())))
                .set(CLIENT.UPDATED_AT, odt(now))
                .set(CLIENT.VERSION, CLIENT.VERSION.plus(1))
                .where(CLIENT.ID.eq(id)).execute();
        addMissingChannel(id, null, "phone", cl.phoneRaw(), cl.phoneNorm());
        addMissingChannel(id, null, "email", cl.emailRaw(), cl.emailNorm());
    }

    // ------------------------------------------------------------------ contacts

    /** Inserts contacts with their phone and email; returns their ids in list order. */
    public long[] insertContacts(List<ImportedContact> contacts, Instant now) {
        long[] ids = new long[contacts.size()];
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(CONTACT_INSERT, new String[] {"id"});
                 PreparedStatement ch = c.prepareStatement(CHANNEL_INSERT)) {
                for (int from = 0; from < contacts.size(); from += BATCH) {
                    int to = Math.min(contacts.size(), from + BATCH);
                    for (int i = from; i < to; i++) {
                        ImportedContact p = contacts.get(i);
                        ps.setLong(1, p.clientId());
                        ps.setString(2, p.fullName());
                        ps.setString(3, p.jobTitle());
                        ps.setString(4, p.notes());
                        ps.setBoolean(5, p.primary());
                        ps.setObject(6, at);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    Jdbc.readIds(ps, ids, from, to);
                    int channels = 0;
                    for (int i = from; i < to; i++) {
                        ImportedContact p = contacts.get(i);
                        channels += addChannel(ch, p.clientId(), ids[i], "phone", p.phoneRaw(), p.phoneNorm(), false);
                        channels += addChannel(ch, p.clientId(), ids[i], "email", p.emailRaw(), p.emailNorm(), false);
                    }
                    if (channels > 0) {
                        ch.executeBatch();
                    }
                }
            }
        });
        return ids;
    }

    /** Fills an existing contact's empty fields and adds its missing phone and email. */
    public void mergeContact(long id, ImportedContact p) {
        dsl.update(CONTACT)
                .set(CONTACT.JOB_TITLE, DSL.coalesce(CONTACT.JOB_TITLE, DSL.val(p.jobTitle())))
                .set(CONTACT.NOTES, DSL.coalesce(CONTACT.NOTES, DSL.val(p.notes())))
                .set(CONTACT.VERSION, CONTACT.VERSION.plus(1))
                .where(CONTACT.ID.eq(id)).execute();
        addMissingChannel(p.clientId(), id, "phone", p.phoneRaw(), p.phoneNorm());
        addMissingChannel(p.clientId(), id, "email", p.emailRaw(), p.emailNorm());
    }

    // ------------------------------------------------------------------ sales

    public void insertSales(List<Sale> sales, Instant now) {
        for (int i = 0; i < sales.size(); i += BATCH) {
            List<Query> inserts = new ArrayList<>();
            for (Sale s : sales.subList(i, Math.min(sales.size(), i + BATCH))) {
                inserts.add(dsl.insertInto(SALE)
                        .set(SALE.CLIENT_ID, s.clientId())
                        .set(SALE.OWNER_ID, s.ownerId())
                        .set(SALE.DOC_NO, s.docNo())
                        .set(SALE.SALE_DATE, s.saleDate())
                        .set(SALE.AMOUNT, s.amount())
                        .set(SALE.DUE_DATE, s.dueDate())
                        .set(SALE.PAID_AMOUNT, s.paidAmount())
                        .set(SALE.CREATED_AT, odt(now)));
            }
            dsl.batch(inserts).execute();
        }
    }

    /** Replaces an existing sale's date, amounts and due date with the file's. */
    public void mergeSale(long id, Sale s) {
        dsl.update(SALE)
                .set(SALE.SALE_DATE, s.saleDate())
                .set(SALE.AMOUNT, s.amount())
                .set(SALE.DUE_DATE, s.dueDate())
                .set(SALE.PAID_AMOUNT, s.paidAmount())
                .set(SALE.OWNER_ID, DSL.coalesce(DSL.val(s.ownerId()), SALE.OWNER_ID))
                .set(SALE.VERSION, SALE.VERSION.plus(1))
                .where(SALE.ID.eq(id)).execute();
    }

    // ------------------------------------------------------------------ helpers

    private void addMissingChannel(long clientId, Long contactId, String kind, String raw, String norm) {
        if (norm == null) {
            return;
        }
        boolean present = dsl.fetchExists(CHANNEL, CHANNEL.CLIENT_ID.eq(clientId).and(CHANNEL.VALUE_NORM.eq(norm)));
        if (!present) {
            dsl.insertInto(CHANNEL)
                    .set(CHANNEL.CLIENT_ID, clientId)
                    .set(CHANNEL.CONTACT_ID, contactId)
                    .set(CHANNEL.KIND_CODE, kind)
                    .set(CHANNEL.VALUE_RAW, raw)
                    .set(CHANNEL.VALUE_NORM, norm)
                    .set(CHANNEL.DIGITS_REV, org.deskcrm.model.client.PhoneDigits.reversed(norm))
                    .execute();
        }
    }

    private static int addChannel(PreparedStatement ch, long clientId, Long contactId, String kind, String raw,
                                  String norm, boolean primary) throws SQLException {
        if (norm == null) {
            return 0;
        }
        ch.setLong(1, clientId);
        Jdbc.setLong(ch, 2, contactId);
        ch.setString(3, kind);
        ch.setString(4, raw);
        ch.setString(5, norm);
        ch.setBoolean(6, primary);
        ch.setString(7, org.deskcrm.model.client.PhoneDigits.reversed(norm));
        ch.addBatch();
        return 1;
    }
}
