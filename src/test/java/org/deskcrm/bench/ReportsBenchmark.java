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
 * look), timed against its raw-SQL floor: the same statements the report executed (recorded by
 * {@link QueryRecorder}), run again directly over JDBC. Targets: p95 ≤ 1 s and ≤ 1.5× the floor. The
 * hand-written aggregates of {@link ReportFloors} are timed too, as a check on the report's SQL.
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
            List<List<QueryRecorder.Statement>> statements = new ArrayList<>();
            Samples app = Samples.time(1, n, i -> {
                List<QueryRecorder.Statement> ran = recorder.record(k -> report.run(filters.get(k)), i);
                if (i >= 1) {
                    statements.add(ran);
                }
            });
            // the floor: the very statements each timed run executed, again, over plain JDBC (fresh periods
            // again: run k's statements are replayed after runs k+1..n, so no identical query came just before)
            Samples replay;
            try (Connection c = ctx.database().dataSource().getConnection()) {
                // a comment makes the replayed text differ from the application's, so H2 cannot hand back the
                // result it kept for the identical statement
                replay = Samples.time(0, n, i -> QueryRecorder.replay(c, statements.get(i).stream()
                        .map(st -> new QueryRecorder.Statement(st.sql() + " /* floor */", st.binds())).toList()));
            }
            int queries = statements.isEmpty() ? 0 : statements.get(0).size();
            double ratio = app.p50() / Math.max(replay.p50(), 0.01);
            boolean met = app.p95() <= TARGET_MS && ratio <= TARGET_RATIO;
            String handWritten = handWritten(ctx, report, filters, n);
            results.add("report", report.name(), app.summary() + "; floor p50 " + Results.fmt(replay.p50())
                            + " ms; ×" + String.format("%.2f", ratio) + " (+" + Results.fmt(app.p50() - replay.p50())
                            + " ms)", "≤ 1000 ms, ≤ 1.5× floor", met,
                    queries + " quer" + (queries == 1 ? "y" : "ies") + " replayed over JDBC" + handWritten);
        }
    }

    /**
     * The hand-written aggregate of {@link ReportFloors} (another way to get the report's main figures), as a
     * check on the app's SQL itself: much faster than the app's own statements would point at a poor query.
     */
    private static String handWritten(org.deskcrm.AppContext ctx, Report report, List<ReportFilter> filters, int n)
            throws Exception {
        List<ReportFloors.Floor> floor = ReportFloors.FLOORS.get(report.name());
        if (floor == null) {
            return "";
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
        return "; hand-written aggregate p50 " + Results.fmt(raw.p50()) + " ms";
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
