package org.deskcrm.persistence.totals;

import org.deskcrm.model.deal.StageKind;
import org.deskcrm.persistence.jooq.tables.DealStageHistory;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.DEAL_TOTAL;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/**
 * The stored totals of deals (docs/decisions/0012-stored-totals.md), kept in the same transaction as every
 * change that moves them. A deal contributes one "created" row (its created day) and, when it is now in a
 * won or lost stage, one "won" or "lost" row (its closed day), each to its day row and its month row. A
 * change of some deals reads their contributions before and after it and adds the difference: a change of a
 * few deals reads their rows and computes each deal's contribution ({@link #around}: two statements per write),
 * a change of many reads the grouped query the rebuild uses ({@link #aroundMany}); new deals add theirs
 * ({@link #added}); a bulk load rebuilds everything ({@link #rebuild}). The row and the grouped computation
 * are held equal by the drift contracts (TotalsDriftContract: random moves, edits and creates go the row way,
 * imports and rescores the grouped way, then every figure is compared with the records and a rebuild finds
 * nothing to repair). Nothing is kept while the totals were never built (no state row).
 */
public class DealTotals {
    /** The name of the deal totals in {@code totals_state}. */
    public static final String REGISTER = "deal";
    public static final String CREATED = "created";
    public static final String WON = StageKind.WON.code();
    public static final String LOST = StageKind.LOST.code();
    /** Deals now lost, by their created day (the cohort funnel's "lost here"): reason and the stage lost at. */
    public static final String LOST_LEAD = "lostlead";
    /** Up to this many new deals are read row by row, more by the grouped query. */
    private static final int FEW = 20;

    /** The score band of a month's roll-up row, which sums every band (and every source, stored as 0). */
    public static final String EVERY_BAND = "*";

    /**
     * The key of a totals row: kind, day (yyyymmdd), month (yyyymm) or month roll-up (−yyyymm), and the dimensions
     * (0 = none). The stage is the deal's current stage for "created", the stage it was lost at for "lost" and
     * "lostlead" (0 for "won"); the reached order is the deal's for "created" (0 for the other kinds). A roll-up row
     * (ADR 0026) sums its month over every source and score band, so a report without those filters reads a few
     * hundred rows a month instead of thousands; its negative day number keeps its rows a range of their own.
     */
    public record Key(String kind, int day, long ownerId, long pipelineId, long sourceId, String band,
                      long lostReasonId, long stageId, int reachedOrder) {
        Key month() {
            return new Key(kind, day / 100, ownerId, pipelineId, sourceId, band, lostReasonId, stageId, reachedOrder);
        }

        Key rollUp() {
            return new Key(kind, -(day / 100), ownerId, pipelineId, 0L, EVERY_BAND, lostReasonId, stageId, reachedOrder);
        }
    }

    /** Adds a day's figures to its day row, its month row and its month's roll-up row. */
    static void addDay(Map<Key, Cell> into, Key day, Cell cell) {
        into.merge(day, cell, Cell::plus);
        into.merge(day.month(), cell, Cell::plus);
        into.merge(day.rollUp(), cell, Cell::plus);
    }

    /**
     * A count and an amount; a created row also sums the amount its deals had when they entered their current stage
     * (their open history rows' amount: the snapshot funnel's money, ADR 0030), 0 for the other kinds.
     */
    public record Cell(long count, BigDecimal amount, BigDecimal stageAmount) {
        Cell plus(Cell o) {
            return new Cell(count + o.count, amount.add(o.amount), stageAmount.add(o.stageAmount));
        }

        Cell negate() {
            return new Cell(-count, amount.negate(), stageAmount.negate());
        }

        boolean zero() {
            return count == 0 && amount.signum() == 0 && stageAmount.signum() == 0;
        }

        /** The same count and amounts, compared as numbers. */
        boolean same(Cell o) {
            return count == o.count && amount.compareTo(o.amount) == 0 && stageAmount.compareTo(o.stageAmount) == 0;
        }
    }

    /** What a rebuild found: rows written, and the rows whose stored figures differed (missing, extra, other). */
    public record Rebuild(int rows, int repaired, boolean wasBuilt) {
    }

    private final DSLContext dsl;
    private final DealRows dealRows;
    private final DurationTotals durations;
    private final ProductTotals productTotals;

    public DealTotals(DSLContext dsl) {
        this.dsl = dsl;
        this.dealRows = new DealRows(dsl, this::builtZone);
        this.durations = new DurationTotals(dsl);
        this.productTotals = new ProductTotals(dsl, durations);
    }

