package org.deskcrm.persistence;

import org.deskcrm.AppContext;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.deal.ScoringService;
import org.deskcrm.service.demo.DemoSize;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.DEAL;

/**
 * Not part of the suite (no Test suffix): times rescore-all over generated demo data in an H2 file
 * database (kept in {@code -Ddir}, default target/rescore-check, and reused by the next run). Run with
 * {@code mvn -B -o test -Dtest=RescoreScaleCheck -Ddeals=100000 -Dclients=10000 -Dcalls=100000}.
 */
class RescoreScaleCheck {
    @Test
    void timeRescoreAll() {
        DemoSize size = new DemoSize(Integer.getInteger("clients", 10_000), Integer.getInteger("deals", 100_000),
                Integer.getInteger("calls", 100_000), 3);
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("dir", "target/rescore-check"));
        try (AppContext ctx = new AppContext(Database.open(DatabaseConfig.embedded(dir), 4),
                Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC))) {
            long t0 = System.nanoTime();
            if (ctx.database().dsl().fetchCount(DEAL) == 0) {
                ctx.demoData().generate(size, Locale.ENGLISH, 7, Progress.NONE);
                System.out.printf("rescore-check: demo %s generated in %d ms%n", size, ms(t0));
            }
            ScoringService scoring = ctx.dealFeature().scoring();
            scoring.ensureDefaultRules(Locale.ENGLISH);
            var dsl = ctx.database().dsl();
            for (int round = 0; round < Integer.getInteger("rounds", 1); round++) {
                dsl.update(DEAL).set(DEAL.SCORE, 0).set(DEAL.SCORE_BAND, "cold").execute();
                long t1 = System.nanoTime();
                long changed = scoring.rescoreAll(Progress.NONE);
                System.out.printf("rescore-check: round %d: rescore-all changed %,d of %,d deals in %d ms%n", round,
                        changed, dsl.fetchCount(DEAL), ms(t1));
                long t2 = System.nanoTime();
                assertThat(scoring.rescoreAll(Progress.NONE)).isZero();
                System.out.printf("rescore-check: round %d: unchanged pass in %d ms%n", round, ms(t2));
            }
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
