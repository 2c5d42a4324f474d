package org.deskcrm.persistence.imports;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.Jdbc;
import org.deskcrm.persistence.ReachedStages;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.model.io.ImportTarget;
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
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.CONTACT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_LINE;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.LOST_REASON;
import static org.deskcrm.persistence.jooq.Tables.SALE;

/**
 * The writes of an import. Every method joins the caller's transaction (the service runs the whole
 * file in one). New clients and contacts go in as JDBC batches of one prepared INSERT with the
 * generated ids read back in order, so their phones and emails can follow in the next batch.
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

    private static final String DEAL_COLUMNS = "title, title_norm, client_id, contact_id, owner_id, pipeline_id,"
            + " stage_id, amount, expected_close, source_id, lost_reason_id, reached_order, created_at, stage_changed_at,"
            + " closed_at, updated_at";
    /** The deal's product (an imported deal has one line at most) is its main product (ADR 0031). */
    private static final String DEAL_INSERT = "INSERT INTO deal (" + DEAL_COLUMNS + ", created_by, external_id,"
            + " main_product_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DEAL_UPDATE = "UPDATE deal SET title = ?, title_norm = ?, client_id = ?, contact_id = ?,"
            + " owner_id = ?, pipeline_id = ?, stage_id = ?, amount = ?, expected_close = ?, source_id = ?,"
            + " lost_reason_id = ?, reached_order = ?, created_at = ?, stage_changed_at = ?, closed_at = ?,"
            + " updated_at = ?, main_product_id = COALESCE(CAST(? AS BIGINT), main_product_id), version = version + 1"
            + " WHERE id = ?";
    private static final String HISTORY_INSERT = "INSERT INTO deal_stage_history (deal_id, from_stage_id, to_stage_id,"
            + " changed_at, left_at, changed_by, amount) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String LINE_INSERT = "INSERT INTO deal_line (deal_id, product_id, quantity, price, amount)"
            + " VALUES (?, ?, 1, ?, ?)";

    private final DSLContext dsl;
    private final DealTotals totals;
    /** The tables each import target writes (whose statistics a large import refreshes). */
    private static final Map<ImportTarget, List<String>> WRITTEN = Map.of(
            ImportTarget.CLIENTS, List.of("client", "channel"),
            ImportTarget.CONTACTS, List.of("contact", "channel"),
            ImportTarget.DEALS, List.of("deal", "deal_stage_history", "deal_line", "deal_total"),
            ImportTarget.DEAL_HISTORY, List.of("deal_stage_history", "deal_total"),
            ImportTarget.SALES, List.of("sale"),
            ImportTarget.CALLS, List.of("phone_call", "missed_call", "call_total"));

    /** PostgreSQL as the schema's owner: new clients go in by COPY, and it may refresh statistics. */
    private final boolean postgresOwner;

    public ImportWriteRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new DealTotals(db.dsl());
        this.postgresOwner = db.dialect().family() == org.jooq.SQLDialect.POSTGRES && db.isSchemaOwner();
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

    // ------------------------------------------------------------------ deals

    /**
     * Inserts deals with their stage history (each row from the previous one's stage, left when the
     * next one is entered, the last one open-ended) and a line for the product, when given; the
     * reached order is the highest open/won stage order of that history, as a move in the window keeps
     * it. Returns the ids in list order.
     */
    /** Inserts new deals with their history and product line and adds them to the stored totals. */
    public long[] insertDeals(List<ImportedDeal> deals, Long userId, Instant now) {
        return insertDeals(deals, userId, now, written -> { });
    }

    /**
     * Inserts new deals in JDBC batches, telling {@code written} how many are in after each batch (progress;
     * it may throw to cancel), then adds them all to the stored totals at once: one read of their
     * contributions for the whole file, in the same transaction.
     */
    public long[] insertDeals(List<ImportedDeal> deals, Long userId, Instant now, java.util.function.IntConsumer written) {
        long[] ids = new long[deals.size()];
        ReachedStages stages = new ReachedStages(dsl);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(DEAL_INSERT, new String[] {"id"});
                 PreparedStatement hs = c.prepareStatement(HISTORY_INSERT);
                 PreparedStatement ls = c.prepareStatement(LINE_INSERT)) {
                for (int from = 0; from < deals.size(); from += BATCH) {
                    int to = Math.min(deals.size(), from + BATCH);
                    for (int i = from; i < to; i++) {
                        ImportedDeal d = deals.get(i);
                        bindDeal(ps, d, stages.of(d), at);
                        Jdbc.setLong(ps, 17, userId);
                        ps.setString(18, d.externalId());
                        Jdbc.setLong(ps, 19, d.productId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    Jdbc.readIds(ps, ids, from, to);
                    int lines = 0;
                    for (int i = from; i < to; i++) {
                        addHistory(hs, ids[i], deals.get(i), userId);
                        lines += addLine(ls, ids[i], deals.get(i));
                    }
                    hs.executeBatch();
                    if (lines > 0) {
                        ls.executeBatch();
                    }
                    written.accept(to);
                }
            }
        });
        totals.added(java.util.Arrays.stream(ids).boxed().toList());
        return ids;
    }

    /**
     * Rewrites existing deals from the file (a re-import by the source system's key): every field, their
     * dates and their stage history (replaced); their product line when the file names a product. One pass
     * of JDBC batches and one update of the stored totals for all of them ({@code ids.get(i)} is the deal
     * that {@code deals.get(i)} rewrites).
     */
    public void updateDeals(List<Long> ids, List<ImportedDeal> deals, Long userId, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        ReachedStages stages = new ReachedStages(dsl);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<ImportedDeal> rows = deals.subList(from, from + part.size());
            totals.aroundMany(DEAL.ID.in(part), () -> dsl.connection(c -> {
                try (PreparedStatement ps = c.prepareStatement(DEAL_UPDATE);
                     PreparedStatement dh = c.prepareStatement("DELETE FROM deal_stage_history WHERE deal_id = ?");
                     PreparedStatement hs = c.prepareStatement(HISTORY_INSERT);
                     PreparedStatement dl = c.prepareStatement("DELETE FROM deal_line WHERE deal_id = ?");
                     PreparedStatement ls = c.prepareStatement(LINE_INSERT)) {
                    int lines = 0;
                    for (int i = 0; i < part.size(); i++) {
                        long id = part.get(i);
                        ImportedDeal d = rows.get(i);
                        bindDeal(ps, d, stages.of(d), at);
                        Jdbc.setLong(ps, 17, d.productId()); // its one line replaces the deal's lines: else they stay
                        ps.setLong(18, id);
                        ps.addBatch();
                        dh.setLong(1, id);
                        dh.addBatch();
                        addHistory(hs, id, d, userId);
                        if (d.productId() != null) {
                            dl.setLong(1, id);
                            dl.addBatch();
                            lines += addLine(ls, id, d);
                        }
                    }
                    ps.executeBatch();
                    dh.executeBatch();
                    hs.executeBatch();
                    if (lines > 0) {
                        dl.executeBatch();
                        ls.executeBatch();
                    }
                }
            }));
        }
    }

    /** Replaces the stage history of existing deals (a history file); each deal's dates follow its history. */
    public void replaceHistory(Map<Long, List<ImportedDeal.Entry>> histories, Map<Long, BigDecimal> amounts,
                               Long userId) {
        ReachedStages stages = new ReachedStages(dsl);
        totals.aroundMany(DEAL.ID.in(histories.keySet()), () -> dsl.connection(c -> {
            try (PreparedStatement hs = c.prepareStatement(HISTORY_INSERT)) {
                for (var e : histories.entrySet()) {
                    long id = e.getKey();
                    List<ImportedDeal.Entry> h = e.getValue();
                    dsl.deleteFrom(DEAL_STAGE_HISTORY).where(DEAL_STAGE_HISTORY.DEAL_ID.eq(id)).execute();
                    addHistory(hs, id, h, amounts.get(id), userId);
                    ImportedDeal.Entry first = h.get(0);
                    ImportedDeal.Entry last = h.get(h.size() - 1);
                    dsl.update(DEAL)
                            .set(DEAL.CREATED_AT, odt(first.at()))
                            .set(DEAL.STAGE_CHANGED_AT, odt(last.at()))
                            .set(DEAL.REACHED_ORDER, stages.of(h))
                            .set(DEAL.VERSION, DEAL.VERSION.plus(1))
                            .where(DEAL.ID.eq(id)).execute();
                }
                hs.executeBatch();
            }
        }));
    }

    /** Creates a lost reason (an import's missing name); returns its id. */
    public long insertLostReason(String name) {
        return dsl.insertInto(LOST_REASON).set(LOST_REASON.NAME, name).returning(LOST_REASON.ID)
                .fetchOne(LOST_REASON.ID);
    }

    /** Updates an existing deal's amount, expected close and source with the file's (non-empty) values. */
    public void mergeDeal(long id, ImportedDeal d, Instant now) {
        totals.aroundDeal(id, () -> {
            writeMerge(id, d, now);
            return null;
        });
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

    /** Binds parameters 1–16 shared by the deal insert and update. */
    private static void bindDeal(PreparedStatement ps, ImportedDeal d, int reached, OffsetDateTime now)
            throws SQLException {
        ps.setString(1, d.title());
        ps.setString(2, Texts.lower(d.title()));
        Jdbc.setLong(ps, 3, d.clientId());
        Jdbc.setLong(ps, 4, d.contactId());
        ps.setLong(5, d.ownerId());
        ps.setLong(6, d.pipelineId());
        ps.setLong(7, d.stageId());
        ps.setBigDecimal(8, d.amount());
        ps.setObject(9, d.expectedClose());
        Jdbc.setLong(ps, 10, d.sourceId());
        Jdbc.setLong(ps, 11, d.lostReasonId());
        ps.setInt(12, reached);
        ps.setObject(13, d.createdAt().atOffset(ZoneOffset.UTC));
        ps.setObject(14, d.history().get(d.history().size() - 1).at().atOffset(ZoneOffset.UTC));
        ps.setObject(15, d.closedAt() == null ? null : d.closedAt().atOffset(ZoneOffset.UTC));
        ps.setObject(16, now);
    }

    private static void addHistory(PreparedStatement hs, long dealId, ImportedDeal d, Long userId) throws SQLException {
        addHistory(hs, dealId, d.history(), d.amount(), userId);
    }

    private static void addHistory(PreparedStatement hs, long dealId, List<ImportedDeal.Entry> history,
                                   BigDecimal amount, Long userId) throws SQLException {
        Long from = null;
        for (int k = 0; k < history.size(); k++) {
            ImportedDeal.Entry e = history.get(k);
            hs.setLong(1, dealId);
            Jdbc.setLong(hs, 2, from);
            hs.setLong(3, e.stageId());
            hs.setObject(4, e.at().atOffset(ZoneOffset.UTC));
            hs.setObject(5, k + 1 < history.size() ? history.get(k + 1).at().atOffset(ZoneOffset.UTC) : null);
            Jdbc.setLong(hs, 6, e.byUserId() != null ? e.byUserId() : userId);
            hs.setBigDecimal(7, amount == null ? BigDecimal.ZERO : amount);
            hs.addBatch();
            from = e.stageId();
        }
    }

    private static int addLine(PreparedStatement ls, long dealId, ImportedDeal d) throws SQLException {
        if (d.productId() == null) {
            return 0;
        }
        ls.setLong(1, dealId);
        ls.setLong(2, d.productId());
        ls.setBigDecimal(3, d.amount());
        ls.setBigDecimal(4, d.amount());
        ls.addBatch();
        return 1;
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
