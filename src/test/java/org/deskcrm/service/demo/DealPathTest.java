package org.deskcrm.service.demo;

import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Simulated stage paths: ordered times, never in the future, ending open, won or lost. */
class DealPathTest {
    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    private static DealPath.Plan plan() {
        List<Stage> stages = new ArrayList<>();
        int[] days = {14, 14, 21, 14};
        for (int i = 0; i < 4; i++) {
            stages.add(new Stage(10L + i, 1L, "s" + i, (i + 1) * 10, StageKind.OPEN, BigDecimal.TEN, days[i]));
        }
        stages.add(new Stage(20L, 1L, "won", 50, StageKind.WON, BigDecimal.valueOf(100), null));
        stages.add(new Stage(21L, 1L, "lost", 60, StageKind.LOST, BigDecimal.ZERO, null));
        return DealPath.Plan.of(new Pipeline(1L, "sales", "Sales", 1, true, stages), 0.17);
    }

    @Test
    void pathsAreOrderedBoundedAndEndOpenWonOrLost() {
        DealPath.Plan plan = plan();
        SplittableRandom rnd = new SplittableRandom(3);
        int won = 0;
        int lost = 0;
        int open = 0;
        long moves = 0;
        for (int i = 0; i < 5_000; i++) {
            Instant created = NOW.minus(Duration.ofDays(rnd.nextInt(1_000)));
            DealPath p = DealPath.simulate(plan, created, NOW, rnd);
            assertThat(p.timeAt(0)).isEqualTo(created);
            assertThat(p.indexAt(0)).isZero();
            for (int j = 1; j < p.size(); j++) {
                assertThat(p.timeAt(j)).isAfterOrEqualTo(p.timeAt(j - 1)).isBeforeOrEqualTo(NOW);
                assertThat(p.indexAt(j - 1)).as("only the last stage closes").isLessThan(plan.wonIndex());
            }
            assertThat(p.reachedOrder()).isGreaterThanOrEqualTo(10);
            moves += p.size();
            if (p.won()) {
                won++;
                assertThat(p.reached(3)).isTrue();
                assertThat(p.reachedOrder()).isEqualTo(50);
            } else if (p.lost()) {
                lost++;
            } else {
                open++;
            }
        }
        assertThat(won).isGreaterThan(1_000);
        assertThat(lost).isGreaterThan(1_000);
        assertThat(open).isPositive();
        assertThat(moves / 5_000.0).isBetween(2.5, 5.0);
    }
}
