package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.service.report.Report;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A developer's probe (not part of the benchmark): times the named reports over the last twelve months
 * against the very statements each one executed, replayed over plain JDBC, statement by statement.
 * Usage: ReportProbe jdbcUrl iterations report...
 */
public final class ReportProbe {
    private ReportProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        List<String> names = Arrays.asList(args).subList(2, args.length);
        try (AppContext ctx = AppContext.open(new DatabaseConfig(url, "sa", ""))) {
            QueryRecorder rec = QueryRecorder.install(ctx.database());
            LocalDate today = LocalDate.now(ctx.businessZone());
            List<ReportFilter> filters = new ArrayList<>();
            for (int i = 0; i <= 2 * n + 2; i++) {
                LocalDate to = today.minusDays(i);
                filters.add(ReportFilter.period(to.minusYears(1).plusDays(1), to));
            }
            for (Report report : ctx.reports().all()) {
                if (!names.contains(report.name())) {
                    continue;
                }
                Samples app = Samples.time(1, n, i -> report.run(filters.get(i)));
                List<QueryRecorder.Statement> st = rec.record(i -> report.run(filters.get(i)), n + 1);
                double[][] per = new double[st.size()][n];
                Samples raw = new Samples(n);
                try (Connection c = ctx.database().dataSource().getConnection()) {
                    for (int i = 0; i < n; i++) {
                        List<QueryRecorder.Statement> s = rec.record(k -> report.run(filters.get(k)), n + 2 + i);
                        double total = 0;
                        for (int q = 0; q < s.size() && q < per.length; q++) {
                            long t0 = System.nanoTime();
                            QueryRecorder.replay(c, List.of(s.get(q)));
                            per[q][i] = (System.nanoTime() - t0) / 1e6;
                            total += per[q][i];
                        }
                        raw.add(total);
                    }
                }
                System.out.printf("%s: app p50 %.1f p95 %.1f | own SQL p50 %.1f | x%.2f | %d statements%n", report.name(),
                        app.p50(), app.p95(), raw.p50(), app.p50() / raw.p50(), st.size());
                for (int q = 0; q < per.length; q++) {
                    double[] v = per[q].clone();
                    Arrays.sort(v);
                    String sql = st.get(q).sql().replaceAll("\\s+", " ");
                    System.out.printf("   %8.1f ms  %s%n", v[v.length / 2], sql.length() > 220 ? sql.substring(0, 220) : sql);
                }
            }
        }
    }
}
