package org.deskcrm.service.report;

import org.deskcrm.persistence.report.SalesFacts;
import org.deskcrm.AppContext;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.io.ImportedDeal;
import org.deskcrm.model.report.CohortCell;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.imports.ImportWriteRepository;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.report.DealFigures;
import org.deskcrm.persistence.report.FunnelQueries;
import org.deskcrm.persistence.report.SpanFigures;
import org.deskcrm.persistence.totals.DealReach;
import org.deskcrm.persistence.totals.DealTotals;
import org.deskcrm.service.MutableClock;
import org.deskcrm.service.deal.DealService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jooq.impl.DSL;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stored deal totals never drift from the records: a few thousand random changes through the real
 * services (creates, moves back and forth between open, won and lost stages, amount, owner and source
 * edits, score bands moved by new thresholds and a rescore of every deal, an import of new deals and
 * merges into existing ones), then every figure the reports read from the totals is compared with the
 * same figure counted from the records (the queries the totals replaced), for random filters and periods,
 * to the cent. {@code -Dtotals.drift.ops=N} makes it larger (default 500 changes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TotalsDriftContract {
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final Instant START = Instant.parse("2025-01-01T06:00:00Z");
    static final int OPS = Integer.getInteger("totals.drift.ops", 500);

    AppContext ctx;
    MutableClock clock;
    DealService service;
    DealFigures figures;
    FunnelQueries funnel;
    SpanFigures spans;
    SalesFacts sales;
    org.deskcrm.persistence.report.DurationFigures durations;
    org.deskcrm.persistence.report.ProductSales productSales;
    long lengthsCompared;
    long productDealsCompared;
    final SplittableRandom rnd = new SplittableRandom(20261206L);
    final List<Long> owners = new ArrayList<>();
    final List<Long> teams = new ArrayList<>();
    final List<Long> clients = new ArrayList<>();
    final List<Long> deals = new ArrayList<>();
    final List<Long> products = new ArrayList<>();
    List<Pipeline> pipelines;
    List<Long> sources;
    List<Long> reasons;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        clock = new MutableClock(START);
        ctx = new AppContext(openDatabase(), clock);
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        ctx.settings().put(SettingsRepository.BUSINESS_TIME_ZONE, ZONE.getId());
        new DealTotals(ctx.database().dsl()).rebuild(ZONE, step -> { });
        ReportData data = new ReportData(ctx);
        for (int t = 0; t < 2; t++) {
            teams.add(data.team("Team " + t));
        }
        for (int u = 0; u < 5; u++) {
            owners.add(data.user("drift" + u, teams.get(u % 2)));
        }
        for (int c = 0; c < 15; c++) {
            clients.add(data.client("Client " + c, owners.get(c % owners.size()), START));
        }
        for (int p = 0; p < 4; p++) {
            products.add(ctx.pipelines().addProduct(null, "Drift product " + p, "pcs", new BigDecimal("100")));
        }
        service = ctx.dealFeature().deals();
        pipelines = ctx.pipelines().findAll();
        sources = new ArrayList<>(ctx.pipelines().leadSources().keySet());
        reasons = new ArrayList<>(ctx.pipelines().lostReasons().keySet());
        figures = new DealFigures(ctx.database());
        funnel = new FunnelQueries(ctx.database());
        spans = new SpanFigures(ctx.database());
        sales = new SalesFacts(ctx.database());
        durations = new org.deskcrm.persistence.report.DurationFigures(ctx.database());
        productSales = new org.deskcrm.persistence.report.ProductSales(ctx.database());
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    @Order(1)
    void randomChangesLeaveTheTotalsEqualToTheRecords() {
        ImportWriteRepository imports = new ImportWriteRepository(ctx.database());
        for (int i = 0; i < OPS; i++) {
            clock.advance(Duration.ofMinutes(rnd.nextInt(1, 12 * 60)));
            int op = rnd.nextInt(100);
            if (deals.isEmpty() || op < 30) {
                create();
            } else if (op < 70) {
                move(pick(deals));
            } else if (op < 93) {
                edit(pick(deals));
            } else if (op < 98) {
                ctx.dealFeature().scoring().rescore(pick(deals));
            } else {
                importDeals(imports);
            }
            if (i == OPS / 2) {
                ctx.dealFeature().settings().saveThresholds(40 + rnd.nextInt(30), 10 + rnd.nextInt(20));
                ctx.dealFeature().scoring().rescoreAll((step, done, total) -> { });
            }
        }
        compareEverything(25);
        assertThat(lengthsCompared).as("stays and cycles compared").isGreaterThan(100);
        assertThat(productDealsCompared).as("closed deals by product compared").isGreaterThan(100);
    }

    @Test
    @Order(2)
    void reorderedStagesKeepWhatEachDealReached() {
        Pipeline p = pipelines.stream().filter(x -> x.stages().stream().filter(st -> st.kind() == StageKind.OPEN).count() >= 3)
                .findFirst().orElseThrow();
        List<Long> ids = new ArrayList<>(p.stages().stream().map(Stage::id).toList());
        java.util.Collections.swap(ids, 0, 2); // the third open stage first: every order of the pipeline's deals moves
        ctx.dealFeature().pipelines().reorder(p.id(), ids);
        pipelines = ctx.pipelines().findAll();
        assertThat(funnel.reachedOrderMismatches()).isEmpty();
        for (int i = 0; i < 40; i++) {
            move(pick(deals));
        }
        assertThat(funnel.reachedOrderMismatches()).isEmpty();
        compareEverything(10);
    }

    @Test
    @Order(3)
    void aRebuildFindsNothingToRepair() {
        DealTotals.Rebuild r = new DealTotals(ctx.database().dsl()).rebuild(ZONE, step -> { });
        assertThat(r.wasBuilt()).isTrue();
        assertThat(r.repaired()).isZero();
        assertThat(r.rows()).isPositive();
        compareEverything(10);
    }

    @Test
    @Order(4)
    void aMoveInsideAChangeOfAttributesIsRefused() {
        DealTotals totals = new DealTotals(ctx.database().dsl());
        long deal = deals.get(0);
        assertThatThrownBy(() -> totals.aroundDeal(deal, DealReach.ATTRIBUTES,
                () -> totals.aroundDeal(deal, () -> 1))).isInstanceOf(IllegalStateException.class);
        assertThat(totals.aroundDeal(deal, () -> totals.aroundDeal(deal, DealReach.ATTRIBUTES, () -> 2))).isEqualTo(2);
        assertThatThrownBy(() -> totals.aroundDeal(deal, DealReach.RANKING,
                () -> totals.aroundDeal(deal, DealReach.ATTRIBUTES, () -> 3))).isInstanceOf(IllegalStateException.class);
        assertThat(totals.aroundDeal(deal, DealReach.ATTRIBUTES,
                () -> totals.aroundDeal(deal, DealReach.RANKING, () -> 4))).isEqualTo(4);
    }

    @Test
    @Order(4)
    void lengthsThatContradictEachOtherAreCountedFromTheRecords() {
        org.jooq.DSLContext dsl = ctx.database().dsl();
        var count = org.deskcrm.persistence.jooq.Tables.DURATION_COUNT;
        var busiest = dsl.select(count.SCOPE_ID).from(count).where(count.KIND.eq(org.deskcrm.persistence.totals.DurationTotals.STAY))
                .groupBy(count.SCOPE_ID).orderBy(DSL.sum(count.LENGTH_COUNT).desc()).limit(1).fetchOne(count.SCOPE_ID);
        Pipeline p = pipelines.stream().filter(x -> x.stages().stream().anyMatch(st -> st.id() == busiest)).findFirst().orElseThrow();
        List<Long> stages = p.stages().stream().map(Stage::id).toList();
        ReportScope all = new ReportScope(ReportFilter.period(LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31))
                .withPipeline(p.id()), ZONE);
        var recorded = durations.staysRecorded(all, stages);
        assertThat(recorded.get(busiest).count()).isPositive();
        dsl.deleteFrom(count).where(count.KIND.eq(org.deskcrm.persistence.totals.DurationTotals.STAY), count.SCOPE_ID.eq(busiest))
                .execute(); // the whole days still count them, their exact lengths are gone
        assertThat(durations.fromTotals(all)).isTrue();
        assertThat(durations.stays(all, stages)).isEqualTo(recorded);
        assertThat(new DealTotals(dsl).rebuild(ZONE, step -> { }).repaired()).isPositive();
        assertThat(durations.stays(all, stages)).isEqualTo(recorded);
    }

    @Test
    @Order(4)
    void aRebuildRepairsTamperedLengths() {
        org.jooq.DSLContext dsl = ctx.database().dsl();
        var total = org.deskcrm.persistence.jooq.Tables.DURATION_TOTAL;
        var count = org.deskcrm.persistence.jooq.Tables.DURATION_COUNT;
        // a month row one stay short, and one exact length moved to the next hundredth: the middle lengths go wrong
        var monthRow = dsl.selectFrom(total).where(total.DAY_NO.lt(1_000_000)).and(total.LENGTH_COUNT.gt(1L))
                .limit(1).fetchOne();
        int month = dsl.update(total).set(total.LENGTH_COUNT, total.LENGTH_COUNT.minus(1))
                .where(total.KIND.eq(monthRow.getKind()), total.SCOPE_ID.eq(monthRow.getScopeId()),
                        total.DAY_NO.eq(monthRow.getDayNo()), total.WHOLE_DAYS.eq(monthRow.getWholeDays())).execute();
        var some = dsl.selectFrom(count).where(count.KIND.eq(org.deskcrm.persistence.totals.DurationTotals.STAY))
                .orderBy(count.LENGTH_COUNT.desc()).limit(1).fetchOne();
        dsl.deleteFrom(count).where(count.KIND.eq(some.getKind()), count.SCOPE_ID.eq(some.getScopeId()),
                count.WHOLE_DAYS.eq(some.getWholeDays()), count.DAY_NO.eq(some.getDayNo()),
                count.HUNDREDTHS.eq(some.getHundredths())).execute();
        int moved = some.getHundredths() + 1;
        if (dsl.update(count).set(count.LENGTH_COUNT, count.LENGTH_COUNT.plus(some.getLengthCount()))
                .where(count.KIND.eq(some.getKind()), count.SCOPE_ID.eq(some.getScopeId()),
                        count.WHOLE_DAYS.eq(some.getWholeDays()), count.DAY_NO.eq(some.getDayNo()),
                        count.HUNDREDTHS.eq(moved)).execute() == 0) {
            dsl.insertInto(count, count.KIND, count.SCOPE_ID, count.WHOLE_DAYS, count.DAY_NO, count.HUNDREDTHS,
                    count.LENGTH_COUNT).values(some.getKind(), some.getScopeId(), some.getWholeDays(), some.getDayNo(),
                    moved, some.getLengthCount()).execute();
        }
        DealTotals.Rebuild r = new DealTotals(dsl).rebuild(ZONE, step -> { });
        assertThat(r.repaired()).isGreaterThanOrEqualTo(month + 2);
        assertThat(new DealTotals(dsl).rebuild(ZONE, step -> { }).repaired()).isZero();
        compareEverything(5);
    }

    @Test
    @Order(4)
    void aRebuildRepairsTamperedClosedDealsByProduct() {
        org.jooq.DSLContext dsl = ctx.database().dsl();
        var product = org.deskcrm.persistence.jooq.Tables.PRODUCT_TOTAL;
        var row = dsl.selectFrom(product).where(product.KIND.eq(DealTotals.WON)).and(product.DAY_NO.lt(1_000_000))
                .orderBy(product.DEAL_COUNT.desc()).limit(1).fetchOne();
        dsl.update(product).set(product.AMOUNT, product.AMOUNT.plus(new BigDecimal("0.01")))
                .where(product.KIND.eq(row.getKind()), product.DAY_NO.eq(row.getDayNo()),
                        product.PRODUCT_ID.eq(row.getProductId())).execute();
        dsl.deleteFrom(product).where(product.KIND.eq(DealTotals.LOST)).and(product.DAY_NO.gt(1_000_000))
                .and(product.PRODUCT_ID.eq(dsl.select(DSL.max(product.PRODUCT_ID)).from(product)
                        .where(product.KIND.eq(DealTotals.LOST)))).execute();
        DealTotals.Rebuild r = new DealTotals(dsl).rebuild(ZONE, step -> { });
        assertThat(r.repaired()).isGreaterThanOrEqualTo(2);
        assertThat(new DealTotals(dsl).rebuild(ZONE, step -> { }).repaired()).isZero();
        compareEverything(5);
    }

    @Test
    @Order(5)
    void aRebuildRepairsAndCountsTheMainProductsThatDifferFromTheLines() {
        long withLines = deals.stream().filter(id -> !service.card(id).lines().isEmpty()).findFirst().orElseThrow();
        long withoutLines = deals.stream().filter(id -> service.card(id).lines().isEmpty()).findFirst().orElseThrow();
        var dsl = ctx.database().dsl();
        var deal = org.deskcrm.persistence.jooq.Tables.DEAL;
        Long right = dsl.select(deal.MAIN_PRODUCT_ID).from(deal).where(deal.ID.eq(withLines)).fetchOne(deal.MAIN_PRODUCT_ID);
        assertThat(right).isNotNull();
        dsl.update(deal).set(deal.MAIN_PRODUCT_ID, (Long) null).where(deal.ID.eq(withLines)).execute();
        dsl.update(deal).set(deal.MAIN_PRODUCT_ID, right).where(deal.ID.eq(withoutLines)).execute();
        DealTotals.Rebuild r = new DealTotals(dsl).rebuild(ZONE, step -> { });
        assertThat(r.repaired()).isEqualTo(2);
        assertThat(dsl.select(deal.ID, deal.MAIN_PRODUCT_ID).from(deal).where(deal.ID.in(withLines, withoutLines))
                .fetchMap(deal.ID, deal.MAIN_PRODUCT_ID)).containsEntry(withLines, right).containsEntry(withoutLines, null);
    }

    @Test
    @Order(6)
    void anotherBusinessZoneCountsTheRecordsUntilRebuilt() {
        ZoneId other = ZoneId.of("America/New_York");
        ctx.settings().put(SettingsRepository.BUSINESS_TIME_ZONE, other.getId());
        ReportScope s = new ReportScope(ReportFilter.period(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)), other);
        assertThat(figures.fromTotals(s)).isFalse();
        for (int i = 0; i < 20; i++) {
            move(pick(deals));
        }
        assertThat(same(figures.grouped(DealFigures.Outcome.WON, DealFigures.By.OWNER, s),
                figures.recorded(DealFigures.Outcome.WON, DealFigures.By.OWNER, s))).isTrue();
        new DealTotals(ctx.database().dsl()).rebuild(other, step -> { });
        assertThat(figures.fromTotals(s)).isTrue();
        // the services' totals last cut days in the old zone: their next writes must cut them in the new one
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofMinutes(rnd.nextInt(1, 12 * 60)));
            if (i % 3 == 0) {
                create();
            } else if (i % 3 == 1) {
                move(pick(deals));
            } else {
                edit(pick(deals));
            }
        }
        compareEverything(15, other);
        ctx.settings().put(SettingsRepository.BUSINESS_TIME_ZONE, ZONE.getId());
        new DealTotals(ctx.database().dsl()).rebuild(ZONE, step -> { });
    }

    @Test
    @Order(7)
    void anUpgradedDatabaseReadsTheLinesUntilItsFirstStartFillsTheColumn() {
        var dsl = ctx.database().dsl();
        var deal = org.deskcrm.persistence.jooq.Tables.DEAL;
        ReportScope s = new ReportScope(ReportFilter.period(LocalDate.ofInstant(START, ZONE).minusDays(400),
                LocalDate.ofInstant(clock.instant(), ZONE).plusDays(1)), ZONE);
        List<SalesFacts.ClosedDeal> closed = sales.closed(s, false);
        Map<Long, Long> fromLines = byDeal(closed, sales.mainProductsFromLines(closed));
        assertThat(fromLines.values().stream().filter(p -> p != 0).count()).isGreaterThan(5);
        // what V53 leaves: the column empty, nothing saying it was filled
        dsl.update(deal).set(deal.MAIN_PRODUCT_ID, (Long) null).execute();
        dsl.deleteFrom(org.deskcrm.persistence.jooq.Tables.TOTALS_STATE)
                .where(org.deskcrm.persistence.jooq.Tables.TOTALS_STATE.REGISTER.eq("main_product")).execute();
        // the rows come in the order the database reads them, which rewriting them may change: compared by deal
        List<SalesFacts.ClosedDeal> emptied = sales.closed(s, false);
        assertThat(byDeal(emptied, sales.mainProducts(emptied))).isEqualTo(fromLines);
        assertThat(org.deskcrm.persistence.totals.MainProducts.buildIfMissing(dsl, step -> { })).isTrue();
        List<SalesFacts.ClosedDeal> filled = sales.closed(s, false);
        assertThat(byDeal(filled, filled.stream().mapToLong(SalesFacts.ClosedDeal::mainProductId).toArray()))
                .isEqualTo(fromLines);
        assertThat(org.deskcrm.persistence.totals.MainProducts.buildIfMissing(dsl, step -> { })).isFalse();
    }

    private static Map<Long, Long> byDeal(List<SalesFacts.ClosedDeal> closed, long[] products) {
        Map<Long, Long> m = new TreeMap<>();
        for (int i = 0; i < closed.size(); i++) {
            m.put(closed.get(i).id(), products[i]);
        }
        return m;
    }

    // ------------------------------------------------------------------ changes

    private void create() {
        Pipeline p = pick(pipelines);
        Stage first = rnd.nextInt(5) == 0 ? pick(p.stages()) : p.stages().get(0); // some created won or lost
        Long source = rnd.nextInt(4) == 0 ? null : pick(sources);
        Deal d = new Deal(null, "Drift " + deals.size(), pick(clients), null, pick(owners), p.id(), first.id(),
                amount(), null, source, 0, ScoreBand.COLD, first.kind() == StageKind.LOST ? pick(reasons) : null, null,
                null, null, null, 0);
        deals.add(service.create(d, lines(), pick(owners)).id());
    }

    private void move(long dealId) {
        Deal d = service.find(dealId);
        Pipeline p = pipelines.stream().filter(x -> x.id() == d.pipelineId()).findFirst().orElseThrow();
        Stage to = pick(p.stages());
        Long reason = to.kind() == StageKind.LOST ? pick(reasons) : null;
        service.move(dealId, d.version(), to.id(), reason, null, d.ownerId());
    }

    private void edit(long dealId) {
        Deal d = service.find(dealId);
        int what = rnd.nextInt(3);
        BigDecimal amount = what == 0 ? amount() : d.amount();
        long owner = what == 1 ? pick(owners) : d.ownerId();
        Long source = what == 2 ? (rnd.nextInt(4) == 0 ? null : pick(sources)) : d.sourceId();
        Deal edited = new Deal(d.id(), d.title(), d.clientId(), d.contactId(), owner, d.pipelineId(), d.stageId(),
                amount, d.expectedClose(), source, d.score(), d.band(), d.lostReasonId(), d.lostNote(), d.createdAt(),
                d.stageChangedAt(), d.closedAt(), d.version());
        service.update(edited, rnd.nextInt(3) == 0 ? lines() : service.card(dealId).lines(), d.ownerId());
    }

    /** None to three lines of random products, amounts and sometimes equal amounts (a tie keeps the first line's). */
    private List<org.deskcrm.model.deal.DealLine> lines() {
        List<org.deskcrm.model.deal.DealLine> lines = new ArrayList<>();
        int n = rnd.nextInt(4);
        BigDecimal price = BigDecimal.valueOf(rnd.nextLong(1, 100_000), 2);
        for (int i = 0; i < n; i++) {
            if (rnd.nextBoolean()) {
                price = BigDecimal.valueOf(rnd.nextLong(1, 100_000), 2);
            }
            lines.add(new org.deskcrm.model.deal.DealLine(null, pick(products), null, BigDecimal.ONE, price, BigDecimal.ZERO));
        }
        return lines;
    }

    /** New deals at random stages created on past days, and new amounts and sources merged into existing ones. */
    private void importDeals(ImportWriteRepository imports) {
        Instant now = clock.instant();
        List<ImportedDeal> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Pipeline p = pick(pipelines);
            Stage s = pick(p.stages());
            Instant created = now.minus(Duration.ofHours(rnd.nextInt(2, 24 * 200)));
            // half of them with a history of earlier stages: entered the first stage when created, the last later
            List<ImportedDeal.Entry> history = new ArrayList<>();
            Instant entered = created;
            if (rnd.nextBoolean() && !s.equals(p.stages().get(0))) {
                history.add(new ImportedDeal.Entry(p.stages().get(0).id(), created, null));
                entered = created.plus(Duration.ofHours(rnd.nextLong(1, Duration.between(created, now).toHours())));
            }
            history.add(new ImportedDeal.Entry(s.id(), entered, null));
            Instant closed = s.kind() == org.deskcrm.model.deal.StageKind.OPEN ? null : entered;
            rows.add(new ImportedDeal("Imported " + i, pick(clients), null, pick(owners), p.id(), s.id(), amount(), null,
                    rnd.nextBoolean() ? null : pick(sources), rnd.nextBoolean() ? null : pick(products), created, closed,
                    null, null, null, history));
        }
        ctx.database().inTransaction(() -> {
            for (long id : imports.deals().insertDeals(rows, null, now)) {
                deals.add(id);
            }
            for (int i = 0; i < 5; i++) {
                ImportedDeal d = rows.get(i);
                imports.deals().mergeDeal(pick(deals), new ImportedDeal(d.title(), d.clientId(), null, d.ownerId(), d.pipelineId(),
                        d.stageId(), amount(), null, pick(sources), null, null, null, null, null, null, List.of()), now);
            }
        });
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(rnd.nextLong(0, 5_000_000), 2);
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    // ------------------------------------------------------------------ comparison

    private void compareEverything(int filters) {
        compareEverything(filters, ZONE);
    }

    /** Every grouped figure, lost by stage and the plan-fact spans, from the totals and from the records. */
    private void compareEverything(int filters, ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(START, zone).minusDays(200);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, LocalDate.ofInstant(clock.instant(), zone)) + 30;
        for (int i = 0; i < filters; i++) {
            LocalDate from = first.plusDays(rnd.nextInt(days));
            LocalDate to = rnd.nextInt(3) == 0 ? from.plusDays(rnd.nextInt(40)) : from.plusDays(rnd.nextInt(500));
            if (rnd.nextInt(3) == 0) {
                from = from.withDayOfMonth(1);
            }
            ReportFilter f = ReportFilter.period(from, to);
            if (rnd.nextInt(3) == 0) {
                f = f.withPipeline(pick(pipelines).id());
            }
            int people = rnd.nextInt(4);
            f = new ReportFilter(f.from(), f.to(), f.pipelineId(), people == 1 ? pick(owners) : null,
                    people == 2 ? pick(teams) : null, rnd.nextInt(4) == 0 ? pick(sources) : null,
                    rnd.nextInt(5) == 0 ? ScoreBand.values()[rnd.nextInt(ScoreBand.values().length)] : null);
            ReportScope s = new ReportScope(f, zone);
            assertThat(figures.fromTotals(s)).isTrue();
            for (DealFigures.Outcome o : DealFigures.Outcome.values()) {
                for (DealFigures.By by : DealFigures.By.values()) {
                    assertThat(tallies(figures.grouped(o, by, s))).as("%s by %s, %s", o, by, f)
                            .isEqualTo(tallies(figures.recorded(o, by, s)));
                }
            }
            assertThat(tallies(figures.openByOwner(s))).as("open deals by owner, %s", f)
                    .isEqualTo(tallies(figures.openByOwnerRecorded(s)));
            assertThat(tallies(figures.lostByStage(s))).as("lost by stage, %s", f)
                    .isEqualTo(tallies(figures.lostByStageRecorded(s)));
            assertThat(cohort(funnel.cohort(s))).as("funnel cohort, %s", f).isEqualTo(cohort(funnel.cohortRecorded(s)));
            assertThat(tallies(funnel.lostAt(s))).as("funnel lost here, %s", f)
                    .isEqualTo(tallies(funnel.lostAtRecorded(s)));
            Map<String, String> standing = tallies(funnel.snapshotRecorded(s, s.end()));
            assertThat(tallies(funnel.snapshotFromTotals(s, s.end()))).as("funnel snapshot, %s", f).isEqualTo(standing);
            assertThat(tallies(funnel.snapshot(s, s.end()))).as("funnel snapshot, %s", f).isEqualTo(standing);
            for (DealFigures.By by : List.of(DealFigures.By.OWNER, DealFigures.By.SOURCE)) {
                assertThat(tallies(funnel.wonLeads(by, s))).as("won leads by %s, %s", by, f)
                        .isEqualTo(tallies(funnel.wonLeadsRecorded(by, s)));
            }
            List<LocalDate> cuts = new ArrayList<>(new TreeSet<>(List.of(from.plusDays(rnd.nextInt(1, 60)),
                    from.plusMonths(1).withDayOfMonth(1), from.plusMonths(3).withDayOfMonth(1))));
            ReportFilter period = f;
            cuts.removeIf(c -> !c.isAfter(period.from()) || c.isAfter(period.to()));
            assertThat(cells(spans.won(s, cuts))).as("won spans, %s, cuts %s", f, cuts)
                    .isEqualTo(cells(spans.wonRecorded(s, cuts)));
            compareLengths(f, zone);
            compareProducts(f, zone);
            List<SalesFacts.ClosedDeal> closed = sales.closed(s, false);
            assertThat(sales.mainProducts(closed)).as("main products, %s", f).isEqualTo(sales.mainProductsFromLines(closed));
        }
    }

    /**
     * Velocity's lengths (stays per stage, won cycles) from the stored lengths and from the records, for the period and a
     * pipeline (the stored lengths serve only a filter that narrows by nothing else; with people they count the records).
     */
    private void compareLengths(ReportFilter f, ZoneId zone) {
        Pipeline p = f.pipelineId() == null ? pick(pipelines)
                : pipelines.stream().filter(x -> x.id() == f.pipelineId()).findFirst().orElseThrow();
        ReportScope plain = new ReportScope(ReportFilter.period(f.from(), f.to()).withPipeline(p.id()), zone);
        assertThat(durations.fromTotals(plain)).isTrue();
        assertThat(durations.fromTotals(new ReportScope(f.withPipeline(p.id()), zone)))
                .isEqualTo(f.managerId() == null && f.teamId() == null && f.sourceId() == null && f.band() == null);
        List<Long> stages = p.stages().stream().map(Stage::id).toList();
        var recorded = durations.staysRecorded(plain, stages);
        assertThat(durations.stays(plain, stages)).as("stays, %s, pipeline %s", f, p.id()).isEqualTo(recorded);
        var cycles = durations.cyclesRecorded(plain);
        assertThat(durations.cycles(plain)).as("cycles, %s, pipeline %s", f, p.id()).isEqualTo(cycles);
        lengthsCompared += cycles.count() + recorded.values().stream().mapToLong(l -> l.count()).sum();
    }

    /**
     * Sales analysis's closed deals by main product (won, revenue, lost, won cycles) from the stored totals and as a
     * person would count them from the closed deals and their lines, per product and for all products at once; the
     * stored ones serve only a filter that narrows by nothing but the period.
     */
    private void compareProducts(ReportFilter f, ZoneId zone) {
        ReportScope plain = new ReportScope(ReportFilter.period(f.from(), f.to()), zone);
        assertThat(productSales.fromTotals(plain)).isTrue();
        assertThat(productSales.fromTotals(new ReportScope(f, zone))).isEqualTo(f.pipelineId() == null
                && f.managerId() == null && f.teamId() == null && f.sourceId() == null && f.band() == null);
        List<SalesFacts.ClosedDeal> closed = sales.closed(plain, false);
        long[] main = sales.mainProductsFromLines(closed);
        for (java.util.function.LongFunction<Long> bucket : List.<java.util.function.LongFunction<Long>>of(id -> id, id -> -1L)) {
            Map<Long, BigDecimal[]> figures = new TreeMap<>();
            Map<Long, org.deskcrm.persistence.report.DurationFigures.Lengths.Sample> cycles = new TreeMap<>();
            for (int i = 0; i < closed.size(); i++) {
                SalesFacts.ClosedDeal d = closed.get(i);
                long key = bucket.apply(main[i]);
                BigDecimal[] x = figures.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                if (d.won()) {
                    x[0] = x[0].add(BigDecimal.ONE);
                    x[1] = x[1].add(d.amount());
                    cycles.computeIfAbsent(key, k -> new org.deskcrm.persistence.report.DurationFigures.Lengths.Sample())
                            .add(d.created(), d.closed());
                } else {
                    x[2] = x[2].add(BigDecimal.ONE);
                }
            }
            Map<Long, String> expected = new TreeMap<>();
            figures.forEach((k, x) -> expected.put(k, x[0] + " / " + x[1].stripTrailingZeros().toPlainString() + " / " + x[2]
                    + " / " + (cycles.containsKey(k) ? cycles.get(k).lengths()
                    : org.deskcrm.persistence.report.DurationFigures.Lengths.NONE)));
            Map<Long, String> stored = new TreeMap<>();
            productSales.byProduct(plain, id -> List.of(bucket.apply(id))).orElseThrow().forEach((k, x) -> stored.put(k, x.won() + " / "
                    + x.revenue().stripTrailingZeros().toPlainString() + " / " + x.lost() + " / " + x.cycle()));
            assertThat(stored).as("closed deals by product, %s", plain.filter()).isEqualTo(expected);
        }
        productDealsCompared += closed.size();
    }

    /** Same keys, counts and amounts (compared as numbers), whatever the order. */
    static boolean same(List<Tally> a, List<Tally> b) {
        return tallies(a).equals(tallies(b));
    }

    private static Map<String, String> tallies(List<Tally> list) {
        Map<String, String> m = new TreeMap<>();
        for (Tally t : list) {
            m.put(Objects.toString(t.key()), t.count() + " / " + t.amount().stripTrailingZeros().toPlainString());
        }
        return m;
    }

    private static Map<String, String> cohort(List<CohortCell> list) {
        Map<String, String> m = new TreeMap<>();
        for (CohortCell c : list) {
            m.put(c.reachedOrder() + ":" + c.stageId(), c.count() + " / " + c.amount().stripTrailingZeros().toPlainString());
        }
        return m;
    }

    private static Map<String, String> cells(List<SpanFigures.Cell> list) {
        Map<String, String> m = new TreeMap<>();
        for (SpanFigures.Cell c : list) {
            m.put(c.bucket() + ":" + c.userId(), c.count() + " / " + c.amount().stripTrailingZeros().toPlainString());
        }
        return m;
    }
}
