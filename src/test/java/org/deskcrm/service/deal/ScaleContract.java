package org.deskcrm.service.deal;

import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.client.LifecycleRules;
import org.deskcrm.service.common.Progress;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;

/**
 * Recompute-all at volume: clients, sales and deals are generated set-based (sizes from the system
 * properties deskcrm.scale.clients / deskcrm.scale.deals; small by default so the suite stays quick),
 * then lifecycle recompute-all is checked client by client against {@link LifecycleRules} in Java,
 * and rescore-all must touch every deal and leave bands consistent with the scores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScaleContract {
    static final int CLIENTS = Integer.getInteger("deskcrm.scale.clients", 5_000);
    static final int DEALS = Integer.getInteger("deskcrm.scale.deals", 10_000);

    DealTestData data;

    abstract Database openDatabase();

    /** A derived table "r" with one column x = 1..n. */
    abstract String range(int n);

    @BeforeAll
    void open() {
        data = new DealTestData(openDatabase());
        DSLContext dsl = data.ctx.database().dsl();
        long t0 = System.nanoTime();
        dsl.execute("INSERT INTO client (kind, name, name_norm, owner_id, region) SELECT 'company', "
                + "CONCAT('Client ', x), CONCAT('client ', x), " + data.anna + ", 'R' FROM " + range(CLIENTS));
        long minClient = dsl.select(org.jooq.impl.DSL.min(CLIENT.ID)).from(CLIENT).fetchOne(0, Long.class);
        // a phone for every second client; 0, 1 or 2 sales spread over the last ~800 days
        dsl.execute("INSERT INTO channel (client_id, kind_code, value_raw, value_norm) SELECT id, 'phone', "
                + "CONCAT('+7', id), CONCAT('+7', id) FROM client WHERE MOD(id, 2) = 0");
        dsl.execute("INSERT INTO sale (client_id, sale_date, amount) SELECT id, "
                + "CAST(DATE '2026-03-10' - CAST(MOD(id * 7, 800) AS INT) AS DATE), 100 FROM client WHERE MOD(id, 3) > 0");
        dsl.execute("INSERT INTO sale (client_id, sale_date, amount) SELECT id, "
                + "CAST(DATE '2026-03-10' - CAST(MOD(id * 7, 800) + 30 AS INT) AS DATE), 100 FROM client WHERE MOD(id, 3) = 2");
        // a recent call for every fifth client, and calls from unknown numbers (no client): the bulk
        // rescoring's "client_id NOT IN (...)" must not be fooled by them
        dsl.execute("INSERT INTO phone_call (direction, status_code, started_at, phone_raw, phone_norm, client_id) "
                + "SELECT 'in', 'answered', TIMESTAMP WITH TIME ZONE '2026-03-05 10:00:00+00', CONCAT('+7', id), "
                + "CONCAT('+7', id), id FROM client WHERE MOD(id, 5) = 0");
        dsl.execute("INSERT INTO phone_call (direction, status_code, started_at, phone_raw, phone_norm) "
                + "SELECT 'in', 'missed', TIMESTAMP WITH TIME ZONE '2026-03-05 10:00:00+00', '+70000000000', "
                + "'+70000000000' FROM client WHERE MOD(id, 1000) = 0");
        long stage = data.open().get(0).id();
        dsl.execute("INSERT INTO deal (title, title_norm, client_id, owner_id, pipeline_id, stage_id, amount) "
                + "SELECT CONCAT('Deal ', x), CONCAT('deal ', x), " + minClient + " + MOD(x, " + CLIENTS + "), "
                + data.anna + ", " + data.sales().id() + ", " + stage + ", MOD(x, 7) * 100000 FROM " + range(DEALS));
        System.out.printf("scale: generated %d clients, %d deals in %d ms%n", CLIENTS, DEALS,
                (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    void close() {
        data.close();
    }

    @Test
    void recomputeAllAgreesWithTheRulesForEveryClient() {
        SaleService sales = data.ctx.dealFeature().sales();
        long t0 = System.nanoTime();
        long n = sales.recomputeAll(Progress.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("scale: lifecycle recompute-all of %d clients took %d ms on %s%n", n, ms,
                data.ctx.database().dialect());
        assertThat(n).isGreaterThan(CLIENTS / 2); // two thirds have sales
        LifecycleRules rules = LifecycleRules.DEFAULT;
        LocalDate today = LocalDate.of(2026, 3, 10);
        AtomicInteger checked = new AtomicInteger();
        data.ctx.database().dsl().select(CLIENT.ID, CLIENT.PURCHASE_COUNT, CLIENT.LAST_PURCHASE_ON, CLIENT.LIFECYCLE_CODE)
                .from(CLIENT).forEach(r -> {
                    assertThat(LifecycleStatus.ofCode(r.value4())).as("client %d", r.value1())
                            .isEqualTo(rules.status(r.value2(), r.value3(), today));
                    checked.incrementAndGet();
                });
        assertThat(checked.get()).isGreaterThanOrEqualTo(CLIENTS);
        assertThat(data.ctx.database().dsl().fetchCount(CLIENT, CLIENT.LIFECYCLE_CODE.eq("regular"))).isPositive();
    }

    @Test
    void rescoreAllScoresEveryDeal() {
        ScoringService scoring = data.ctx.dealFeature().scoring();
        scoring.ensureDefaultRules(Locale.ENGLISH);
        long t0 = System.nanoTime();
        long n = scoring.rescoreAll(Progress.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("scale: rescore-all of %d deals took %d ms on %s%n", n, ms, data.ctx.database().dialect());
        assertThat(n).isPositive();
        assertThat(scoring.rescoreAll(Progress.NONE)).isZero(); // a second pass writes nothing
        DSLContext dsl = data.ctx.database().dsl();
        // the bulk form (semi-joins) and the one-deal form (EXISTS probes) agree on every sampled deal
        var sample = dsl.select(DEAL.ID, DEAL.SCORE, DEAL.SCORE_BAND).from(DEAL).where(DEAL.ID.mod(97L).eq(0L)).fetch();
        assertThat(sample).isNotEmpty();
        for (var r : sample) {
            data.ctx.database().inTransaction(() -> scoring.rescore(r.value1()));
        }
        assertThat(dsl.select(DEAL.ID, DEAL.SCORE, DEAL.SCORE_BAND).from(DEAL).where(DEAL.ID.mod(97L).eq(0L)).fetch())
                .isEqualTo(sample);
        // amount >= 500 000 (10 + 10) and a phone (10): at least 30
        assertThat(dsl.fetchCount(DEAL, DEAL.AMOUNT.ge(new java.math.BigDecimal("500000")).and(DEAL.SCORE.lt(30))
                .and(DEAL.CLIENT_ID.mod(2L).eq(0L)))).isZero();
        assertThat(dsl.fetchCount(DEAL, DEAL.SCORE.ge(40).and(DEAL.SCORE_BAND.eq("cold")))).isZero();
        assertThat(dsl.fetchCount(DEAL, DEAL.SCORE.lt(40).and(DEAL.SCORE_BAND.ne("cold")))).isZero();
        assertThat(dsl.fetchCount(DEAL, DEAL.SCORE.gt(0))).isPositive();
    }
}
