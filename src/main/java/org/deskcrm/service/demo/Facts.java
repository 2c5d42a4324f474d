package org.deskcrm.service.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What the generated data amounts to per manager and month (revenue, won deals, new clients, calls,
 * meetings, proposals) and leads per source and month; goals and lead-source costs are derived from
 * it so that plan-vs-fact and ROI reports show plausible numbers.
 */
final class Facts {
    static final String[] METRICS = {"revenue", "won_deals", "new_clients", "calls", "meetings", "proposals"};
    static final int REVENUE = 0;
    static final int WON = 1;
    static final int NEW_CLIENTS = 2;
    static final int CALLS = 3;
    static final int MEETINGS = 4;
    static final int PROPOSALS = 5;

    private final ZoneId zone;
    private final Map<Long, Map<YearMonth, double[]>> byManager = new HashMap<>();
    private final Map<Long, Map<YearMonth, int[]>> leadsBySource = new HashMap<>();

    Facts(ZoneId zone) {
        this.zone = zone;
    }

    void add(long managerId, Instant at, int metric, double value) {
        add(managerId, YearMonth.from(at.atZone(zone)), metric, value);
    }

    void add(long managerId, LocalDate day, int metric, double value) {
        add(managerId, YearMonth.from(day), metric, value);
    }

    private void add(long managerId, YearMonth month, int metric, double value) {
        byManager.computeIfAbsent(managerId, k -> new HashMap<>())
                .computeIfAbsent(month, k -> new double[METRICS.length])[metric] += value;
    }

    void lead(long sourceId, Instant at) {
        leadsBySource.computeIfAbsent(sourceId, k -> new HashMap<>())
                .computeIfAbsent(YearMonth.from(at.atZone(zone)), k -> new int[1])[0]++;
    }

    double value(long managerId, YearMonth month, int metric) {
        double[] v = byManager.getOrDefault(managerId, Map.of()).get(month);
        return v == null ? 0 : v[metric];
    }

    int leads(long sourceId, YearMonth month) {
        int[] v = leadsBySource.getOrDefault(sourceId, Map.of()).get(month);
        return v == null ? 0 : v[0];
    }
}
