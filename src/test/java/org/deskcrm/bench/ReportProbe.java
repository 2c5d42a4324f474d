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
 * Usage: ReportProbe jdbcUrl iterations report... (-Dprobe.user, -Dprobe.password: the login, sa and none by default)
 */
public final class ReportProbe {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private ReportProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        List<String> names = Arrays.asList(args).subList(2, args.length);
        try (AppContext ctx = AppContext.open(new DatabaseConfig(url, System.getProperty("probe.user", "sa"),
                System.getProperty("probe.password", "")))) {
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
                report.run(filters.get(0));
                List<QueryRecorder.Statement> st = rec.record(i -> report.run(filters.get(i)), 1);
                double[][] per = new double[st.size()][n];
                Samples app = new Samples(n);
                Samples appCpu = new Samples(n);
                Samples raw = new Samples(n);
                Samples rawCpu = new Samples(n);
                try (Connection c = ctx.database().dataSource().getConnection()) {
                    for (int i = 0; i < n; i++) {
                        long w0 = System.nanoTime();
                        long c0 = CPU.getCurrentThreadCpuTime();
                        List<QueryRecorder.Statement> s = rec.record(k -> report.run(filters.get(k)), 2 + i);
                        app.add((System.nanoTime() - w0) / 1e6);
                        appCpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
                        double total = 0;
                        long c1 = CPU.getCurrentThreadCpuTime();
                        for (int q = 0; q < s.size() && q < per.length; q++) {
                            long t0 = System.nanoTime();
                            QueryRecorder.replay(c, List.of(s.get(q)));
                            per[q][i] = (System.nanoTime() - t0) / 1e6;
                            total += per[q][i];
                        }
                        rawCpu.add((CPU.getCurrentThreadCpuTime() - c1) / 1e6);
                        raw.add(total);
                    }
                }
                System.out.printf("%s: app p50 %.1f p95 %.1f (cpu p50 %.1f) | own SQL p50 %.1f (cpu p50 %.1f) | cpu x%.2f | %d statements%n",
                        report.name(), app.p50(), app.p95(), appCpu.p50(), raw.p50(), rawCpu.p50(), appCpu.p50() / rawCpu.p50(), st.size());
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
