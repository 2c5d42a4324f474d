package org.deskcrm.service.report;

import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.task.ActivityKind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random data set written through the real repositories, remembered in memory as well, so
 * that tests can compute the expected figures independently of the SQL (an oracle). Deals are created
 * between January and April 2026, walk forward (now and then back) through open stages, and end won,
 * lost or still open; their closing may fall in May.
 */
final class GeneratedData {
    /** What the generator did to one deal. */
    record DealTrace(long id, long ownerId, long pipelineId, Long sourceId, ScoreBand band, BigDecimal amount,
                     Instant created, List<Stage> stages, List<Instant> times, Long lostReasonId) {
        Stage current() {
            return stages.get(stages.size() - 1);
        }

        Instant closedAt() {
            return current().kind() == StageKind.OPEN ? null : times.get(times.size() - 1);
        }

        int reachedOrder() {
            return stages.stream().filter(s -> s.kind() != StageKind.LOST).mapToInt(Stage::order).max().orElse(0);
        }

        /** The stage the deal was lost at (null when not lost or created lost). */
        Stage lostAt() {
            return current().kind() == StageKind.LOST && stages.size() > 1 ? stages.get(stages.size() - 2) : null;
        }

        /** The stage the deal stood at at the instant, or null when it did not exist yet. */
        Stage at(Instant t) {
            Stage s = null;
            for (int i = 0; i < stages.size(); i++) {
                if (times.get(i).isBefore(t)) {
                    s = stages.get(i);
                }
            }
            return s;
        }
    }

    static final Instant START = Instant.parse("2025-12-31T21:00:00Z"); // 2026-01-01 00:00 Moscow
    static final Instant END = Instant.parse("2026-04-30T21:00:00Z");   // 2026-05-01 00:00 Moscow

    final List<DealTrace> deals = new ArrayList<>();
    final List<Long> managers = new ArrayList<>();
    final List<Long> teams = new ArrayList<>();
    final List<Pipeline> pipelines;
    final List<Long> sources;
    final List<Long> reasons;
    private final ReportData data;
    private final Random random;

    GeneratedData(ReportData data, long seed) {
        this.data = data;
        this.random = new Random(seed);
        this.pipelines = data.ctx.pipelines().findAll();
        this.sources = new ArrayList<>(data.ctx.pipelines().leadSources().keySet());
        this.reasons = new ArrayList<>(data.ctx.pipelines().lostReasons().keySet());
    }

