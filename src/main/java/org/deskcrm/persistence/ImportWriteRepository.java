package org.deskcrm.persistence;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.io.ImportedClient;
import org.deskcrm.model.io.ImportedContact;
import org.deskcrm.model.io.ImportedDeal;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.CONTACT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_LINE;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.SALE;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/**
 * The writes of an import. Every method joins the caller's transaction (the service runs the whole
 * file in one). New clients and contacts go in as JDBC batches of one prepared INSERT with the
 * generated ids read back in order, so their phones and emails can follow in the next batch.
 */
public class ImportWriteRepository {
    private static final int BATCH = 1_000;
    private static final String CLIENT_INSERT = "INSERT INTO client (kind, name, name_norm, legal_name, inn, kpp,"
            + " address, region, industry, website, source_id, owner_id, notes, created_at, created_by, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CONTACT_INSERT = "INSERT INTO contact (client_id, full_name, job_title, notes,"
            + " is_primary, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String CHANNEL_INSERT = "INSERT INTO channel (client_id, contact_id, kind_code, value_raw,"
            + " value_norm, is_primary) VALUES (?, ?, ?, ?, ?, ?)";

    private final DSLContext dsl;
    private final DealTotals totals;

    public ImportWriteRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new DealTotals(db);
    }

    // ------------------------------------------------------------------ clients

    /** Inserts new clients with their phone and email; returns their ids in list order. */
    public long[] insertClients(List<ImportedClient> clients, Long userId, Instant now) {
        long[] ids = new long[clients.size()];
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        dsl.connection(c -> {
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

    // ------------------------------------------------------------------ deals

    /**
     * Inserts deals with the first entry of their stage history (and a line for the product, when
     * given); the reached order and closing time follow the stage like a deal created in the window.
     */
    public List<Long> insertDeals(List<ImportedDeal> deals, Long userId, Instant now) {
        List<Long> ids = new ArrayList<>(deals.size());
        Map<Long, org.jooq.Record3<Long, Integer, String>> stages = new HashMap<>();
        dsl.select(STAGE.ID, STAGE.SORT_ORDER, STAGE.KIND_CODE).from(STAGE).forEach(r -> stages.put(r.value1(), r));
        for (ImportedDeal d : deals) {
            var s = stages.get(d.stageId());
            if (s == null) {
                throw new AppException("imports.error.stageGone");
            }
            StageKind kind = StageKind.ofCode(s.value3());
            Instant created = d.createdAt() != null ? d.createdAt() : now;
            long id = dsl.insertInto(DEAL)
                    .set(DEAL.TITLE, d.title())
                    .set(DEAL.TITLE_NORM, Texts.lower(d.title()))
                    .set(DEAL.CLIENT_ID, d.clientId())
                    .set(DEAL.OWNER_ID, d.ownerId())
                    .set(DEAL.PIPELINE_ID, d.pipelineId())
                    .set(DEAL.STAGE_ID, d.stageId())
                    .set(DEAL.AMOUNT, d.amount())
                    .set(DEAL.EXPECTED_CLOSE, d.expectedClose())
                    .set(DEAL.SOURCE_ID, d.sourceId())
                    .set(DEAL.REACHED_ORDER, kind == StageKind.LOST ? 0 : s.value2())
                    .set(DEAL.CREATED_AT, odt(created))
                    .set(DEAL.CREATED_BY, userId)
                    .set(DEAL.STAGE_CHANGED_AT, odt(created))
                    .set(DEAL.CLOSED_AT, kind == StageKind.OPEN ? null : odt(created))
                    .set(DEAL.UPDATED_AT, odt(now))
                    .returning(DEAL.ID).fetchOne(DEAL.ID);
            ids.add(id);
            dsl.insertInto(DEAL_STAGE_HISTORY)
                    .set(DEAL_STAGE_HISTORY.DEAL_ID, id)
                    .set(DEAL_STAGE_HISTORY.TO_STAGE_ID, d.stageId())
                    .set(DEAL_STAGE_HISTORY.CHANGED_AT, odt(created))
                    .set(DEAL_STAGE_HISTORY.CHANGED_BY, userId)
                    .set(DEAL_STAGE_HISTORY.AMOUNT, d.amount())
                    .execute();
            if (d.productId() != null && d.amount().signum() > 0) {
                dsl.insertInto(DEAL_LINE)
                        .set(DEAL_LINE.DEAL_ID, id)
                        .set(DEAL_LINE.PRODUCT_ID, d.productId())
                        .set(DEAL_LINE.QUANTITY, BigDecimal.ONE)
                        .set(DEAL_LINE.PRICE, d.amount())
                        .set(DEAL_LINE.AMOUNT, d.amount())
                        .execute();
            }
        }
        totals.added(ids);
        return ids;
    }

    /** Updates an existing deal's amount, expected close and source with the file's (non-empty) values. */
    public void mergeDeal(long id, ImportedDeal d, Instant now) {
        totals.around(DEAL.ID.eq(id), () -> writeMerge(id, d, now));
    }

    private void writeMerge(long id, ImportedDeal d, Instant now) {
        dsl.update(DEAL)
                .set(DEAL.AMOUNT, d.amount())
                .set(DEAL.EXPECTED_CLOSE, DSL.coalesce(DSL.val(d.expectedClose()), DEAL.EXPECTED_CLOSE))
                .set(DEAL.SOURCE_ID, DSL.coalesce(DSL.val(d.sourceId()), DEAL.SOURCE_ID))
                .set(DEAL.UPDATED_AT, odt(now))
                .set(DEAL.VERSION, DEAL.VERSION.plus(1))
                .where(DEAL.ID.eq(id)).execute();
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
        ch.addBatch();
        return 1;
    }
}
