package org.deskcrm.service.deal;

import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.ClientNeed;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.model.deal.NeedProbability;
import org.deskcrm.model.deal.NeedProbability.Level;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.jooq.Tables;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Sales with lifecycle status, and need probabilities, on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SalesAndNeedsContract {
    /** 2026-03-10 in Moscow: the business day of {@link DealTestData#NOW}. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    DealTestData data;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        data = new DealTestData(openDatabase());
    }

    @AfterAll
    void close() {
        data.close();
    }

    SaleService sales() {
        return data.ctx.dealFeature().sales();
    }

    Sale sale(long client, LocalDate date) {
        return new Sale(null, client, null, data.anna, null, date, new BigDecimal("1000.00"), null, BigDecimal.ZERO, 0);
    }

    LifecycleStatus status(long client) {
        return data.ctx.clients().load(client).client().lifecycle();
    }

    @Test
    void lifecycleFollowsTheThresholdsToTheDayOnEverySaleChangeAndOnRecomputeAll() {
        Map<Long, LifecycleStatus> expected = new LinkedHashMap<>();
        expected.put(data.client("Никогда"), LifecycleStatus.POTENTIAL);
        long fresh = data.client("Ровно 90");
        sales().add(sale(fresh, TODAY.minusDays(90)), data.anna);
        expected.put(fresh, LifecycleStatus.NEW_ONE_TIME);
        long old = data.client("91 день");
        long oldSale = sales().add(sale(old, TODAY.minusDays(91)), data.anna);
        expected.put(old, LifecycleStatus.OLD_ONE_TIME);
        long oldYear = data.client("Ровно 365");
        sales().add(sale(oldYear, TODAY.minusDays(365)), data.anna);
        expected.put(oldYear, LifecycleStatus.OLD_ONE_TIME);
        long churnedOne = data.client("366 дней");
        sales().add(sale(churnedOne, TODAY.minusDays(366)), data.anna);
        expected.put(churnedOne, LifecycleStatus.CHURNED);
        long regular = data.client("Постоянный");
        sales().add(sale(regular, TODAY.minusDays(700)), data.anna);
        sales().add(sale(regular, TODAY.minusDays(365)), data.anna);
        expected.put(regular, LifecycleStatus.REGULAR);
        long churned = data.client("Ушедший");
        sales().add(sale(churned, TODAY.minusDays(400)), data.anna);
        sales().add(sale(churned, TODAY.minusDays(366)), data.anna);
        expected.put(churned, LifecycleStatus.CHURNED);

        expected.forEach((id, st) -> assertThat(status(id)).as("client %d", id).isEqualTo(st));

        // forget every computed status, then recompute everything set-based
        data.ctx.database().dsl().update(Tables.CLIENT).set(Tables.CLIENT.LIFECYCLE_CODE, "potential")
                .set(Tables.CLIENT.PURCHASE_COUNT, 0).setNull(Tables.CLIENT.LAST_PURCHASE_ON).execute();
        assertThat(sales().recomputeAll(Progress.NONE)).isGreaterThanOrEqualTo(expected.size() - 1);
        assertThat(sales().recomputeAll(Progress.NONE)).isZero(); // nothing left to change
        expected.forEach((id, st) -> assertThat(status(id)).as("client %d after recompute-all", id).isEqualTo(st));
        assertThat(data.ctx.clients().load(regular).client().purchaseCount()).isEqualTo(2);
        assertThat(data.ctx.clients().load(regular).client().lastPurchaseOn()).isEqualTo(TODAY.minusDays(365));

        // edits and deletes recompute in the same transaction
        Sale s = sales().byClient(old).get(0);
        long v = sales().edit(new Sale(oldSale, old, null, data.anna, "N-1", TODAY, s.amount(), TODAY.plusDays(10),
                new BigDecimal("400.00"), s.version()), data.anna);
        assertThat(status(old)).isEqualTo(LifecycleStatus.NEW_ONE_TIME);
        assertThatThrownBy(() -> sales().delete(oldSale, s.version(), data.anna)).isInstanceOf(ConcurrentEditException.class);
        sales().delete(oldSale, v, data.anna);
        assertThat(status(old)).isEqualTo(LifecycleStatus.POTENTIAL);
        assertThat(data.ctx.audit().forRecord("sale", oldSale, 10)).hasSize(3);
    }

    @Test
    void invalidSalesAreRejectedAndChangeNothing() {
        long client = data.client("Проверка");
        assertThatThrownBy(() -> sales().add(new Sale(null, client, null, null, null, TODAY, new BigDecimal("10"),
                TODAY.minusDays(1), new BigDecimal("20"), 0), data.anna))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field())
                        .containsExactlyInAnyOrder("paidAmount", "dueDate"));
        assertThat(sales().byClient(client)).isEmpty();
        assertThat(status(client)).isEqualTo(LifecycleStatus.POTENTIAL);
    }

    /**
     * Closed deals with product P: Anna/Урал 4 won (one with two P lines) + 1 lost; Boris/Урал 1 won +
     * 2 lost; Anna/Сибирь 3 lost. With Q: Boris/Сибирь 1 won + 2 lost. One open deal with P (not
     * counted). Global: 7 won of 15 closed, g = 8/17.
     */
    @Test
    void needProbabilityBacksOffFromManagerProductRegionToGlobal() {
        try (DealTestData fresh = new DealTestData(openDatabase())) {
            long p = fresh.ctx.pipelines().addProduct(null, "Станок", "pcs", new BigDecimal("100"));
            long q = fresh.ctx.pipelines().addProduct(null, "Фреза", "pcs", new BigDecimal("10"));
            long annaUral = fresh.client("Анна Урал", fresh.anna, "Урал");
            long borisUral = fresh.client("Борис Урал", fresh.boris, "Урал");
            long annaSib = fresh.client("Анна Сибирь", fresh.anna, "Сибирь");
            long borisSib = fresh.client("Борис Сибирь", fresh.boris, "Сибирь");
            long noRegion = fresh.client("Без региона", fresh.anna, null);
            deals(fresh, annaUral, fresh.anna, p, 4, 1);
            fresh.ctx.dealFeature().deals().create(fresh.draft("Две строки", annaUral, fresh.anna, fresh.won(), "0"),
                    List.of(line(p), line(p)), fresh.anna);
            deals(fresh, borisUral, fresh.boris, p, 1, 2);
            deals(fresh, annaSib, fresh.anna, p, 0, 3);
            deals(fresh, borisSib, fresh.boris, q, 1, 2);
            fresh.ctx.dealFeature().deals().create(fresh.draft("Открытая", annaUral, fresh.anna,
                    fresh.open().get(0).id(), "0"), List.of(line(p)), fresh.anna);
            // Anna/Урал/P: 5 won (4 + the two-line deal) of 6; Урал/P: 6 of 9; P: 6 of 12; all: 7 of 15
            NeedService needs = fresh.ctx.dealFeature().needs();
            double g = 8.0 / 17.0; // Laplace: (7 + 1) / (15 + 2)

            NeedProbability a = needs.probability(annaUral, p);
            assertThat(a.level()).isEqualTo(Level.MANAGER_PRODUCT_REGION);
            assertThat(a.wins()).isEqualTo(5);
            assertThat(a.total()).isEqualTo(6);
            assertThat(a.prior()).isCloseTo(g, within(1e-12));
            assertThat(a.probability()).isCloseTo((5 + 2 * g) / 8, within(1e-12)); // 101/136

            NeedProbability b = needs.probability(borisUral, p); // Boris/Урал has 3 < 5
            assertThat(b.level()).isEqualTo(Level.PRODUCT_REGION);
            assertThat(b.wins()).isEqualTo(6);
            assertThat(b.total()).isEqualTo(9);
            assertThat(b.probability()).isCloseTo((6 + 2 * g) / 11, within(1e-12)); // 118/187

            NeedProbability c = needs.probability(annaSib, p); // Anna/Сибирь 3, Сибирь/P 3 → product
            assertThat(c.level()).isEqualTo(Level.PRODUCT);
            assertThat(c.wins()).isEqualTo(6);
            assertThat(c.total()).isEqualTo(12);
            assertThat(c.probability()).isCloseTo((6 + 2 * g) / 14, within(1e-12)); // 59/119

            NeedProbability d = needs.probability(noRegion, q); // Q has 2 closed deals → global
            assertThat(d.level()).isEqualTo(Level.GLOBAL);
            assertThat(d.wins()).isEqualTo(7);
            assertThat(d.total()).isEqualTo(15);
            assertThat(d.probability()).isCloseTo(g, within(1e-12));

            long needId = needs.add(ClientNeed.draft(annaUral, p, new BigDecimal("2"), TODAY, TODAY.plusMonths(3)));
            ClientNeed stored = needs.byClient(annaUral).get(0);
            assertThat(stored.id()).isEqualTo(needId);
            assertThat(stored.productName()).isEqualTo("Станок");
            assertThat(stored.probability().probability()).isCloseTo(101.0 / 136, within(1e-4));
            assertThat(stored.probability().level()).isEqualTo(Level.MANAGER_PRODUCT_REGION);
            assertThat(stored.probability().wins()).isEqualTo(5);
            assertThat(stored.probability().total()).isEqualTo(6);
            assertThatThrownBy(() -> needs.add(ClientNeed.draft(annaUral, p, BigDecimal.ZERO, null, null)))
                    .isInstanceOf(ValidationException.class);
        }
    }

    private static DealLine line(long product) {
        return new DealLine(null, product, null, BigDecimal.ONE, new BigDecimal("100"), BigDecimal.ZERO);
    }

    private static void deals(DealTestData d, long client, long owner, long product, int won, int lost) {
        List<Deal> drafts = new ArrayList<>();
        for (int i = 0; i < won; i++) {
            drafts.add(d.draft("Выиграна " + i, client, owner, d.won(), "0"));
        }
        for (int i = 0; i < lost; i++) {
            Deal x = d.draft("Проиграна " + i, client, owner, d.lost(), "0");
            drafts.add(new Deal(null, x.title(), client, null, owner, x.pipelineId(), x.stageId(), x.amount(), null, null,
                    0, x.band(), d.anyLostReason(), null, null, null, null, 0));
        }
        for (Deal x : drafts) {
            d.ctx.dealFeature().deals().create(x, List.of(line(product)), owner);
        }
    }
}