    GeneratedData generate(int dealCount, int callCount) {
        teams.add(data.team("North"));
        teams.add(data.team("South"));
        for (int i = 0; i < 5; i++) {
            Long team = i < 3 ? teams.get(0) : i < 4 ? teams.get(1) : null;
            managers.add(data.user("manager" + i, team));
        }
        List<Long> clients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clients.add(data.client("Client " + i, pick(managers), instant()));
        }
        for (int i = 0; i < dealCount; i++) {
            deals.add(deal(pick(clients)));
        }
        for (int i = 0; i < callCount; i++) {
            Long user = random.nextInt(10) == 0 ? null : pick(managers);
            CallDirection dir = CallDirection.values()[random.nextInt(3)];
            CallStatus status = CallStatus.values()[random.nextInt(CallStatus.values().length)];
            data.call(user, dir, status, instant(), random.nextInt(600));
        }
        for (int i = 0; i < callCount / 4; i++) {
            data.activity(pick(managers), random.nextBoolean() ? ActivityKind.MEETING : ActivityKind.PROPOSAL, instant());
        }
        for (int i = 0; i < callCount / 10; i++) {
            data.missedCall(pick(managers), instant(), random.nextBoolean());
        }
        for (int i = 0; i < dealCount / 2; i++) {
            LocalDate day = LocalDate.of(2025, 11, 1).plusDays(random.nextInt(180));
            BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(1_000_000), 2);
            BigDecimal paid = random.nextBoolean() ? amount : amount.multiply(BigDecimal.valueOf(random.nextInt(100)))
                    .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
            String due = random.nextInt(4) == 0 ? null : day.plusDays(random.nextInt(60)).toString();
            data.sale(pick(clients), random.nextInt(8) == 0 ? null : pick(managers), day.toString(),
                    amount.toPlainString(), due, paid.toPlainString());
        }
        for (int i = 0; i < callCount / 5; i++) {
            Instant due = instant();
            Long who = random.nextInt(10) == 0 ? null : pick(managers);
            data.task(who, due, random.nextBoolean() ? due.plus(step()) : null);
            data.event(who, instant(), "client", pick(clients));
        }
        for (int m = 1; m <= 4; m++) {
            LocalDate month = LocalDate.of(2026, m, 1);
            for (long manager : managers) {
                data.goal(manager, null, GoalMetric.REVENUE, month, Integer.toString(5000 + random.nextInt(50000)));
                data.goal(manager, null, GoalMetric.CALLS, month, Integer.toString(10 + random.nextInt(50)));
                data.goal(manager, null, GoalMetric.WON_DEALS, month, Integer.toString(1 + random.nextInt(10)));
            }
            for (long team : teams) {
                data.goal(null, team, GoalMetric.REVENUE, month, Integer.toString(50000 + random.nextInt(50000)));
            }
            for (long source : sources) {
                if (random.nextInt(3) > 0) {
                    LocalDate from = month.plusDays(random.nextInt(20));
                    data.plans.insertCost(source, from, from.plusDays(10 + random.nextInt(40)),
                            BigDecimal.valueOf(random.nextInt(1_000_000), 2));
                }
            }
        }
        repeatCallers(clients, callCount / 2);
        return this;
    }

    /**
     * Calls among a few callers (some on a client card, some unknown numbers), close together, so that
     * first calls, repeats and callbacks all occur (first-call resolution).
     */
    private void repeatCallers(List<Long> clients, int count) {
        for (int i = 0; i < count; i++) {
            int caller = random.nextInt(12);
            Long client = caller < 6 ? clients.get(caller) : null;
            String phone = "+7495100" + String.format("%04d", caller);
            Instant t = START.plus(Duration.ofDays(random.nextInt(12) * 10L)).plus(step());
            CallDirection dir = random.nextInt(3) == 0 ? CallDirection.OUT : random.nextInt(8) == 0 ? CallDirection.INTERNAL : CallDirection.IN;
            CallStatus status = random.nextInt(4) == 0 ? CallStatus.MISSED : CallStatus.ANSWERED;
            data.call(random.nextInt(10) == 0 ? null : pick(managers), dir, status, t, random.nextInt(300), phone, client);
        }
    }

    private DealTrace deal(long clientId) {
        Pipeline p = pick(pipelines);
        List<Stage> open = p.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        Stage won = p.stageOfKind(StageKind.WON);
        Stage lost = p.stageOfKind(StageKind.LOST);
        long owner = pick(managers);
        Long source = random.nextInt(6) == 0 ? null : pick(sources);
        ScoreBand band = ScoreBand.values()[random.nextInt(3)];
        BigDecimal amount = BigDecimal.valueOf(10_000 + random.nextInt(5_000_000), 2);
        Instant t = instant();
        List<Stage> path = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        int at = random.nextInt(8) == 0 ? Math.min(1, open.size() - 1) : 0;
        Stage first = open.get(at);
        LocalDate expected = random.nextBoolean() ? null : LocalDate.of(2026, 1 + random.nextInt(5), 1 + random.nextInt(28));
        long id = data.deal(clientId, owner, p, first, amount.toPlainString(), source, band, expected, t);
        path.add(first);
        times.add(t);
        int moves = random.nextInt(open.size() + 1);
        for (int i = 0; i < moves; i++) {
            int next = random.nextInt(10) == 0 ? Math.max(0, at - 1) : Math.min(open.size() - 1, at + 1 + random.nextInt(2));
            if (next == at) {
                continue;
            }
            at = next;
            t = t.plus(step());
            data.move(id, open.get(at), t);
            path.add(open.get(at));
            times.add(t);
        }
        int outcome = random.nextInt(10);
        Long reason = null;
        if (outcome < 4) {
            t = t.plus(step());
            data.move(id, won, t);
            path.add(won);
            times.add(t);
        } else if (outcome < 7) {
            t = t.plus(step());
            reason = pick(reasons);
            data.move(id, lost, reason, t);
            path.add(lost);
            times.add(t);
        }
        return new DealTrace(id, owner, p.id(), source, band, amount, times.get(0), path, times, reason);
    }

    private Duration step() {
        return Duration.ofMinutes(30 + random.nextInt(60 * 24 * 12));
    }

    /** A random instant between START and END, often close to a Moscow midnight. */
    private Instant instant() {
        long span = Duration.between(START, END).getSeconds();
        Instant t = START.plusSeconds((long) (random.nextDouble() * span));
        if (random.nextInt(5) == 0) {
            long days = Duration.between(START, t).toDays();
            t = START.plus(Duration.ofDays(days)).plusSeconds(random.nextInt(120) - 60L);
            if (t.isBefore(START)) {
                t = START;
            }
        }
        return t;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static <K> void add(Map<K, BigDecimal> m, K k, BigDecimal v) {
        m.merge(k, v, BigDecimal::add);
    }
}