    /** The zone the totals are cut in, when they are built. */
    public Optional<ZoneId> builtZone() {
        return RegisterState.zone(dsl, REGISTER);
    }

    /**
     * Runs a change of the few deals that {@code deals} selects (one deal, a client's deals) and adds to the
     * totals what it moved, in one transaction with it. The deals are locked and read row by row before the
     * change, read again after it, and their contributions (computed here from each row, as
     * {@link #contributions} groups them) subtracted and added: two statements, where the grouped reads of
     * {@link #aroundMany} take seven — a deal move or a card save costs a few per cent more, not twice as much.
     */
    public <T> T around(Condition deals, Supplier<T> change) {
        return aroundRows(deals, null, DealReach.EVERYTHING, change);
    }

    /** {@link #around} for a change that reaches only what {@code reach} says. */
    public <T> T around(Condition deals, DealReach reach, Supplier<T> change) {
        return aroundRows(deals, null, reach, change);
    }

    /** {@link #around}; {@code oneDeal}: the condition selects that deal alone (its statements are kept rendered). */
    private <T> T aroundRows(Condition deals, Long oneDeal, DealReach reach, Supplier<T> change) {
        boolean lengths = reach == DealReach.EVERYTHING;
        return dsl.transactionResult(() -> {
            DealRows.Rows before = dealRows.read(deals, oneDeal, true);
            if (!before.built()) {
                return change.get();
            }
            DurationTotals.Delta changed = new DurationTotals.Delta();
            if (lengths) {
                durations.read(changed, deals, oneDeal, before.zone(), -1);
            }
            T result = change.get();
            DealRows.Rows after = dealRows.read(deals, oneDeal, false);
            Map<Key, Cell> delta = new HashMap<>();
            before.addTo(delta, true);
            after.addTo(delta, false);
            ProductTotals.Delta byProduct = new ProductTotals.Delta(changed); // from the rows: whatever the reach
            before.addTo(byProduct, true);
            after.addTo(byProduct, false);
            if (lengths) {
                durations.read(changed, deals, oneDeal, after.zone(), 1);
            }
            apply(delta);
            productTotals.apply(byProduct);
            durations.apply(changed); // the stays', the cycles' and the products' lengths in one write per table
            return result;
        });
    }

    /** A deal an {@link #aroundDeal} keeps the totals of; the database is told apart by its context's identity. */
    private record Open(DSLContext dsl, long dealId) {
    }

    /** What each open {@link #aroundDeal} of this thread reaches. */
    private static final ThreadLocal<Map<Open, DealReach>> OPEN_REACH = ThreadLocal.withInitial(HashMap::new);

    /**
     * {@link #around} for one deal: every write of that deal inside {@code change} that asks for its totals again
     * (a move and the rescore that follows it, a card save and its rescore) is covered by this one read before
     * and one after, instead of two reads each.
     */
    public <T> T aroundDeal(long dealId, Supplier<T> change) {
        return aroundDeal(dealId, DealReach.EVERYTHING, change);
    }

    /**
     * {@link #aroundDeal} for a change that reaches only what {@code reach} says. An enclosed change may reach no
     * further than the enclosing one (its "before" was read for that reach only).
     */
    public <T> T aroundDeal(long dealId, DealReach reach, Supplier<T> change) {
        Open open = new Open(dsl, dealId);
        DealReach enclosing = OPEN_REACH.get().get(open);
        if (enclosing != null) {
            if (reach.ordinal() < enclosing.ordinal()) { // EVERYTHING reaches furthest, RANKING least
                throw new IllegalStateException("deal " + dealId + ": a change of " + reach + " inside one of " + enclosing);
            }
            return change.get(); // an enclosing aroundDeal reads this deal after all its writes
        }
        OPEN_REACH.get().put(open, reach);
        try {
            return aroundRows(DEAL.ID.eq(dealId), dealId, reach, change);
        } finally {
            OPEN_REACH.get().remove(open);
        }
    }

    /**
     * Runs a change of many deals (a stage's deals, an import's batch, a rescore over an id range) and adds what
     * it moved: their grouped contributions after the change minus before, in one transaction with it. The deals
     * are locked first so that the "before" is what the change replaces.
     */
    public <T> T aroundMany(Condition deals, Supplier<T> change) {
        return aroundMany(deals, DealReach.EVERYTHING, change);
    }

