package org.deskcrm.service.deal;

import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DealDetailsRepository;
import org.deskcrm.persistence.DealQueryRepository;
import org.deskcrm.persistence.LifecycleRepository;
import org.deskcrm.persistence.SaleLedgerRepository;
import org.deskcrm.persistence.SaleRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A won deal adds its sale in the move's transaction, once per deal (see SaleService#recordWin), on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WonDealSaleContract {
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

    DealService deals() {
        return data.ctx.dealFeature().deals();
    }

    SaleService sales() {
        return data.ctx.dealFeature().sales();
    }

    LifecycleStatus status(long client) {
        return data.ctx.clients().load(client).client().lifecycle();
    }

    long openDeal(long client, String amount) {
        return deals().create(data.draft("Сделка", client, data.boris, data.open().get(0).id(), amount), List.of(),
                data.anna).id();
    }

    @Test
    void winningADealAddsOneUnpaidSaleForItsClientAndRecomputesTheStatus() {
        long client = data.client("Выигрыш");
        long deal = openDeal(client, "1500.50");
        assertThat(status(client)).isEqualTo(LifecycleStatus.POTENTIAL);

        deals().move(deal, 0, data.won(), null, null, data.anna);

        assertThat(sales().byClient(client)).singleElement().satisfies(s -> {
            assertThat(s.dealId()).isEqualTo(deal);
            assertThat(s.ownerId()).isEqualTo(data.boris);
            assertThat(s.saleDate()).isEqualTo(TODAY);
            assertThat(s.amount()).isEqualByComparingTo("1500.50");
            assertThat(s.paidAmount()).isEqualByComparingTo("0");
            assertThat(s.dueDate()).isNull();
        });
        assertThat(status(client)).isEqualTo(LifecycleStatus.NEW_ONE_TIME);
        assertThat(data.ctx.clients().load(client).client().purchaseCount()).isEqualTo(1);
    }

    @Test
    void wonReopenedAndWonAgainKeepsOneSaleRefreshedWhileUnpaid() {
        long client = data.client("Повтор");
        long deal = openDeal(client, "1000");
        long v = deals().move(deal, 0, data.won(), null, null, data.anna);
        v = deals().move(deal, v, data.open().get(1).id(), null, null, data.anna);
        assertThat(sales().byClient(client)).as("reopening keeps the document").hasSize(1);
        Deal d = deals().find(deal);
        v = deals().update(new Deal(d.id(), d.title(), d.clientId(), d.contactId(), d.ownerId(), d.pipelineId(),
                d.stageId(), new BigDecimal("1200"), d.expectedClose(), d.sourceId(), d.score(), d.band(), null, null,
                d.createdAt(), d.stageChangedAt(), d.closedAt(), v), List.of(), data.anna);
        v = deals().move(deal, v, data.won(), null, null, data.anna);

        assertThat(sales().byClient(client)).singleElement().satisfies(s -> {
            assertThat(s.dealId()).isEqualTo(deal);
            assertThat(s.amount()).as("an unpaid invoice follows the new win").isEqualByComparingTo("1200");
        });
        assertThat(data.ctx.clients().load(client).client().purchaseCount()).isEqualTo(1);
        assertThat(status(client)).isEqualTo(LifecycleStatus.NEW_ONE_TIME);

        // lost then won again, moved won -> won is a no-op: still one sale
        v = deals().move(deal, v, data.lost(), data.anyLostReason(), null, data.anna);
        v = deals().move(deal, v, data.won(), null, null, data.anna);
        deals().move(deal, v, data.won(), null, null, data.anna);
        assertThat(sales().byClient(client)).hasSize(1);
    }

    @Test
    void aPaidSaleIsLeftAsRecordedWhenTheDealIsWonAgain() {
        long client = data.client("Оплачено");
        long deal = openDeal(client, "800");
        long v = deals().move(deal, 0, data.won(), null, null, data.anna);
        Sale s = sales().byClient(client).get(0);
        sales().edit(new Sale(s.id(), s.clientId(), s.dealId(), s.ownerId(), "INV-7", s.saleDate(), s.amount(),
                s.dueDate(), new BigDecimal("300"), s.version()), data.anna);
        v = deals().move(deal, v, data.open().get(0).id(), null, null, data.anna);
        Deal d = deals().find(deal);
        v = deals().update(new Deal(d.id(), d.title(), d.clientId(), d.contactId(), d.ownerId(), d.pipelineId(),
                d.stageId(), new BigDecimal("5000"), d.expectedClose(), d.sourceId(), d.score(), d.band(), null, null,
                d.createdAt(), d.stageChangedAt(), d.closedAt(), v), List.of(), data.anna);
        deals().move(deal, v, data.won(), null, null, data.anna);

        assertThat(sales().byClient(client)).singleElement().satisfies(x -> {
            assertThat(x.docNo()).isEqualTo("INV-7");
            assertThat(x.amount()).isEqualByComparingTo("800");
            assertThat(x.paidAmount()).isEqualByComparingTo("300");
        });
    }

    @Test
    void aDealCreatedWonHasItsSaleAndALostDealHasNone() {
        long client = data.client("Сразу");
        long won = deals().create(data.draft("Сразу", client, data.anna, data.won(), "70"), List.of(), data.anna).id();
        long lostClient = data.client("Проигрыш");
        long lost = openDeal(lostClient, "90");
        deals().move(lost, 0, data.lost(), data.anyLostReason(), null, data.anna);

        assertThat(sales().byClient(client)).singleElement().extracting(Sale::dealId).isEqualTo(won);
        assertThat(sales().byClient(lostClient)).isEmpty();
        assertThat(status(lostClient)).isEqualTo(LifecycleStatus.POTENTIAL);
    }

    @Test
    void whenTheSaleCannotBeWrittenTheMoveDoesNotLandEither() {
        long client = data.client("Сбой");
        long deal = openDeal(client, "400");
        Database db = data.ctx.database();
        SaleRepository broken = new SaleRepository(db) {
            @Override
            public long insert(Sale s) {
                throw new IllegalStateException("sale store down");
            }
        };
        SaleService failingSales = new SaleService(db, broken, new SaleLedgerRepository(db),
                new ClientRepository(db), new LifecycleRepository(db), new AuditRepository(db), data.ctx.dealFeature().settings(),
                data.ctx.dealFeature().scoring());
        DealService failing = new DealService(db, data.ctx.deals(), new DealDetailsRepository(db),
                new DealQueryRepository(db), data.ctx.pipelines(), new AuditRepository(db), data.ctx.dealFeature().scoring(),
                data.ctx.users(), data.ctx.dealFeature().settings(), failingSales);

        assertThatThrownBy(() -> failing.move(deal, 0, data.won(), null, null, data.anna))
                .hasMessageContaining("sale store down");
        Deal after = deals().find(deal);
        assertThat(after.stageId()).isEqualTo(data.open().get(0).id());
        assertThat(after.closedAt()).isNull();
        assertThat(data.ctx.deals().history(deal)).hasSize(1);
        assertThat(sales().byClient(client)).isEmpty();
        assertThat(status(client)).isEqualTo(LifecycleStatus.POTENTIAL);
    }
}
