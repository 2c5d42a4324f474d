package org.deskcrm.service.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Monthly goals of every manager for every metric (and a revenue goal per team), set a little above
 * or below what was actually achieved in past months and from the recent average for the current and
 * the next month; and monthly lead-source costs proportional to the leads each source brought.
 */
final class PlanGenerator {
    private static final double[] COST_PER_LEAD = {0.04, 0.02, 0.01, 0.12, 0.07, 0.03};

    private final DemoWorld w;
    private final DemoTables t;
    private final Facts facts;

    PlanGenerator(DemoWorld w, DemoTables t, Facts facts) {
        this.w = w;
        this.t = t;
        this.facts = facts;
    }

    void goals(SplittableRandom rnd) {
        YearMonth first = YearMonth.from(w.start().atZone(w.zone()));
        YearMonth current = YearMonth.from(w.today());
        Map<String, Double> teamRevenue = new HashMap<>();
        for (DemoWorld.Manager m : w.managers()) {
            for (YearMonth month = first; !month.isAfter(current.plusMonths(1)); month = month.plusMonths(1)) {
                for (int metric = 0; metric < Facts.METRICS.length; metric++) {
                    double basis = month.isBefore(current) ? facts.value(m.id(), month, metric)
                            : recentAverage(m.id(), current, metric);
                    double target = round(metric, basis * (0.9 + rnd.nextDouble() * 0.35));
                    t.goal.add(t.id("goal"), m.id(), null, Facts.METRICS[metric], "month", month.atDay(1),
                            BigDecimal.valueOf(target));
                    if (metric == Facts.REVENUE) {
                        teamRevenue.merge(m.teamId() + "|" + month, target, Double::sum);
                    }
                }
            }
        }
        teamRevenue.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] key = e.getKey().split("\\|");
            t.goal.add(t.id("goal"), null, Long.parseLong(key[0]), "revenue", "month",
                    YearMonth.parse(key[1]).atDay(1), BigDecimal.valueOf(e.getValue()));
        });
    }

    private double recentAverage(long managerId, YearMonth current, int metric) {
        double sum = 0;
        for (int i = 1; i <= 3; i++) {
            sum += facts.value(managerId, current.minusMonths(i), metric);
        }
        return sum / 3 * 1.05;
    }

    private double round(int metric, double value) {
        if (metric != Facts.REVENUE) {
            return Math.max(1, Math.round(value));
        }
        double step = w.main().russian() ? 10_000 : 500;
        return Math.max(step, Math.round(value / step) * step);
    }

    void sourceCosts(SplittableRandom rnd) {
        double average = w.main().products().stream().mapToLong(Vocabulary.Product::price).average().orElse(1000);
        YearMonth first = YearMonth.from(w.start().atZone(w.zone()));
        YearMonth current = YearMonth.from(w.today());
        for (int i = 0; i < w.sourceIds().size(); i++) {
            long sourceId = w.sourceIds().get(i);
            double perLead = average * (i < COST_PER_LEAD.length ? COST_PER_LEAD[i] : 0.05);
            for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
                int leads = facts.leads(sourceId, month);
                long cost = Math.round(leads * perLead * (0.8 + rnd.nextDouble() * 0.4));
                LocalDate end = month.equals(current) ? w.today() : month.atEndOfMonth();
                t.sourceCost.add(t.id("lead_source_cost"), sourceId, month.atDay(1), end, BigDecimal.valueOf(cost), null);
            }
        }
    }
}
