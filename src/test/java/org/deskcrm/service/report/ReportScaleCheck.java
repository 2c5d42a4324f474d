package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Not part of the suite (no Test suffix): times the deal reports over many deals on H2.
 * Run with {@code mvn -B -o test -Dtest=ReportScaleCheck -Ddeals=500000}.
 */
class ReportScaleCheck {
    @Test
    void timeReports() {
        int n = Integer.getInteger("deals", 300_000);
        try (AppContext ctx = new AppContext(TestDatabases.h2(), Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC))) {
            ctx.referenceData().ensureDefaults(Locale.ENGLISH);
            ReportData data = new ReportData(ctx);
            for (int i = 0; i < 20; i++) {
                data.user("m" + i, null);
            }
            data.client("Acme", 2L, Instant.parse("2026-01-01T00:00:00Z"));
            var dsl = ctx.database().dsl();
            long t0 = System.nanoTime();
            // sales pipeline stages 6..11 (orders 10..60: four open, won, lost); created over 2026 H1
            dsl.execute("""
                    INSERT INTO deal (title, title_norm, client_id, owner_id, pipeline_id, stage_id, amount, source_id,
                      score_band, reached_order, created_at, stage_changed_at, closed_at, lost_reason_id)
                    SELECT 'D' || \"X\", 'd' || \"X\", 1, 2 + MOD(\"X\", 20), 2, 6 + MOD(\"X\", 6), MOD(\"X\" * 7919, 100000) / 10.0,
                      1 + MOD(\"X\", 6), CASE MOD(\"X\", 3) WHEN 0 THEN 'hot' WHEN 1 THEN 'warm' ELSE 'cold' END,
                      CASE WHEN MOD(\"X\", 6) = 5 THEN 20 ELSE 10 * (1 + MOD(\"X\", 6)) END,
                      TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + (MOD(\"X\" * 37, 181 * 24) * INTERVAL '1' HOUR),
                      TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + (MOD(\"X\" * 37, 181 * 24) * INTERVAL '1' HOUR) + INTERVAL '5' DAY,
                      CASE WHEN MOD(\"X\", 6) >= 4 THEN TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + (MOD(\"X\" * 37, 181 * 24) * INTERVAL '1' HOUR) + INTERVAL '5' DAY END,
                      CASE WHEN MOD(\"X\", 6) = 5 THEN 1 END
                    FROM SYSTEM_RANGE(1, %d)""".formatted(n));
            dsl.execute("""
                    INSERT INTO deal_stage_history (deal_id, from_stage_id, to_stage_id, changed_at, amount)
                    SELECT id, CASE WHEN stage_id = 11 THEN 7 END, stage_id, stage_changed_at, amount FROM deal""");
            System.out.printf("loaded %,d deals in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
            if (Boolean.getBoolean("explain")) {
                org.deskcrm.model.report.ReportScope sc = ctx.reports().support().scope(
                        ReportFilter.period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)).withPipeline(2L));
                String range = "created_at >= TIMESTAMP WITH TIME ZONE '" + sc.start() + "' AND created_at < TIMESTAMP WITH TIME ZONE '"
                        + sc.end() + "'";
                System.out.println("PLAN cohort " + dsl.fetchValue("EXPLAIN SELECT reached_order, stage_id, COUNT(*), SUM(amount) FROM deal"
                        + " WHERE pipeline_id = 2 AND " + range + " GROUP BY reached_order, stage_id"));
                System.out.println("PLAN won " + dsl.fetchValue("EXPLAIN SELECT owner_id, COUNT(*), SUM(amount) FROM deal WHERE "
                        + range.replace("created_at", "closed_at") + " AND stage_id IN (SELECT id FROM stage WHERE kind_code = 'won')"
                        + " GROUP BY owner_id"));
                System.out.println("PLAN wonIds " + dsl.fetchValue("EXPLAIN SELECT owner_id, COUNT(*), SUM(amount) FROM deal WHERE "
                        + range.replace("created_at", "closed_at") + " AND stage_id IN (5, 10, 15)"
                        + " GROUP BY owner_id"));
                System.out.println("PLAN wonEq " + dsl.fetchValue("EXPLAIN SELECT owner_id, COUNT(*), SUM(amount) FROM deal WHERE "
                        + range.replace("created_at", "closed_at") + " AND stage_id = 10"
                        + " GROUP BY owner_id"));
            }
            ReportCatalog reports = ctx.reports();
            ReportFilter march = ReportFilter.period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
            for (int round = 0; round < 2; round++) {
                for (String name : new String[] {"funnel", "funnel-snapshot", "lost-by-reason", "lost-by-stage",
                        "manager-rating", "lead-sources", "plan-fact", "manager-load", "velocity"}) {
                    long s = System.nanoTime();
                    ReportTable t = reports.get(name).run(march.withPipeline(2L));
                    System.out.printf("round %d %-16s %5d ms (%d rows)%n", round, name, (System.nanoTime() - s) / 1_000_000,
                            t.rows().size());
                }
            }
        }
    }
}
