package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.report.FunnelQueries;
import org.deskcrm.service.report.GeneratedData.DealTrace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation on seeded random data: every report's totals are the sums of its rows, every
 * figure's drill-down reproduces it, revenue and won deals agree between reports, and the funnel,
 * snapshot and revenue agree with an oracle computed in Java from what the generator did.
 * Runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReconciliationContract {
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final long SEED = 20260315L;

    AppContext ctx;
    ReportCatalog reports;
    GeneratedData gen;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        reports = new ReportCatalog(new ReportSupport(ctx.database(), ctx.settings(), ctx.clock()));
        gen = new GeneratedData(new ReportData(ctx), SEED).generate(220, 300);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    static ReportFilter month(int m) {
        LocalDate from = LocalDate.of(2026, m, 1);
        return ReportFilter.period(from, from.plusMonths(1).minusDays(1));
    }

    static ReportFilter year() {
        return ReportFilter.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    }

    List<ReportFilter> filters() {
        List<ReportFilter> list = new ArrayList<>();
        list.add(month(2));
        list.add(month(3).withPipeline(gen.pipelines.get(1).id()));
        list.add(month(3).withTeam(gen.teams.get(0)));
        list.add(month(4).withManager(gen.managers.get(3)));
        list.add(month(1).withSource(gen.sources.get(0)));
        list.add(month(2).withBand(ScoreBand.HOT));
        list.add(year());
        return list;
    }

    @Test
    void totalsAreSumsOfRowsAndEveryFigureDrillsDownToItself() {
        int drills = 0;
        for (ReportFilter f : filters()) {
            for (Report r : reports.all()) {
                ReportTable t = r.run(f);
                assertTotalsAreSums(t);
                for (Row row : sample(t.rows())) {
                    drills += assertDrills(r, t, row, false);
                }
                drills += assertDrills(r, t, t.totals(), true);
                for (String key : r.drillableSummary()) {
                    Object v = t.summary().get(key);
                    Drill d = r.drill(t.filter(), key, null);
                    assertThat(d.value()).as("%s %s %s", r.name(), key, f).isEqualByComparingTo(number(v));
                    drills++;
                }
            }
        }
        assertThat(drills).isGreaterThan(400);
    }

    /** Long tables (calls per day, events) are drilled at their first and last rows and every tenth between. */
    private static List<Row> sample(List<Row> rows) {
        if (rows.size() <= 16) {
            return rows;
        }
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i < 4 || i >= rows.size() - 4 || i % 10 == 0) {
                list.add(rows.get(i));
            }
        }
        return list;
    }

    private static void assertTotalsAreSums(ReportTable t) {
        for (Column c : t.columns()) {
            if (!c.summable()) {
                continue;
            }
            int i = t.index(c.key());
            BigDecimal sum = BigDecimal.ZERO;
            for (Row r : t.rows()) {
                sum = sum.add(number(r.values().get(i)));
            }
            Object total = t.totals().values().get(i);
            assertThat(number(total)).as("%s total of %s", t.report(), c.key()).isEqualByComparingTo(sum);
            if (c.type() == ColumnType.COUNT) {
                assertThat(total).isInstanceOf(Long.class);
            }
        }
    }

    private static int assertDrills(Report r, ReportTable t, Row row, boolean totals) {
        int n = 0;
        for (Column c : t.columns()) {
            Object v = row.values().get(t.index(c.key()));
            if (c.drill() == DrillKind.NONE || v == null || (totals && !c.summable())) {
                continue;
            }
            Drill d = r.drill(t.filter(), c.key(), row.key());
            assertThat(d.value()).as("%s %s row %s %s", r.name(), c.key(), row.key(), t.filter())
                    .isEqualByComparingTo(number(v));
            if (c.type() == ColumnType.MONEY) {
                assertThat(d.kind()).isEqualTo(DrillKind.SUM);
            }
            if (c.type() == ColumnType.COUNT) {
                assertThat(d.kind()).isEqualTo(DrillKind.COUNT);
            }
            if (r.name().equals(LifecycleReport.NAME)) {
                // transitions are events: a client that changed status twice is listed twice, by day
                assertThat(d.items()).extracting(i -> i.id() + " " + i.label()).doesNotHaveDuplicates();
            } else {
                assertThat(d.items()).extracting(i -> i.id()).doesNotHaveDuplicates();
            }
            n++;
        }
        return n;
    }

    static BigDecimal number(Object v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        return v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) v).longValue());
    }

    boolean matches(DealTrace d, ReportFilter f) {
        return (f.pipelineId() == null || f.pipelineId() == d.pipelineId())
                && (f.managerId() == null || f.managerId() == d.ownerId())
                && (f.teamId() == null || Objects.equals(teamOf(d.ownerId()), f.teamId()))
                && (f.sourceId() == null || f.sourceId().equals(d.sourceId()))
                && (f.band() == null || f.band() == d.band());
    }

    private Long teamOf(long user) {
        int i = gen.managers.indexOf(user);
        return i < 3 ? gen.teams.get(0) : i < 4 ? gen.teams.get(1) : null;
    }

    static boolean in(Instant t, ReportFilter f) {
        ReportScope s = new ReportScope(f, ZONE);
        return t != null && !t.isBefore(s.start()) && t.isBefore(s.end());
    }

    List<DealTrace> deals(ReportFilter f, Predicate<DealTrace> p) {
        return gen.deals.stream().filter(d -> matches(d, f)).filter(p).toList();
    }

    static BigDecimal sum(List<DealTrace> list) {
        return list.stream().map(DealTrace::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void revenueAndWonDealsAgreeBetweenReportsAndWithTheOracle() {
        for (ReportFilter f : filters()) {
            List<DealTrace> won = deals(f, d -> d.current().kind() == StageKind.WON && in(d.closedAt(), f));
            ReportTable rating = reports.get("manager-rating").run(f);
            ReportTable sources = reports.get("lead-sources").run(f);
            assertThat(rating.value(ReportTable.TOTALS, "revenue")).as("%s", f).isEqualTo(sum(won));
            assertThat(sources.value(ReportTable.TOTALS, "revenue")).as("%s", f).isEqualTo(sum(won));
            assertThat(rating.value(ReportTable.TOTALS, "won_deals")).isEqualTo((long) won.size());
            assertThat(sources.value(ReportTable.TOTALS, "won_deals")).isEqualTo((long) won.size());
            long leads = deals(f, d -> in(d.created(), f)).size();
            assertThat(rating.value(ReportTable.TOTALS, "leads")).isEqualTo(leads);
            assertThat(sources.value(ReportTable.TOTALS, "leads")).isEqualTo(leads);
            List<DealTrace> lost = deals(f, d -> d.current().kind() == StageKind.LOST && in(d.closedAt(), f));
            for (String name : List.of("lost-by-reason", "lost-by-stage", "lost-by-manager")) {
                ReportTable t = reports.get(name).run(f);
                assertThat(t.value(ReportTable.TOTALS, "deals")).as(name).isEqualTo((long) lost.size());
                assertThat(t.value(ReportTable.TOTALS, "amount")).as(name).isEqualTo(sum(lost));
            }
        }
    }

    @Test
    void planFactRevenueOfAllManagersEqualsTheRatingEveryMonth() {
        for (int m = 1; m <= 4; m++) {
            ReportFilter f = month(m);
            ReportTable plan = reports.get("plan-fact").run(f);
            BigDecimal managersRevenue = BigDecimal.ZERO;
            BigDecimal teamsRevenue = BigDecimal.ZERO;
            long managersWon = 0;
            for (Row r : plan.rows()) {
                Object metric = r.values().get(plan.index("metric"));
                Object kind = r.values().get(plan.index("owner_kind"));
                BigDecimal fact = (BigDecimal) r.values().get(plan.index("fact"));
                if ("revenue".equals(metric) && "manager".equals(kind)) {
                    managersRevenue = managersRevenue.add(fact);
                } else if ("revenue".equals(metric)) {
                    teamsRevenue = teamsRevenue.add(fact);
                } else if ("won_deals".equals(metric)) {
                    managersWon += fact.longValueExact();
                }
            }
            ReportTable rating = reports.get("manager-rating").run(f);
            assertThat(managersRevenue).isEqualByComparingTo((BigDecimal) rating.value(ReportTable.TOTALS, "revenue"));
            assertThat(managersWon).isEqualTo(rating.value(ReportTable.TOTALS, "won_deals"));
            BigDecimal teamMembers = BigDecimal.ZERO;
            for (long team : gen.teams) {
                teamMembers = teamMembers.add((BigDecimal) reports.get("manager-rating").run(f.withTeam(team))
                        .value(ReportTable.TOTALS, "revenue"));
            }
            assertThat(teamsRevenue).isEqualByComparingTo(teamMembers);
            BigDecimal callsFacts = BigDecimal.ZERO;
            for (Row r : plan.rows()) {
                if ("calls".equals(r.values().get(plan.index("metric")))) {
                    callsFacts = callsFacts.add((BigDecimal) r.values().get(plan.index("fact")));
                }
            }
            long ratingCalls = rating.rows().stream().filter(r -> !r.key().equals("none"))
                    .mapToLong(r -> (Long) r.values().get(rating.index("calls"))).sum();
            assertThat(callsFacts.longValueExact()).isEqualTo(ratingCalls);
        }
    }

    @Test
    void funnelMatchesTheStageHistoryOracle() {
        for (Pipeline p : gen.pipelines) {
            for (ReportFilter base : List.of(month(1), month(2), month(3), month(4), year())) {
                ReportFilter f = base.withPipeline(p.id());
                ReportTable t = reports.get("funnel").run(f);
                List<DealTrace> cohort = deals(f, d -> in(d.created(), f));
                for (Stage s : p.stages()) {
                    String key = s.id().toString();
                    List<DealTrace> now = cohort.stream().filter(d -> d.current().id().equals(s.id())).toList();
                    assertThat(t.value(key, "deals")).as("%s %s", s.name(), f).isEqualTo((long) now.size());
                    assertThat(t.value(key, "amount")).isEqualTo(sum(now));
                    if (s.kind() != StageKind.LOST) {
                        long reached = cohort.stream().filter(d -> d.reachedOrder() >= s.order()).count();
                        long lostHere = cohort.stream().filter(d -> d.lostAt() != null && d.lostAt().id().equals(s.id())).count();
                        assertThat(t.value(key, "reached")).as("reached %s %s", s.name(), f).isEqualTo(reached);
                        assertThat(t.value(key, "lost_here")).as("lost at %s %s", s.name(), f).isEqualTo(lostHere);
                    }
                }
                assertThat(t.value(ReportTable.TOTALS, "deals")).isEqualTo((long) cohort.size());
            }
        }
    }

    @Test
    void overTheWholeYearTheFunnelsWonBlocksAreTheRevenue() {
        BigDecimal won = BigDecimal.ZERO;
        long wonCount = 0;
        for (Pipeline p : gen.pipelines) {
            ReportTable t = reports.get("funnel").run(year().withPipeline(p.id()));
            won = won.add((BigDecimal) t.summary().get("won_amount"));
            wonCount += (Long) t.summary().get("won_count");
        }
        ReportTable rating = reports.get("manager-rating").run(year());
        assertThat(won).isEqualByComparingTo((BigDecimal) rating.value(ReportTable.TOTALS, "revenue"));
        assertThat(wonCount).isEqualTo(rating.value(ReportTable.TOTALS, "won_deals"));
    }

    @Test
    void snapshotMatchesTheOracleAndTheCohortAtTheEnd() {
        for (Pipeline p : gen.pipelines) {
            for (LocalDate day : List.of(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 15), LocalDate.of(2026, 12, 31))) {
                ReportFilter f = ReportFilter.period(day, day).withPipeline(p.id());
                ReportTable t = reports.get("funnel-snapshot").run(f);
                Instant end = new ReportScope(f, ZONE).end();
                for (Stage s : p.stages()) {
                    long n = gen.deals.stream().filter(d -> d.pipelineId() == p.id())
                            .filter(d -> d.at(end) != null && d.at(end).id().equals(s.id())).count();
                    assertThat(t.value(s.id().toString(), "deals")).as("%s %s", s.name(), day).isEqualTo(n);
                }
            }
            ReportTable last = reports.get("funnel-snapshot").run(ReportFilter.period(LocalDate.of(2026, 12, 31),
                    LocalDate.of(2026, 12, 31)).withPipeline(p.id()));
            ReportTable cohort = reports.get("funnel").run(year().withPipeline(p.id()));
            for (Stage s : p.stages()) {
                assertThat(last.value(s.id().toString(), "amount")).isEqualTo(cohort.value(s.id().toString(), "amount"));
            }
        }
    }

    @Test
    void reachedOrderAgreesWithTheHistory() {
        assertThat(new FunnelQueries(ctx.database()).reachedOrderMismatches()).isEmpty();
    }

    // ------------------------------------------------------------------ calls, activity, lifecycle

    /** One row of the call log, read straight from the table (the oracle's own copy). */
    record LoggedCall(long id, Long userId, Instant at, String direction, String status, String caller) {
    }

    List<LoggedCall> callLog() {
        var c = org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
        return ctx.database().dsl().selectFrom(c).orderBy(c.STARTED_AT, c.ID).fetch(r -> new LoggedCall(r.getId(),
                r.getUserId(), r.getStartedAt().toInstant(), r.getDirection(), r.getStatusCode(),
                r.getClientId() != null ? "client " + r.getClientId() : "number " + r.getPhoneNorm()));
    }

    @Test
    void callCountsEqualTheCallLogAndFirstCallResolutionTheOracle() {
        List<LoggedCall> log = callLog();
        java.time.Duration window = java.time.Duration.ofDays(7);
        for (ReportFilter f : List.of(month(1), month(2), month(3), month(4), year(), month(3).withManager(gen.managers.get(1)))) {
            List<LoggedCall> in = log.stream().filter(c -> in(c.at(), f))
                    .filter(c -> f.managerId() == null || f.managerId().equals(c.userId())).toList();
            ReportTable calls = reports.get("calls").run(f);
            assertThat(calls.value(ReportTable.TOTALS, "calls")).as("%s", f).isEqualTo((long) in.size());
            assertThat(calls.value(ReportTable.TOTALS, "outgoing")).isEqualTo(in.stream().filter(c -> c.direction().equals("out")).count());
            assertThat(calls.value(ReportTable.TOTALS, "missed")).isEqualTo(in.stream().filter(c -> c.status().equals("missed")).count());
            ReportTable activity = reports.get("activity").run(f);
            assertThat(activity.value(ReportTable.TOTALS, "outgoing_calls")).isEqualTo(calls.value(ReportTable.TOTALS, "outgoing"));
            assertThat(activity.value(ReportTable.TOTALS, "answered_calls")).isEqualTo(calls.value(ReportTable.TOTALS, "answered"));
            long first = 0;
            long resolved = 0;
            for (LoggedCall c : in) {
                if (!c.direction().equals("in") || !c.status().equals("answered")) {
                    continue;
                }
                List<LoggedCall> same = log.stream().filter(o -> o.id() != c.id() && !o.direction().equals("internal")
                        && o.caller().equals(c.caller())).toList();
                boolean isFirst = same.stream().noneMatch(o -> o.at().isAfter(c.at().minus(window)) && o.at().isBefore(c.at())
                        || o.at().equals(c.at()) && o.id() < c.id());
                boolean repeated = same.stream().anyMatch(o -> o.at().isBefore(c.at().plus(window)) && o.at().isAfter(c.at())
                        || o.at().equals(c.at()) && o.id() > c.id());
                first += isFirst ? 1 : 0;
                resolved += isFirst && !repeated ? 1 : 0;
            }
            assertThat(calls.value(ReportTable.TOTALS, "first_calls")).as("first calls %s", f).isEqualTo(first);
            assertThat(calls.value(ReportTable.TOTALS, "first_resolved")).as("resolved %s", f).isEqualTo(resolved);
            assertThat(first).isLessThanOrEqualTo((Long) calls.value(ReportTable.TOTALS, "answered"));
        }
        assertThat((Long) reports.get("calls").run(year()).value(ReportTable.TOTALS, "first_calls")).isGreaterThan(20L);
    }

    @Test
    void dayAndWeekRowsAddUpToThePeriodAndDrillDownToThemselves() {
        for (ReportFilter base : List.of(month(2), month(3).withTeam(gen.teams.get(0)), month(4))) {
            for (String name : List.of("activity", "calls")) {
                Report r = reports.get(name);
                ReportTable whole = r.run(base.withGrain(r.grains().get(0)));
                for (org.deskcrm.model.report.Grain g : r.grains()) {
                    ReportTable t = r.run(base.withGrain(g));
                    assertTotalsAreSums(t);
                    for (Column c : whole.columns()) {
                        if (c.summable()) {
                            assertThat(number(t.value(ReportTable.TOTALS, c.key()))).as("%s %s %s", name, g, c.key())
                                    .isEqualByComparingTo(number(whole.value(ReportTable.TOTALS, c.key())));
                        }
                    }
                    for (Row row : sample(t.rows())) {
                        assertDrills(r, t, row, false);
                    }
                    assertDrills(r, t, t.totals(), true);
                }
            }
        }
    }

    @Test
    void lifecycleStatusesChainFromMonthToMonthAndCoverEveryActiveClient() {
        ReportTable previous = null;
        for (int m = 1; m <= 4; m++) {
            ReportTable t = reports.get("lifecycle").run(month(m));
            assertThat(t.value(ReportTable.TOTALS, "at_start")).isEqualTo(30L);
            assertThat(t.value(ReportTable.TOTALS, "at_end")).isEqualTo(30L);
            assertThat(t.value(ReportTable.TOTALS, "left")).isEqualTo(t.value(ReportTable.TOTALS, "entered"));
            for (Row r : t.rows()) {
                long start = (Long) t.value(r.key(), "at_start");
                long left = (Long) t.value(r.key(), "left");
                long entered = (Long) t.value(r.key(), "entered");
                assertThat(t.value(r.key(), "at_end")).as("%s month %d", r.key(), m).isEqualTo(start - left + entered);
                if (previous != null) {
                    assertThat(t.value(r.key(), "at_start")).isEqualTo(previous.value(r.key(), "at_end"));
                }
            }
            previous = t;
        }
        long transitions = 0;
        for (int m = 1; m <= 4; m++) {
            transitions += (Long) reports.get("lifecycle").run(month(m)).summary().get("transitions");
        }
        ReportFilter fourMonths = ReportFilter.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30));
        assertThat(reports.get("lifecycle").run(fourMonths).summary().get("transitions")).isEqualTo(transitions);
        assertThat(transitions).isGreaterThan(10L);
    }
}
