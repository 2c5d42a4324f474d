package org.deskcrm.service.demo;

import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The stages a deal went through, oldest first: entered its pipeline's first open stage when created,
 * then moved forward stage by stage (now and then skipping one or stepping back), and either was won,
 * was lost at some stage, or is still open (the next move would have been in the future, or it got
 * stuck). Times never decrease and never pass {@code now}.
 */
final class DealPath {
    /** A pipeline prepared for simulation: its open stages in order, the won and the lost stage. */
    record Plan(Pipeline pipeline, List<Stage> open, Stage won, Stage lost, double losePerStage) {
        static Plan of(Pipeline p, double losePerStage) {
            List<Stage> open = p.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
            return new Plan(p, open, p.stageOfKind(StageKind.WON), p.stageOfKind(StageKind.LOST), losePerStage);
        }

        /** Stage by path index: 0..n-1 open stages, n won, n+1 lost. */
        Stage stage(int index) {
            return index < open.size() ? open.get(index) : index == open.size() ? won : lost;
        }

        int wonIndex() {
            return open.size();
        }

        int lostIndex() {
            return open.size() + 1;
        }
    }

    final Plan plan;
    private int[] stages = new int[6];
    private Instant[] times = new Instant[6];
    private int size;

    private DealPath(Plan plan) {
        this.plan = plan;
    }

    static DealPath simulate(Plan plan, Instant created, Instant now, SplittableRandom rnd) {
        DealPath path = new DealPath(plan);
        path.add(0, created);
        int cur = 0;
        Instant t = created;
        int n = plan.open().size();
        for (int moves = 0; moves < 12; moves++) {
            Stage s = plan.open().get(cur);
            int limit = s.maxDays() == null ? 14 : s.maxDays();
            double days = limit * (0.05 + rnd.nextDouble() * 0.9);
            if (rnd.nextInt(100) < 10) {
                days = limit * (1.2 + rnd.nextDouble() * 2); // stuck for a while
            }
            t = t.plus(Duration.ofMinutes(10 + (long) (days * 24 * 60)));
            if (t.isAfter(now)) {
                break;
            }
            int roll = rnd.nextInt(1000);
            if (roll < 15) {
                break; // forgotten: stays open at this stage
            }
            if (roll < 15 + plan.losePerStage() * 1000) {
                path.add(plan.lostIndex(), t);
                break;
            }
            if (cur > 0 && roll > 975) {
                cur--; // stepped back (e.g. the proposal has to be redone)
            } else if (cur + 1 >= n) {
                path.add(plan.wonIndex(), t);
                break;
            } else {
                cur += cur + 2 < n && rnd.nextInt(100) < 7 ? 2 : 1;
            }
            path.add(cur, t);
        }
        return path;
    }

    private void add(int stage, Instant at) {
        if (size == stages.length) {
            stages = Arrays.copyOf(stages, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        stages[size] = stage;
        times[size] = at;
        size++;
    }

    int size() {
        return size;
    }

    Stage stageAt(int i) {
        return plan.stage(stages[i]);
    }

    int indexAt(int i) {
        return stages[i];
    }

    Instant timeAt(int i) {
        return times[i];
    }

    Stage current() {
        return stageAt(size - 1);
    }

    Instant lastChange() {
        return times[size - 1];
    }

    boolean won() {
        return stages[size - 1] == plan.wonIndex();
    }

    boolean lost() {
        return stages[size - 1] == plan.lostIndex();
    }

    boolean open() {
        return !won() && !lost();
    }

    /** Whether the deal ever was at the open stage with this index. */
    boolean reached(int openIndex) {
        for (int i = 0; i < size; i++) {
            if (stages[i] == openIndex) {
                return true;
            }
        }
        return false;
    }

    /** When the deal first entered the open stage with this index, or null when it never did. */
    Instant reachedAt(int openIndex) {
        for (int i = 0; i < size; i++) {
            if (stages[i] == openIndex) {
                return times[i];
            }
        }
        return null;
    }

    /** The highest sort order reached among open and won stages (deal.reached_order). */
    int reachedOrder() {
        int max = 0;
        for (int i = 0; i < size; i++) {
            if (stages[i] != plan.lostIndex()) {
                max = Math.max(max, stageAt(i).order());
            }
        }
        return max;
    }
}
