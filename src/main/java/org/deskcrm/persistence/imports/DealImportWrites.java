package org.deskcrm.persistence.imports;

import org.deskcrm.model.io.ImportedDeal;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.Jdbc;
import org.deskcrm.persistence.ReachedStages;
import org.deskcrm.model.common.Texts;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.LOST_REASON;

/**
 * The deals an import writes, in the caller's transaction: new deals in JDBC batches with their stage history, their
 * product line and main product (ADR 0031), added to the stored totals at once; deals re-imported by their source key
 * (rewritten with their history); histories of a history file; merged amounts and sources; missing lost reasons.
 */
public class DealImportWrites {
    private static final int BATCH = 1_000;
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

    DealImportWrites(Database db) {
        this.dsl = db.dsl();
        this.totals = new DealTotals(db.dsl());
    }

    /**
     * Inserts deals with their stage history (each row from the previous one's stage, left when the
     * next one is entered, the last one open-ended) and a line for the product, when given, and adds them to the
     * stored totals; the reached order is the highest open/won stage order of that history, as a move in the window
     * keeps it. Returns the ids in list order.
     */
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
}
