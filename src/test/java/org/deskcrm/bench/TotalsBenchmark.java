package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.io.ImportedDeal;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.imports.ImportWriteRepository;
import org.deskcrm.persistence.report.DealFigures;
import org.deskcrm.persistence.report.SpanFigures;
import org.deskcrm.persistence.totals.DealTotals;
import org.deskcrm.service.demo.DemoDataService;
import org.deskcrm.service.demo.DemoSize;
import org.deskcrm.service.deal.DealService;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Developer measurement of the stored deal totals (not a test, not in the suite): on an H2 file (or, with
 * {@code pg:DIR}, an embedded PostgreSQL) filled by the demo generator (args: data folder, deals; 10 clients a
 * 100 deals), each deal figure of a twelve-month
 * report without a filter (a) from the totals, (b) by the best hand-written aggregate over the deal records,
 * (c) by the query the reports used before the totals; then the cost the totals add to a deal move (through
 * the service) and to an import of deals (the import's write), each with and without the totals kept.
 * Minimum and median of the runs, warm.
 */
public final class TotalsBenchmark {
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        // DIR: an H2 file there; pg:DIR: an embedded PostgreSQL whose data folder is kept under DIR
        boolean postgres = args.length > 0 && args[0].startsWith("pg:");
        Path dir = Path.of(args.length > 0 ? (postgres ? args[0].substring(3) : args[0]) : "target/totals-bench");
        int deals = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : deals / 10;
        Files.createDirectories(dir);
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
        try (BenchDatabase where = postgres ? BenchDatabase.open("postgresql", "totals", dir, null, null) : null;
             AppContext ctx = new AppContext(Database.open(where != null ? where.config() : DatabaseConfig.embedded(dir)),
                     clock)) {
            ctx.referenceData().ensureDefaults(Locale.ENGLISH);
            long have = ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.DEAL);
            if (have == 0) {
                long t0 = System.nanoTime();
                new DemoDataService(ctx.database(), ctx.phones(), ctx.referenceData(), clock)
                        .generate(new DemoSize(deals / 10, deals, calls, 3), Locale.ENGLISH, 20260101L,
                                (step, done, total) -> { });
                System.out.printf("generated %,d deals in %.0f s%n", deals, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("deals: %,d; totals rows: %,d%n", ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.DEAL),
                    ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.DEAL_TOTAL));
            System.out.printf("calls: %,d; call totals rows: %,d%n", ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.PHONE_CALL),
                    ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.CALL_TOTAL));
            if (!Boolean.getBoolean("bench.writesOnly")) {
                reports(ctx);
                CallTotalsBench.reports(ctx);
            }
            if (!Boolean.getBoolean("bench.readsOnly")) {
                CallTotalsBench.writes(ctx);
                writes(ctx);
            }
        }
    }

    private static void reports(AppContext ctx) throws Exception {
        ZoneId zone = ctx.settings().businessZone();
        DealFigures f = new DealFigures(ctx.database());
        java.time.OffsetDateTime last = ctx.database().dsl().select(org.jooq.impl.DSL.max(org.deskcrm.persistence.jooq.Tables.DEAL.CLOSED_AT))
                .from(org.deskcrm.persistence.jooq.Tables.DEAL).fetchOne().value1();
        LocalDate end = last.atZoneSameInstant(zone).toLocalDate().withDayOfMonth(1).minusDays(1);
        LocalDate start = end.plusDays(1).minusMonths(12);
        ReportScope s = new ReportScope(ReportFilter.period(start, end), zone);
        IntFunction<ReportScope> at = i -> s.over(start.minusDays(i), end.minusDays(i));
        System.out.printf("period %s..%s: %s deals won in it%n", start, end,
                f0(ctx, s));
        SpanFigures spans = new SpanFigures(ctx.database());
        List<LocalDate> cuts = new ArrayList<>();
        for (int m = 1; m < 12; m++) {
            cuts.add(start.plusMonths(m));
        }
        System.out.println("| figure (12 months, no filter) | (a) totals | (c) totals rows read | (b) hand-written over records | old query |");
        System.out.println("|---|---|---|---|---|");
        row("won by owner (revenue, rating)", i -> f.grouped(DealFigures.Outcome.WON, DealFigures.By.OWNER, at.apply(i)),
                rowsRead(ctx, s, "won"), hand(ctx, at, "won", "owner_id"),
                i -> f.recorded(DealFigures.Outcome.WON, DealFigures.By.OWNER, at.apply(i)));
        row("won by source (lead sources)", i -> f.grouped(DealFigures.Outcome.WON, DealFigures.By.SOURCE, at.apply(i)),
                rowsRead(ctx, s, "won"), hand(ctx, at, "won", "source_id"),
                i -> f.recorded(DealFigures.Outcome.WON, DealFigures.By.SOURCE, at.apply(i)));
        row("created by owner (leads)", i -> f.grouped(DealFigures.Outcome.CREATED, DealFigures.By.OWNER, at.apply(i)),
                rowsRead(ctx, s, "created"), hand(ctx, at, "created", "owner_id"),
                i -> f.recorded(DealFigures.Outcome.CREATED, DealFigures.By.OWNER, at.apply(i)));
        row("lost by reason", i -> f.grouped(DealFigures.Outcome.LOST, DealFigures.By.LOST_REASON, at.apply(i)),
                rowsRead(ctx, s, "lost"), hand(ctx, at, "lost", "lost_reason_id"),
                i -> f.recorded(DealFigures.Outcome.LOST, DealFigures.By.LOST_REASON, at.apply(i)));
        row("lost by stage", i -> f.lostByStage(at.apply(i)), rowsRead(ctx, s, "lost"), hand(ctx, at, "lost-stage", null),
                i -> f.lostByStageRecorded(at.apply(i)));
        row("won by month and owner (plan-fact)", i -> spans.won(at.apply(i), cuts), rowsRead(ctx, s, "won"),
                hand(ctx, at, "won-month", null), i -> spans.wonRecorded(at.apply(i), cuts));
    }

    /** The aggregate a competent SQL writer would write over the deals, in plain JDBC. */
    private static IntFunction<Object> hand(AppContext ctx, IntFunction<ReportScope> at, String what, String column) {
        String zone = at.apply(0).zone().getId();
        String sql = switch (what) {
            case "created" -> "select " + column + ", count(*), sum(amount) from deal where created_at >= ? and created_at < ? group by " + column;
            case "lost-stage" -> "select h.from_stage_id, count(*), sum(d.amount) from deal d join stage st on st.id = d.stage_id"
                    + " join deal_stage_history h on h.deal_id = d.id and h.left_at is null"
                    + " where d.closed_at >= ? and d.closed_at < ? and st.kind_code = 'lost' group by h.from_stage_id";
            case "won-month" -> "select m, owner_id, count(*), sum(amount) from (select extract(month from (d.closed_at at time zone '"
                    + zone + "')) m, d.owner_id, d.amount from deal d join stage st on st.id = d.stage_id"
                    + " where d.closed_at >= ? and d.closed_at < ? and st.kind_code = 'won') x group by m, owner_id";
            default -> "select d." + column + ", count(*), sum(d.amount) from deal d join stage st on st.id = d.stage_id"
                    + " where d.closed_at >= ? and d.closed_at < ? and st.kind_code = '" + what + "' group by d." + column;
        };
        return i -> CallTotalsBench.read(ctx, sql, at.apply(i).start(), at.apply(i).end());
    }

    private static long f0(AppContext ctx, ReportScope s) {
        return new DealFigures(ctx.database()).recorded(DealFigures.Outcome.WON, DealFigures.By.PIPELINE, s).stream()
                .mapToLong(org.deskcrm.model.report.Tally::count).sum();
    }

    static void row(String name, IntFunction<?> totals, long rowsRead, IntFunction<?> hand, IntFunction<?> old) {
        System.out.printf("| %s | %s | %,d | %s | %s |%n", name, time(totals), rowsRead, time(hand), time(old));
    }

    /**
     * The deal totals rows a twelve-month figure of one kind reads for the unshifted period: its month rows, and
     * the day rows of partial months (none when the period is whole months).
     */
    private static long rowsRead(AppContext ctx, ReportScope s, String kind) {
        return ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.DEAL_TOTAL,
                org.deskcrm.persistence.jooq.Tables.DEAL_TOTAL.KIND.eq(kind)
                        .and(CallTotalsBench.period(org.deskcrm.persistence.jooq.Tables.DEAL_TOTAL.DAY_NO, s.filter().from(), s.filter().to())));
    }

    /** Run i reads the period shifted by i days: H2 hands back the kept result of a repeated identical query. */
    static String time(IntFunction<?> work) {
        work.apply(RUNS);
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            work.apply(i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("%.1f ms (median %.1f)", ms[0], ms[RUNS / 2]);
    }

    /** A deal move through the service and an import of 1 000 deals, with the totals kept and without. */
    private static void writes(AppContext ctx) {
        DealService service = ctx.dealFeature().deals();
        DealTotals totals = new DealTotals(ctx.database().dsl());
        ZoneId zone = ctx.settings().businessZone();
        SplittableRandom rnd = new SplittableRandom(7);
        Pipeline p = ctx.pipelines().findAll().get(0);
        List<Long> ids = ctx.database().dsl().select(org.deskcrm.persistence.jooq.Tables.DEAL.ID)
                .from(org.deskcrm.persistence.jooq.Tables.DEAL)
                .where(org.deskcrm.persistence.jooq.Tables.DEAL.PIPELINE_ID.eq(p.id())).limit(2000)
                .fetch(org.deskcrm.persistence.jooq.Tables.DEAL.ID);
        long reason = ctx.pipelines().lostReasons().keySet().iterator().next();
        // four rounds, the order alternating (kept first, then not kept first): the first of a pair runs on
        // caches the other warmed less, and round 0 warms the JIT for both
        for (int round = 0; round < 4; round++) {
            for (boolean kept : round % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                if (kept) {
                    totals.rebuild(zone, step -> { });
                } else {
                    totals.invalidate();
                }
                double[] ms = new double[300];
                for (int i = 0; i < ms.length; i++) {
                    long id = ids.get(rnd.nextInt(ids.size()));
                    Deal d = service.find(id);
                    Stage to = p.stages().get(rnd.nextInt(p.stages().size()));
                    if (to.id() == d.stageId()) {
                        to = p.stages().get((p.stages().indexOf(to) + 1) % p.stages().size());
                    }
                    long t0 = System.nanoTime();
                    service.move(id, d.version(), to.id(), to.kind() == StageKind.LOST ? reason : null, null, d.ownerId());
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("round %d, deal move through the service, totals %s: median %.2f ms, p95 %.2f ms%n",
                        round, kept ? "kept" : "not kept", ms[ms.length / 2], ms[ms.length * 95 / 100]);
                // a card save: the amount edited, the lines kept, through the service (with its rescore and audit)
                org.deskcrm.persistence.DealDetailsRepository lines = new org.deskcrm.persistence.DealDetailsRepository(ctx.database());
                for (int i = 0; i < ms.length; i++) {
                    long id = ids.get(rnd.nextInt(ids.size()));
                    Deal d = service.find(id);
                    List<org.deskcrm.model.deal.DealLine> kept0 = lines.lines(id);
                    Deal edited = new Deal(d.id(), d.title(), d.clientId(), d.contactId(), d.ownerId(), d.pipelineId(),
                            d.stageId(), BigDecimal.valueOf(rnd.nextInt(1, 1_000_000)), d.expectedClose(), d.sourceId(),
                            d.score(), d.band(), d.lostReasonId(), d.lostNote(), d.createdAt(), d.stageChangedAt(),
                            d.closedAt(), d.version());
                    long t0 = System.nanoTime();
                    service.update(edited, kept0, d.ownerId());
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("round %d, deal card saved through the service, totals %s: median %.2f ms, p95 %.2f ms%n",
                        round, kept ? "kept" : "not kept", ms[ms.length / 2], ms[ms.length * 95 / 100]);
                ImportWriteRepository imports = new ImportWriteRepository(ctx.database());
                List<ImportedDeal> rows = new ArrayList<>();
                long client = ctx.database().dsl().select(org.deskcrm.persistence.jooq.Tables.CLIENT.ID)
                        .from(org.deskcrm.persistence.jooq.Tables.CLIENT).limit(1).fetchOne(org.deskcrm.persistence.jooq.Tables.CLIENT.ID);
                long owner = ctx.database().dsl().select(org.deskcrm.persistence.jooq.Tables.DEAL.OWNER_ID)
                        .from(org.deskcrm.persistence.jooq.Tables.DEAL).limit(1).fetchOne(org.deskcrm.persistence.jooq.Tables.DEAL.OWNER_ID);
                for (int i = 0; i < 1000; i++) {
                    Stage st = p.stages().get(rnd.nextInt(p.stages().size()));
                    Instant created = Instant.parse("2026-06-01T10:00:00Z").plusSeconds(rnd.nextInt(0, 150 * 86400));
                    rows.add(new ImportedDeal("Bench import " + i, client, null, owner, p.id(), st.id(),
                            BigDecimal.valueOf(rnd.nextInt(1, 1_000_000)), null, null, null, created,
                            st.kind() == org.deskcrm.model.deal.StageKind.OPEN ? null : created, null, null, null,
                            List.of(new ImportedDeal.Entry(st.id(), created, null))));
                }
                long t0 = System.nanoTime();
                long[] written = ctx.database().inTransaction(() -> imports.deals().insertDeals(rows, null, Instant.now()));
                double importMs = (System.nanoTime() - t0) / 1e6;
                System.out.printf("round %d, import of %d deals (write), totals %s: %.0f ms%n", round, written.length,
                        kept ? "kept" : "not kept", importMs);
            }
        }
        totals.rebuild(zone, step -> { });
    }
}