    /** {@link #aroundMany} for a change that reaches only what {@code reach} says. */
    public <T> T aroundMany(Condition deals, DealReach reach, Supplier<T> change) {
        boolean lengths = reach == DealReach.EVERYTHING;
        return dsl.transactionResult(() -> {
            Optional<ZoneId> zone = builtZone();
            if (zone.isEmpty()) {
                return change.get();
            }
            dsl.select(DEAL.ID).from(DEAL).where(deals).forUpdate().fetch();
            Map<Key, Cell> delta = new HashMap<>();
            DurationTotals.Delta changed = new DurationTotals.Delta();
            ProductTotals.Delta byProduct = new ProductTotals.Delta(changed);
            boolean byProducts = reach != DealReach.RANKING; // the amounts and lines are attributes
            add(delta, contributions(deals, zone.get()), true);
            if (byProducts) {
                productTotals.read(byProduct, deals, zone.get(), -1);
            }
            if (lengths) {
                durations.read(changed, deals, null, zone.get(), -1);
            }
            T result = change.get();
            add(delta, contributions(deals, zone.get()), false);
            if (byProducts) {
                productTotals.read(byProduct, deals, zone.get(), 1);
            }
            if (lengths) {
                durations.read(changed, deals, null, zone.get(), 1);
            }
            apply(delta);
            productTotals.apply(byProduct);
            durations.apply(changed); // the stays', the cycles' and the products' lengths in one write per table
            return result;
        });
    }

    public void aroundMany(Condition deals, Runnable change) {
        aroundMany(deals, DealReach.EVERYTHING, change);
    }

    public void aroundMany(Condition deals, DealReach reach, Runnable change) {
        aroundMany(deals, reach, () -> {
            change.run();
            return null;
        });
    }

    /** Adds the contributions of new deals (just inserted, in the caller's transaction). */
    public void added(Collection<Long> dealIds) {
        if (dealIds.isEmpty()) {
            return;
        }
        Map<Key, Cell> delta = new HashMap<>();
        if (dealIds.size() <= FEW) { // a created deal: one read of its row, as a change's
            Long one = dealIds.size() == 1 ? dealIds.iterator().next() : null;
            DealRows.Rows rows = dealRows.read(DEAL.ID.in(dealIds), one, false);
            rows.addTo(delta, false);
            apply(delta);
            if (rows.built()) {
                DurationTotals.Delta lengths = new DurationTotals.Delta();
                durations.read(lengths, DEAL.ID.in(dealIds), one, rows.zone(), 1);
                ProductTotals.Delta byProduct = new ProductTotals.Delta(lengths);
                rows.addTo(byProduct, false);
                productTotals.apply(byProduct);
                durations.apply(lengths);
            }
            return;
        }
        Optional<ZoneId> zone = builtZone();
        if (zone.isEmpty()) {
            return;
        }
        DurationTotals.Delta lengths = new DurationTotals.Delta();
        ProductTotals.Delta byProduct = new ProductTotals.Delta(lengths);
        for (Condition scope : org.deskcrm.persistence.IdScopes.of(DEAL.ID, dealIds)) {
            add(delta, contributions(scope, zone.get()), false); // an import's new ids: one range read
            durations.read(lengths, scope, null, zone.get(), 1);
            productTotals.read(byProduct, scope, zone.get(), 1);
        }
        apply(delta);
        productTotals.apply(byProduct);
        durations.apply(lengths);
    }

    /**
     * Recomputes every row from the records in the business zone, in one transaction: compares with what is
     * stored, replaces it, and records the zone. {@code progress} hears each step's name.
     */
    public Rebuild rebuild(ZoneId zone, Consumer<String> progress) {
        return dsl.transactionResult(() -> rebuildInCurrentTransaction(zone, progress));
    }

    /**
     * The rebuild inside the transaction the caller holds on this context's connection (a restore, which
     * runs on a plain connection of its own): nothing is committed here.
     */
    public Rebuild rebuildInCurrentTransaction(Consumer<String> progress) {
        return rebuildInCurrentTransaction(settingsZone(), progress);
    }

    /**
     * Builds the totals inside the caller's transaction unless they are already built in the business zone
     * (a restored backup of this version brings its totals, consistent with its deals; an older backup
     * brings none). Returns whether it built them.
     */
    public boolean buildIfMissingInCurrentTransaction(Consumer<String> progress) {
        ZoneId zone = settingsZone();
        if (builtZone().filter(zone::equals).isPresent()) {
            return false;
        }
        rebuildInCurrentTransaction(zone, progress);
        return true;
    }

