package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.model.report.PeriodPreset.Range;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.service.demo.DemoDataService;
import org.deskcrm.service.demo.DemoSize;
import org.deskcrm.service.home.DashboardService;
import org.deskcrm.service.home.HomeTile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.deskcrm.persistence.jooq.Tables.DEAL;

/**
 * How long the supervisor's home dashboard takes to fill on a company of DEALS deals (issue: the supervisor's
 * home; target: appears within 1 s on the medium demo company, 100 000 deals). Generates the demo company
 * into DIR on the first run. Times, in a fresh JVM, for the whole company (the administrator's and a
 * supervisor's view) and for one manager: each tile as the window fills it (one after another, in the
 * background), the first tile, all tiles, and the two charts; cold (first refresh) and warm (median of RUNS).
 * The floor beside it: the one hand-written statement that sums the revenue tile's figure over the records.
 *
 * <pre>java -cp &lt;test class path&gt; org.deskcrm.bench.DashboardBenchmark DIR [DEALS]</pre>
 */
public final class DashboardBenchmark {
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/dashboard-bench");
        int deals = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Files.createDirectories(dir);
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
        try (AppContext ctx = new AppContext(Database.open(DatabaseConfig.embedded(dir)), clock)) {
            ctx.referenceData().ensureDefaults(Locale.ENGLISH);
            if (ctx.database().dsl().fetchCount(DEAL) == 0) {
                long t0 = System.nanoTime();
                new DemoDataService(ctx.database(), ctx.phones(), ctx.referenceData(), clock)
                        .generate(new DemoSize(deals / 10, deals, deals, 3), Locale.ENGLISH, 20260101L,
                                (step, done, total) -> { });
                System.out.printf("generated %,d deals in %.0f s%n", deals, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("deals: %,d%n", ctx.database().dsl().fetchCount(DEAL));
            LocalDate today = LocalDate.ofInstant(clock.instant(), ctx.businessZone());
            Range month = new Range(today.withDayOfMonth(1), today);
            var manager = ctx.users().findAll().stream()
                    .filter(u -> u.role() == org.deskcrm.model.user.Role.MANAGER).findFirst().orElseThrow();
            System.out.println("| view | tiles | first number ms (cold / warm) | all numbers ms | all whole tiles ms |"
                    + " charts ms |");
            System.out.println("|---|---|---|---|---|---|");
            measure("company (administrator)", ctx.home(), month, HomeTile.SUPERVISOR, null);
            ctx.session().signIn(manager); // reports and control lists narrow to the manager, as in the window
            measure("one manager", ctx.home(), month, HomeTile.MANAGER, manager.id());
            floor(ctx, month);
        }
    }

    private static void measure(String view, DashboardService service, Range month, List<HomeTile> tiles, Long control) {
        long[] cold = once(service, month, tiles, control);
        List<long[]> warm = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            warm.add(once(service, month, tiles, control));
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f |%n", view,
                tiles.size(), cold[0] / 1e6, median(warm, 0) / 1e6, cold[1] / 1e6, median(warm, 1) / 1e6,
                cold[2] / 1e6, median(warm, 2) / 1e6, cold[3] / 1e6, median(warm, 3) / 1e6);
    }

    /**
     * One refresh as the window runs it: every tile's number in turn, then their plans and trends, then the
     * charts; nanoseconds to the first number, to all numbers, to all whole tiles, and the charts.
     */
    private static long[] once(DashboardService service, Range month, List<HomeTile> tiles, Long control) {
        long t0 = System.nanoTime();
        DashboardService.Snapshot s = service.snapshot(month, control);
        long first = 0;
        for (HomeTile t : tiles) {
            s.value(t);
            if (first == 0) {
                first = System.nanoTime() - t0;
            }
        }
        long numbers = System.nanoTime() - t0;
        for (HomeTile t : tiles) {
            s.figure(t);
        }
        long all = System.nanoTime() - t0;
        long c0 = System.nanoTime();
        s.funnel();
        s.revenueByMonth(12);
        return new long[]{first, numbers, all, System.nanoTime() - c0};
    }

    private static double median(List<long[]> runs, int i) {
        long[] v = runs.stream().mapToLong(r -> r[i]).sorted().toArray();
        return v[v.length / 2];
    }

    /** The revenue tile's figure by one hand-written statement over the records (the month's won deals). */
    private static void floor(AppContext ctx, Range month) throws Exception {
        String sql = "SELECT COALESCE(SUM(d.amount), 0) FROM deal d JOIN stage s ON s.id = d.stage_id"
                + " WHERE s.kind_code = 'won' AND d.closed_at >= ? AND d.closed_at < ?";
        List<Long> times = new ArrayList<>();
        for (int i = 0; i <= RUNS; i++) {
            long t0 = System.nanoTime();
            try (var c = ctx.database().dataSource().getConnection(); var ps = c.prepareStatement(sql)) {
                // shifted by a day each run: H2 would hand back the last result of an identical query
                ps.setObject(1, month.from().minusDays(i).atStartOfDay(ctx.businessZone()).toOffsetDateTime());
                ps.setObject(2, month.to().plusDays(1).minusDays(i).atStartOfDay(ctx.businessZone()).toOffsetDateTime());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            times.add(System.nanoTime() - t0);
        }
        long cold = times.remove(0);
        times.sort(Long::compare);
        System.out.printf(Locale.ROOT, "floor: the revenue of the month by one hand-written statement: %.1f ms cold,"
                + " %.1f ms warm (median)%n", cold / 1e6, times.get(times.size() / 2) / 1e6);
    }
}
