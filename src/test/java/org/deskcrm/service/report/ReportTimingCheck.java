package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.report.Grain;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not part of the suite: times every report over an existing database (e.g. the medium demo data set)
 * and prints the plans of the deal range queries. Run with the test class path:
 * {@code java -cp ... org.deskcrm.service.report.ReportTimingCheck jdbc:h2:file:/tmp/crm 2026-10-31}.
 * Opening the database migrates it, so a run after a new index migration measures with the index.
 */
final class ReportTimingCheck {
    private ReportTimingCheck() {
    }

    public static void main(String[] args) {
        LocalDate end = LocalDate.parse(args[1]);
        try (AppContext ctx = new AppContext(Database.open(new DatabaseConfig(args[0], "sa", "")), Clock.systemUTC())) {
            ReportCatalog reports = ctx.reports();
            Map<String, ReportFilter> filters = new LinkedHashMap<>();
            filters.put("month", ReportFilter.period(end.withDayOfMonth(1), end));
            filters.put("quarter", ReportFilter.period(end.minusMonths(2).withDayOfMonth(1), end));
            filters.put("year", ReportFilter.period(end.minusYears(1).plusDays(1), end));
            for (String line : explain(ctx, reports.support().scope(filters.get("quarter")))) {
                System.out.println(line);
            }
            for (Report r : reports.all()) {
                List<String> cells = new ArrayList<>();
                for (var e : filters.entrySet()) {
                    ReportFilter f = r.name().equals("activity") || r.name().equals("calls")
                            ? e.getValue().withGrain(Grain.DAY) : e.getValue();
                    long best = Long.MAX_VALUE;
                    int rows = 0;
                    for (int i = 0; i < 3; i++) {
                        long t0 = System.nanoTime();
                        rows = r.run(f).rows().size();
                        best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
                    }
                    cells.add(String.format("%s %6d ms (%d rows)", e.getKey(), best, rows));
                }
                System.out.printf("TIME %-16s %s%n", r.name(), String.join("  ", cells));
            }
        }
    }

    /** The plans of the revenue, lost and leads queries as the reports issue them (by owner and by source). */
    static List<String> explain(AppContext ctx, ReportScope s) {
        var dsl = ctx.database().dsl();
        String closed = "closed_at >= TIMESTAMP WITH TIME ZONE '" + s.start() + "' AND closed_at < TIMESTAMP WITH TIME ZONE '"
                + s.end() + "'";
        String created = closed.replace("closed_at", "created_at");
        String won = " AND stage_id IN (SELECT id FROM stage WHERE kind_code = 'won')";
        Map<String, String> q = new LinkedHashMap<>();
        q.put("won by owner", "SELECT owner_id, COUNT(*), SUM(amount) FROM deal WHERE " + closed + won + " GROUP BY owner_id");
        q.put("won by source", "SELECT source_id, COUNT(*), SUM(amount) FROM deal WHERE " + closed + won + " GROUP BY source_id");
        q.put("won by owner, one manager", "SELECT owner_id, COUNT(*), SUM(amount) FROM deal WHERE " + closed + won
                + " AND owner_id = 3 GROUP BY owner_id");
        q.put("leads by owner", "SELECT owner_id, COUNT(*), SUM(amount) FROM deal WHERE " + created + " GROUP BY owner_id");
        q.put("leads by source", "SELECT source_id, COUNT(*), SUM(amount) FROM deal WHERE " + created + " GROUP BY source_id");
        List<String> out = new ArrayList<>();
        String prefix = ctx.database().dsl().dialect().family().name().equals("POSTGRES") ? "EXPLAIN ANALYZE " : "EXPLAIN ANALYZE ";
        q.forEach((name, sql) -> {
            out.add("PLAN " + name + ":");
            dsl.fetch(prefix + sql).forEach(r -> out.add("    " + r.get(0)));
        });
        return out;
    }
}