    private Rebuild rebuildInCurrentTransaction(ZoneId zone, Consumer<String> progress) {
        boolean productsKnown = MainProducts.known(dsl);
        int[] products = new int[1];
        int[] lengths = new int[1];
        Rebuild built = Registers.rebuild(dsl, rows, builtZone(), zone, () -> {
            products[0] = MainProducts.repair(dsl); // the deals' main products, recomputed from their lines with the rest
            Map<Key, Cell> fresh = new HashMap<>();
            add(fresh, contributions(DSL.noCondition(), zone), false);
            return fresh;
        }, () -> {
            Map<Key, Cell> stored = new HashMap<>();
            dsl.selectFrom(DEAL_TOTAL).forEach(r -> stored.put(new Key(r.getKind(), r.getDayNo(), r.getOwnerId(),
                    r.getPipelineId(), r.getSourceId(), r.getScoreBand(), r.getLostReasonId(), r.getStageId(),
                    r.getReachedOrder()), new Cell(r.getDealCount(), r.getAmount(), r.getStageAmount())));
            return stored;
        }, () -> {
            lengths[0] = durations.rebuild(zone, progress) + productTotals.rebuild(zone, progress);
            RegisterState.built(dsl, REGISTER, zone, null);
        }, progress);
        int repaired = built.repaired() + (built.wasBuilt() ? lengths[0] : 0);
        return built.wasBuilt() && productsKnown ? new Rebuild(built.rows(), repaired + products[0], true)
                : new Rebuild(built.rows(), repaired, built.wasBuilt());
    }

    /** {@link #rebuild(ZoneId, Consumer)} in the business time zone of the database's settings. */
    public Rebuild rebuild(Consumer<String> progress) {
        return rebuild(settingsZone(), progress);
    }

    private ZoneId settingsZone() {
        return RegisterState.settingsZone(dsl);
    }

    /**
     * Builds the totals when they were never built (a new database, or one upgraded from a version without
     * them): called when the database is opened, after the migrations; {@code heard} hears each step's name (the
     * splash shows it). Returns whether it built them.
     */
    public boolean buildIfMissing(Consumer<String> heard) {
        return RegisterState.buildIfMissing("deal", builtZone().isPresent(), this::rebuild, heard);
    }

    /** Forgets that the totals were built (reports then count the records until a rebuild). */
    public void invalidate() {
        RegisterState.forget(dsl, REGISTER);
    }

