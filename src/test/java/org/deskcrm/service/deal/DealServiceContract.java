package org.deskcrm.service.deal;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealCard;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageChange;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DealDetailsRepository;
import org.deskcrm.persistence.DealQueryRepository;
import org.deskcrm.persistence.ScoringRepository;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deals, moves and stage history, pipelines admin, on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DealServiceContract {
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

    @Test
    void everyMoveIsRecordedWithWhoAndWhenAndAnAuditEvent() {
        List<Stage> open = data.open();
        long client = data.client("Станкомаш");
        long product = data.ctx.pipelines().addProduct(null, "Станок " + client, "pcs", new BigDecimal("1000"));
        DealService.Saved s = deals().create(data.draft("Станки", client, data.anna, open.get(0).id(), "0"),
                List.of(new DealLine(null, product, null, new BigDecimal("3"), new BigDecimal("1000.00"), new BigDecimal("10"))),
                data.anna);
        long v = deals().move(s.id(), s.version(), open.get(1).id(), null, null, data.anna);
        v = deals().move(s.id(), v, open.get(2).id(), null, null, data.boris);
        v = deals().move(s.id(), v, data.won(), null, null, data.boris);

        DealCard card = deals().card(s.id());
        assertThat(card.deal().amount()).isEqualByComparingTo("2700.00");
        assertThat(card.lines()).singleElement().satisfies(l -> assertThat(l.productName()).startsWith("Станок"));
        assertThat(card.deal().version()).isEqualTo(v).isEqualTo(3);
        assertThat(card.deal().closedAt()).isEqualTo(DealTestData.NOW);
        assertThat(card.history()).extracting(StageChange::toStageId)
                .containsExactly(open.get(0).id(), open.get(1).id(), open.get(2).id(), data.won());
        assertThat(card.history()).extracting(StageChange::changedBy)
                .containsExactly(data.anna, data.anna, data.boris, data.boris);
        assertThat(card.history()).allSatisfy(h -> assertThat(h.changedAt()).isEqualTo(DealTestData.NOW));
        List<AuditEvent> events = data.ctx.audit().forRecord("deal", s.id(), 10);
        assertThat(events).filteredOn(e -> e.action() == AuditAction.MOVE).hasSize(3)
                .extracting(AuditEvent::newValue).contains(open.get(1).name(), open.get(2).name(), "Won");
    }

    @Test
    void aFailedMoveLeavesNeitherDealNorHistoryChanged() {
        long client = data.client("Откат");
        DealService.Saved s = deals().create(data.draft("Откат", client, data.anna, data.open().get(0).id(), "500"),
                List.of(), data.anna);
        Database db = data.ctx.database();
        AuditRepository failingAudit = new AuditRepository(db) {
            @Override
            public void append(List<AuditEvent> events) {
                throw new IllegalStateException("audit store down");
            }
        };
        DealService failing = new DealService(db, data.ctx.deals(), new DealDetailsRepository(db),
                new DealQueryRepository(db), data.ctx.pipelines(), failingAudit, data.ctx.dealFeature().scoring(),
                data.ctx.users(), data.ctx.dealFeature().settings(), data.ctx.dealFeature().sales());
        assertThatThrownBy(() -> failing.move(s.id(), 0, data.open().get(1).id(), null, null, data.anna))
                .hasMessageContaining("audit store down");
        Deal after = deals().find(s.id());
        assertThat(after.stageId()).isEqualTo(data.open().get(0).id());
        assertThat(after.version()).isZero();
        assertThat(data.ctx.deals().history(s.id())).hasSize(1).first()
                .satisfies(h -> assertThat(h.leftAt()).isNull());
    }

    @Test
    void aMoveWithAStaleVersionFails() {
        long client = data.client("Версия");
        DealService.Saved s = deals().create(data.draft("Версия", client, data.anna, data.open().get(0).id(), "1"),
                List.of(), data.anna);
        deals().move(s.id(), 0, data.open().get(1).id(), null, null, data.anna);
        assertThatThrownBy(() -> deals().move(s.id(), 0, data.open().get(2).id(), null, null, data.boris))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(data.ctx.deals().history(s.id())).hasSize(2);
    }

    @Test
    void twoConcurrentMovesOfTheSameVersionLetExactlyOneThrough() throws Exception {
        long client = data.client("Гонка");
        DealService.Saved s = deals().create(data.draft("Гонка", client, data.anna, data.open().get(0).id(), "1"),
                List.of(), data.anna);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (Stage target : List.of(data.open().get(1), data.open().get(2))) {
                Callable<Long> move = () -> {
                    start.await();
                    return deals().move(s.id(), 0, target.id(), null, null, data.anna);
                };
                results.add(pool.submit(move));
            }
            start.countDown();
            int ok = 0;
            int conflicts = 0;
            for (Future<Long> f : results) {
                try {
                    assertThat(f.get()).isEqualTo(1);
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConcurrentEditException.class);
                    conflicts++;
                }
            }
            assertThat(ok).isEqualTo(1);
            assertThat(conflicts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.ctx.deals().history(s.id())).hasSize(2);
        assertThat(deals().find(s.id()).version()).isEqualTo(1);
    }

    @Test
    void aLostStageNeedsAReasonWithALocalizedMessage() {
        long client = data.client("Потеря");
        DealService.Saved s = deals().create(data.draft("Потеря", client, data.anna, data.open().get(0).id(), "1"),
                List.of(), data.anna);
        AppException e = org.junit.jupiter.api.Assertions.assertThrows(AppException.class,
                () -> deals().move(s.id(), 0, data.lost(), null, null, data.anna));
        assertThat(new I18n(Locale.ENGLISH).message(e)).isEqualTo("Choose why the deal was lost.");
        assertThat(new I18n(Locale.forLanguageTag("ru")).message(e)).isEqualTo("Укажите причину проигрыша сделки.");
        assertThat(data.ctx.deals().history(s.id())).hasSize(1);

        long reason = data.anyLostReason();
        deals().move(s.id(), 0, data.lost(), reason, "дорого", data.anna);
        Deal lost = deals().find(s.id());
        assertThat(lost.lostReasonId()).isEqualTo(reason);
        assertThat(lost.lostNote()).isEqualTo("дорого");
        assertThat(lost.closedAt()).isEqualTo(DealTestData.NOW);
        assertThatThrownBy(() -> deals().create(data.draft("Сразу потеряна", client, data.anna, data.lost(), "1"),
                List.of(), data.anna)).isInstanceOf(AppException.class).hasMessageContaining("lostReasonRequired");
    }

    @Test
    void editsAreVersionCheckedValidatedAndAudited() {
        long client = data.client("Правка");
        DealService.Saved s = deals().create(data.draft("Правка", client, data.anna, data.open().get(0).id(), "100"),
                List.of(), data.anna);
        Deal d = deals().find(s.id());
        Deal edited = new Deal(d.id(), "Правка 2", d.clientId(), null, data.boris, d.pipelineId(), d.stageId(),
                new BigDecimal("250"), java.time.LocalDate.of(2026, 4, 1), null, 0, d.band(), null, null, null, null,
                null, d.version());
        assertThat(deals().update(edited, List.of(), data.anna)).isEqualTo(1);
        assertThatThrownBy(() -> deals().update(edited, List.of(), data.anna)).isInstanceOf(ConcurrentEditException.class);
        Deal moved = new Deal(d.id(), "x", d.clientId(), null, data.boris, d.pipelineId(), data.open().get(1).id(),
                BigDecimal.ONE, null, null, 0, d.band(), null, null, null, null, null, 1);
        assertThatThrownBy(() -> deals().update(moved, List.of(), data.anna)).hasMessageContaining("useMove");
        Deal blank = new Deal(d.id(), " ", d.clientId(), null, data.boris, d.pipelineId(), d.stageId(),
                BigDecimal.valueOf(-1), null, null, 0, d.band(), null, null, null, null, null, 1);
        assertThatThrownBy(() -> deals().update(blank, List.of(), data.anna)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).hasSize(2));
        assertThat(data.ctx.audit().forRecord("deal", s.id(), 10)).filteredOn(e -> e.action() == AuditAction.UPDATE)
                .extracting(AuditEvent::field).containsExactlyInAnyOrder("title", "ownerId", "amount", "expectedClose");
        Deal after = deals().find(s.id());
        assertThat(after.ownerId()).isEqualTo(data.boris);
        assertThat(after.amount()).isEqualByComparingTo("250");
    }

    @Test
    void listAndBoardFilterByOwnerPipelineAndBand() {
        long client = data.client("Фильтр");
        long stage = data.open().get(0).id();
        DealService.Saved a = deals().create(data.draft("Фильтр А", client, data.anna, stage, "10"), List.of(), data.anna);
        DealService.Saved b = deals().create(data.draft("Фильтр Б", client, data.boris, stage, "20"), List.of(), data.boris);
        DealFilter f = DealFilter.pipeline(data.sales().id()).withOwner(data.boris);
        assertThat(deals().rows(f, 1000)).extracting(r -> r.id()).contains(b.id()).doesNotContain(a.id());
        assertThat(deals().rows(f, 1000)).allSatisfy(r -> assertThat(r.ownerName()).isEqualTo("Boris Ivanov"));
        var totals = deals().stageTotals(DealFilter.pipeline(data.sales().id()));
        BigDecimal listed = deals().rows(DealFilter.pipeline(data.sales().id()), 100_000).stream()
                .filter(r -> r.stageId() == stage).map(r -> r.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(totals.get(stage).amount()).isEqualByComparingTo(listed);
        assertThat(deals().rows(DealFilter.ALL.withPeriod(DealTestData.NOW.plusSeconds(1), null), 10)).isEmpty();
        Deal da = deals().find(a.id());
        assertThat(deals().rows(DealFilter.ALL.withBand(da.band()), 100_000)).extracting(r -> r.id()).contains(a.id());
    }

    @Test
    void pipelinesKeepExactlyOneWonAndAtLeastOneLostStage() {
        PipelineService ps = data.ctx.dealFeature().pipelines();
        Pipeline p = ps.create("test" + System.nanoTime(), "Тест", List.of(
                Stage.draft("Новая", 0, StageKind.OPEN, 10, 5),
                Stage.draft("Успех", 0, StageKind.WON, 100, null),
                Stage.draft("Отказ", 0, StageKind.LOST, 0, null)));
        assertThat(p.stages()).extracting(Stage::order).containsExactly(10, 20, 30);
        Stage won = p.stageOfKind(StageKind.WON);
        Stage lost = p.stageOfKind(StageKind.LOST);
        assertThatThrownBy(() -> ps.addStage(p.id(), Stage.draft("Второй успех", 0, StageKind.WON, 100, null), 1))
                .hasMessageContaining("oneWonStage");
        assertThatThrownBy(() -> ps.deleteStage(p.id(), lost.id())).hasMessageContaining("noLostStage");
        assertThatThrownBy(() -> ps.updateStage(new Stage(won.id(), p.id(), "Успех", won.order(), StageKind.OPEN,
                BigDecimal.TEN, null))).hasMessageContaining("oneWonStage");
        assertThatThrownBy(() -> ps.addStage(p.id(), Stage.draft("новая", 0, StageKind.OPEN, 10, null), 1))
                .hasMessageContaining("duplicateStage");
        assertThatThrownBy(() -> ps.addStage(p.id(), Stage.draft("Сверх", 0, StageKind.OPEN, 120, null), 1))
                .hasMessageContaining("probability");
        long kp = ps.addStage(p.id(), Stage.draft("КП", 0, StageKind.OPEN, 40, 7), 1);
        Pipeline after = ps.pipeline(p.id());
        assertThat(after.stages()).extracting(Stage::name).containsExactly("Новая", "КП", "Успех", "Отказ");
        List<Long> ids = new ArrayList<>(after.stages().stream().map(Stage::id).toList());
        Collections.swap(ids, 0, 1);
        ps.reorder(p.id(), ids);
        assertThat(ps.pipeline(p.id()).stages()).extracting(Stage::name).containsExactly("КП", "Новая", "Успех", "Отказ");
        assertThatThrownBy(() -> ps.reorder(p.id(), ids.subList(0, 2))).hasMessageContaining("reorder");
        ps.updateStage(new Stage(kp, p.id(), "Предложение", 0, StageKind.OPEN, new BigDecimal("45"), 10));
        assertThat(ps.pipeline(p.id()).stage(kp).orElseThrow().name()).isEqualTo("Предложение");

        long client = data.client("Админ");
        deals().create(Deal.draft("В работе", client, data.anna, p.id(), kp, BigDecimal.ONE), List.of(), data.anna);
        assertThatThrownBy(() -> ps.deleteStage(p.id(), kp)).hasMessageContaining("stageInUse");
        assertThatThrownBy(() -> ps.updateStage(new Stage(kp, p.id(), "Предложение", 0, StageKind.LOST,
                BigDecimal.ZERO, null))).hasMessageContaining("kindInUse");
    }

    @Test
    void aSaleThatChangesTheClientStatusRescoresItsDeals() {
        ScoringRepository repo = new ScoringRepository(data.ctx.database());
        List<org.deskcrm.model.deal.ScoringRule> saved = repo.rules();
        saved.forEach(r -> repo.delete(r.id()));
        try {
            data.ctx.dealFeature().scoring().save(org.deskcrm.model.deal.ScoringRule.draft("new buyer",
                    org.deskcrm.model.deal.ScoringAttribute.CLIENT_STATUS, org.deskcrm.model.deal.ScoringOperator.EQ,
                    "new_one_time", 50, 1));
            long client = data.client("Первая покупка");
            long deal = deals().create(data.draft("Повтор", client, data.anna, data.open().get(0).id(), "1"),
                    List.of(), data.anna).id();
            assertThat(deals().find(deal).score()).isZero();
            data.ctx.dealFeature().sales().add(new org.deskcrm.model.deal.Sale(null, client, null, data.anna, null,
                    java.time.LocalDate.of(2026, 3, 1), BigDecimal.TEN, null, BigDecimal.ZERO, 0), data.anna);
            assertThat(deals().find(deal).score()).isEqualTo(50);
            assertThat(deals().find(deal).band()).isEqualTo(org.deskcrm.model.deal.ScoreBand.WARM);
        } finally {
            repo.rules().forEach(r -> repo.delete(r.id()));
            saved.forEach(repo::insert);
        }
    }

    @Test
    void scoringRulesGiveScoresAndBandsAndRescoreAllMatchesSingleRescoring() {
        ScoringService scoring = data.ctx.dealFeature().scoring();
        ScoringRepository repo = new ScoringRepository(data.ctx.database());
        repo.rules().forEach(r -> repo.delete(r.id()));
        assertThat(scoring.ensureDefaultRules(Locale.ENGLISH)).isTrue();
        assertThat(scoring.ensureDefaultRules(Locale.ENGLISH)).isFalse();
        assertThat(scoring.rules()).hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(r -> assertThat(ScoringService.validate(r)).isEmpty());
        repo.rules().forEach(r -> repo.delete(r.id()));
        long referral = data.ctx.pipelines().leadSources().entrySet().stream()
                .filter(e -> e.getValue().equals("Referral")).findFirst().orElseThrow().getKey();
        scoring.save(org.deskcrm.model.deal.ScoringRule.draft("big", org.deskcrm.model.deal.ScoringAttribute.AMOUNT,
                org.deskcrm.model.deal.ScoringOperator.GE, "100000", 40, 1));
        scoring.save(org.deskcrm.model.deal.ScoringRule.draft("phone", org.deskcrm.model.deal.ScoringAttribute.CHANNEL,
                org.deskcrm.model.deal.ScoringOperator.PRESENT, "phone", 30, 2));
        scoring.save(org.deskcrm.model.deal.ScoringRule.draft("referral", org.deskcrm.model.deal.ScoringAttribute.SOURCE,
                org.deskcrm.model.deal.ScoringOperator.IN, String.valueOf(referral), 45, 3));
        scoring.save(org.deskcrm.model.deal.ScoringRule.draft("no contact", org.deskcrm.model.deal.ScoringAttribute.CONTACT,
                org.deskcrm.model.deal.ScoringOperator.ABSENT, null, -5, 4));
        assertThatThrownBy(() -> scoring.save(org.deskcrm.model.deal.ScoringRule.draft("bad",
                org.deskcrm.model.deal.ScoringAttribute.AMOUNT, org.deskcrm.model.deal.ScoringOperator.PRESENT, null, 5, 5)))
                .isInstanceOf(ValidationException.class);

        long withPhone = data.client("Скоринг");
        long noPhone = data.client("Без телефона", data.anna, null);
        long stage = data.open().get(0).id();
        Deal hotDraft = data.draft("Горячая", withPhone, data.anna, stage, "150000");
        hotDraft = new Deal(null, hotDraft.title(), withPhone, null, data.anna, hotDraft.pipelineId(), stage,
                hotDraft.amount(), null, referral, 0, hotDraft.band(), null, null, null, null, null, 0);
        long hot = deals().create(hotDraft, List.of(), data.anna).id();           // 40 + 30 + 45 - 5 = 110 → 100
        long warm = deals().create(data.draft("Тёплая", withPhone, data.anna, stage, "200000"), List.of(), data.anna).id(); // 65
        long cold = deals().create(data.draft("Холодная", noPhone, data.anna, stage, "10"), List.of(), data.anna).id();   // -5 → 0
        long edge = deals().create(data.draft("Порог", withPhone, data.anna, stage, "99999.99"), List.of(), data.anna).id(); // 25
        assertThat(deals().find(hot).score()).isEqualTo(100);
        assertThat(deals().find(hot).band()).isEqualTo(org.deskcrm.model.deal.ScoreBand.HOT);
        assertThat(deals().find(warm).score()).isEqualTo(65);
        assertThat(deals().find(warm).band()).isEqualTo(org.deskcrm.model.deal.ScoreBand.WARM);
        assertThat(deals().find(cold).score()).isZero();
        assertThat(deals().find(edge).score()).isEqualTo(25);
        assertThat(deals().find(edge).band()).isEqualTo(org.deskcrm.model.deal.ScoreBand.COLD);

        data.ctx.settings().put("scoring.warm_min", "25");
        data.ctx.settings().put("scoring.hot_min", "65");
        try {
            long n = scoring.rescoreAll(org.deskcrm.service.common.Progress.NONE);
            assertThat(n).isGreaterThanOrEqualTo(2); // at least the 65 and the 25 change band
            assertThat(deals().find(warm).band()).isEqualTo(org.deskcrm.model.deal.ScoreBand.HOT);
            assertThat(deals().find(edge).band()).isEqualTo(org.deskcrm.model.deal.ScoreBand.WARM);
            assertThat(deals().find(cold).band()).isEqualTo(org.deskcrm.model.deal.ScoreBand.COLD);
        } finally {
            data.ctx.settings().put("scoring.warm_min", "40");
            data.ctx.settings().put("scoring.hot_min", "70");
        }
    }
}
