package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Not part of the suite (no Test suffix): the plans of the deal range queries on a real PostgreSQL
 * with many deals, without and with the report indexes of V22. Run with
 * {@code mvn -B -o test -Dtest=ReportIndexPgCheck -Ddeals=300000}.
 */
class ReportIndexPgCheck {
    static final List<String> DROP = List.of("DROP INDEX IF EXISTS ix_deal_closed_by", "DROP INDEX IF EXISTS ix_deal_closed_facts", "DROP INDEX IF EXISTS ix_deal_created",
            "CREATE INDEX ix_deal_closed ON deal (closed_at, stage_id, owner_id, amount)");

    @Test
    void plans() {
        int n = Integer.getInteger("deals", 300_000);
        try (AppContext ctx = new AppContext(TestDatabases.postgres(), Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC))) {
            ctx.referenceData().ensureDefaults(Locale.ENGLISH);
            ReportData data = new ReportData(ctx);
            for (int i = 0; i < 20; i++) {
                data.user("m" + i, null);
            }
            data.client("Acme", 2L, Instant.parse("2026-01-01T00:00:00Z"));
            var dsl = ctx.database().dsl();
            dsl.execute("""
                    INSERT INTO deal (title, title_norm, client_id, owner_id, pipeline_id, stage_id, amount, source_id,
                      score_band, reached_order, created_at, stage_changed_at, closed_at)
                    SELECT 'D' || x, 'd' || x, 1, 2 + MOD(x, 20), 2, 6 + MOD(x, 6), MOD(x * 7919, 100000) / 10.0, 1 + MOD(x, 6), 'hot', 10,
                      TIMESTAMPTZ '2025-01-01 00:00:00+00' + MOD(x * 37, 730 * 24) * INTERVAL '1 hour',
                      TIMESTAMPTZ '2025-01-01 00:00:00+00' + MOD(x * 37, 730 * 24) * INTERVAL '1 hour',
                      CASE WHEN MOD(x, 6) >= 4 THEN TIMESTAMPTZ '2025-01-01 00:00:00+00' + MOD(x * 37, 730 * 24) * INTERVAL '1 hour' + INTERVAL '5 days' END
                    FROM generate_series(1::bigint, %d) x""".formatted(n));
            var scope = ctx.reports().support().scope(ReportFilter.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
            DROP.forEach(dsl::execute);
            dsl.execute("ANALYZE deal");
            System.out.println("==== PostgreSQL, " + n + " deals, without the V22 indexes");
            ReportTimingCheck.explain(ctx, scope).forEach(System.out::println);
            dsl.execute(sql("ix_deal_closed_by"));
            dsl.execute(sql("ix_deal_created"));
            dsl.execute("DROP INDEX ix_deal_closed");
            dsl.execute("ANALYZE deal");
            System.out.println("==== PostgreSQL, with the V22 indexes");
            ReportTimingCheck.explain(ctx, scope).forEach(System.out::println);
        }
    }

    /** The CREATE INDEX statement of the migration, read from it so that the check tests what ships. */
    static String sql(String index) {
        try (var in = ReportIndexPgCheck.class.getResourceAsStream("/db/migration/V22__report_indexes.sql")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // comments first: a ';' in a comment would otherwise cut a statement
            String statements = text.lines().filter(l -> !l.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b);
            return java.util.Arrays.stream(statements.split(";")).map(String::strip)
                    .filter(s -> s.contains("INDEX " + index + " ")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
