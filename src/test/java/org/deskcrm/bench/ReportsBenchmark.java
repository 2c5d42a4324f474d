package org.deskcrm.bench;

import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.service.report.Report;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Every report of the catalog over the last twelve months, no other filter (the supervisor's first
 * look), timed against its raw-SQL floor ({@link ReportFloors}). Targets: p95 ≤ 1 s and ≤ 1.5× the floor.
 */
final class ReportsBenchmark implements Benchmark {
    static final double TARGET_MS = 1000;
    static final double TARGET_RATIO = 1.5;

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public void run(BenchEnv env, Results results) throws Exception {
        var ctx = env.ctx();
        LocalDate today = LocalDate.now(ctx.businessZone());
        int n = env.reportIterations();
        // each run's period ends one day earlier than the previous one's: H2 reuses the last result of an
        // identical query on unchanged tables, which would time a cache hit instead of the report
        List<ReportFilter> filters = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            LocalDate to = today.minusDays(i);
            filters.add(ReportFilter.period(to.minusYears(1).plusDays(1), to));
        }
        QueryRecorder recorder = QueryRecorder.install(ctx.database());
        for (Report report : ctx.reports().all()) {
            List<List<QueryRecorder.Statement>> recorded = new ArrayList<>();
            Samples app = Samples.time(1, n, i -> recorded.add(recorder.record(k -> report.run(filters.get(k)), i)));
            List<ReportFloors.Floor> floor = ReportFloors.FLOORS.get(report.name());
            if (floor == null) {
                replayed(results, report.name(), app, recorded.subList(1, recorded.size()), ctx);
                continue;
            }
            Samples raw;
            try (Connection c = ctx.database().dataSource().getConnection()) {
                raw = Samples.time(1, n, i -> {
                    ReportScope scope = new ReportScope(filters.get(i), ctx.businessZone());
                    for (ReportFloors.Floor f : floor) {
                        Sql.drain(c, f.sql(), params(f, scope.start().atOffset(ZoneOffset.UTC),
                                scope.end().atOffset(ZoneOffset.UTC)));
                    }
                });
            }
            double ratio = app.p50() / Math.max(raw.p50(), 0.01);
            boolean met = app.p95() <= TARGET_MS && ratio <= TARGET_RATIO;
            results.add("report", report.name(), app.summary() + "; floor p50 " + Results.fmt(raw.p50())
                            + " ms; ×" + String.format("%.2f", ratio) + " (+" + Results.fmt(app.p50() - raw.p50()) + " ms)", "≤ 1000 ms, ≤ 1.5× floor", met,
                    floor.size() + " floor quer" + (floor.size() == 1 ? "y" : "ies") + "; ratio of p50s");
        }
    }

    /**
     * A report without a hand-written floor is timed against its own statements (recorded during its timed
     * runs) replayed over plain JDBC, each run's statements once: the ratio is then exactly the price of what
     * the application adds around its SQL. A comment makes the replayed text differ from the application's,
     * so H2 cannot hand back the result it kept for the identical statement on the same session.
     */
    private static void replayed(Results results, String name, Samples app, List<List<QueryRecorder.Statement>> runs,
                                 org.deskcrm.AppContext ctx) throws Exception {
        Samples raw;
        try (Connection c = ctx.database().dataSource().getConnection()) {
            raw = Samples.time(0, runs.size(), i -> QueryRecorder.replay(c, runs.get(i).stream()
                    .map(st -> new QueryRecorder.Statement(st.sql() + " /* floor */", st.binds())).toList()));
        }
        double ratio = app.p50() / Math.max(raw.p50(), 0.01);
        boolean met = app.p95() <= TARGET_MS && ratio <= TARGET_RATIO;
        int statements = runs.isEmpty() ? 0 : runs.get(0).size();
        results.add("report", name, app.summary() + "; floor p50 " + Results.fmt(raw.p50()) + " ms; ×"
                        + String.format("%.2f", ratio) + " (+" + Results.fmt(app.p50() - raw.p50()) + " ms)",
                "≤ 1000 ms, ≤ 1.5× floor", met, "floor: its own " + statements + " statements per run replayed over JDBC");
    }

    private static Object[] params(ReportFloors.Floor f, OffsetDateTime start, OffsetDateTime end) {
        if (f.periods() < 0) {
            return new Object[] {end, end};
        }
        List<Object> p = new ArrayList<>();
        for (int i = 0; i < f.periods(); i++) {
            p.add(start);
            p.add(end);
        }
        return p.toArray();
    }
}