    /**
     * The day rows the selected deals contribute, grouped: created (every deal, its created day, its current stage
     * and reached order), won and lost (deals now in a stage of that kind, their closed day; lost also by reason
     * and the stage lost at) and lost leads (deals now lost, their created day, reason and the stage lost at).
     * Each row: kind, day, owner, pipeline, source, band, reason, stage, reached order, count, amount, and for
     * created rows the amount at the current stage (the open history row's).
     */
    private List<org.jooq.Record> contributions(Condition deals, ZoneId zone) {
        Field<Integer> created = Registers.businessDay(DEAL.CREATED_AT, zone);
        Field<Integer> closed = Registers.businessDay(DEAL.CLOSED_AT, zone);
        Field<Long> source = DSL.coalesce(DEAL.SOURCE_ID, DSL.inline(0L));
        Field<Long> none = DSL.inline(0L);
        Field<Integer> noOrder = DSL.inline(0);
        Field<BigDecimal> noStageAmount = DSL.inline(BigDecimal.ZERO);
        DealStageHistory h = DEAL_STAGE_HISTORY;
        Field<Long> reason = DSL.coalesce(DEAL.LOST_REASON_ID, DSL.inline(0L));
        Field<Long> lostAt = DSL.coalesce(h.FROM_STAGE_ID, DSL.inline(0L));
        List<org.jooq.Record> rows = new ArrayList<>();
        DealStageHistory open = DEAL_STAGE_HISTORY.as("open_stay");
        rows.addAll(dsl.select(DSL.inline(CREATED), created, DEAL.OWNER_ID, DEAL.PIPELINE_ID, source, DEAL.SCORE_BAND,
                        none, DEAL.STAGE_ID, DEAL.REACHED_ORDER, DSL.count(), DSL.sum(DEAL.AMOUNT), DSL.sum(open.AMOUNT))
                .from(DEAL).leftJoin(open).on(open.DEAL_ID.eq(DEAL.ID).and(open.LEFT_AT.isNull())).where(deals)
                .groupBy(created, DEAL.OWNER_ID, DEAL.PIPELINE_ID, source, DEAL.SCORE_BAND, DEAL.STAGE_ID,
                        DEAL.REACHED_ORDER).fetch());
        rows.addAll(dsl.select(DSL.inline(WON), closed, DEAL.OWNER_ID, DEAL.PIPELINE_ID, source, DEAL.SCORE_BAND,
                        none, none, noOrder, DSL.count(), DSL.sum(DEAL.AMOUNT), noStageAmount)
                .from(DEAL).join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID).and(STAGE.KIND_CODE.eq(WON)))
                .where(deals).and(DEAL.CLOSED_AT.isNotNull())
                .groupBy(closed, DEAL.OWNER_ID, DEAL.PIPELINE_ID, source, DEAL.SCORE_BAND).fetch());
        rows.addAll(dsl.select(DSL.inline(LOST), closed, DEAL.OWNER_ID, DEAL.PIPELINE_ID, source, DEAL.SCORE_BAND,
                        reason, lostAt, noOrder, DSL.count(), DSL.sum(DEAL.AMOUNT), noStageAmount)
                .from(DEAL).join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID).and(STAGE.KIND_CODE.eq(LOST)))
                .leftJoin(h).on(h.DEAL_ID.eq(DEAL.ID).and(h.LEFT_AT.isNull()))
                .where(deals).and(DEAL.CLOSED_AT.isNotNull())
                .groupBy(closed, DEAL.OWNER_ID, DEAL.PIPELINE_ID, source, DEAL.SCORE_BAND, reason, lostAt).fetch());
        rows.addAll(dsl.select(DSL.inline(LOST_LEAD), created, DEAL.OWNER_ID, DEAL.PIPELINE_ID, source,
                        DEAL.SCORE_BAND, reason, lostAt, noOrder, DSL.count(), DSL.sum(DEAL.AMOUNT), noStageAmount)
                .from(DEAL).join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID).and(STAGE.KIND_CODE.eq(LOST)))
                .leftJoin(h).on(h.DEAL_ID.eq(DEAL.ID).and(h.LEFT_AT.isNull()))
                .where(deals)
                .groupBy(created, DEAL.OWNER_ID, DEAL.PIPELINE_ID, source, DEAL.SCORE_BAND, reason, lostAt).fetch());
        return rows;
    }

    /** Adds (or, for the "before" of a change, subtracts) grouped day rows and their month rows. */
    private static void add(Map<Key, Cell> into, List<org.jooq.Record> rows, boolean subtract) {
        for (var r : rows) {
            Key day = new Key(r.get(0, String.class), r.get(1, Integer.class), r.get(2, Long.class),
                    r.get(3, Long.class), r.get(4, Long.class), r.get(5, String.class), r.get(6, Long.class),
                    r.get(7, Long.class), r.get(8, Integer.class));
            Cell cell = new Cell(r.get(9, Long.class), orZero(r.get(10, BigDecimal.class)),
                    orZero(r.get(11, BigDecimal.class)));
            if (subtract) {
                cell = cell.negate();
            }
            addDay(into, day, cell);
        }
    }

    static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    /** How the deal totals' rows are written: count and amount added; a row left without deals goes. */
    private final Registers.Rows<Key, Cell> rows = new Registers.Rows<>() {
        @Override
        public String table() {
            return DEAL_TOTAL.getName();
        }

        @Override
        public List<String> keyColumns() {
            return java.util.stream.Stream.of(DEAL_TOTAL.KIND, DEAL_TOTAL.DAY_NO, DEAL_TOTAL.OWNER_ID,
                    DEAL_TOTAL.PIPELINE_ID, DEAL_TOTAL.SOURCE_ID, DEAL_TOTAL.SCORE_BAND, DEAL_TOTAL.LOST_REASON_ID,
                    DEAL_TOTAL.STAGE_ID, DEAL_TOTAL.REACHED_ORDER).map(Field::getName).toList();
        }

        @Override
        public List<String> figureColumns() {
            return List.of(DEAL_TOTAL.DEAL_COUNT.getName(), DEAL_TOTAL.AMOUNT.getName(), DEAL_TOTAL.STAGE_AMOUNT.getName());
        }

        @Override
        public Object[] key(Key k) {
            return new Object[]{k.kind(), k.day(), k.ownerId(), k.pipelineId(), k.sourceId(), k.band(),
                    k.lostReasonId(), k.stageId(), k.reachedOrder()};
        }

        @Override
        public Object[] figures(Cell c) {
            return new Object[]{c.count(), c.amount(), c.stageAmount()};
        }

        @Override
        public boolean zero(Cell c) {
            return c.zero();
        }

        @Override
        public boolean shrinks(Cell d) {
            return d.count() < 0;
        }

        @Override
        public boolean same(Cell a, Cell b) {
            return a.same(b);
        }
    };

    /** Adds the differences to the stored rows ({@link Registers#apply}). */
    private void apply(Map<Key, Cell> delta) {
        Registers.apply(dsl, delta, rows);
    }
}
