package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.report.DealFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan-fact reads every goal's fact from one query per metric over all the goals' periods, split at each
 * goal's first day and the day after its last. Here monthly, quarterly and yearly goals overlap, records
 * sit minutes either side of a month's midnight in the business zone (Europe/Moscow, UTC+3), one team goal
 * covers its members only (carl has no team): every fact is checked by hand, against its own drill-down
 * (a per-goal query), and every forecast against a per-goal read of the open deals. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlanFactSpanContract {
    static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);
    static final LocalDate FEB1 = LocalDate.of(2026, 2, 1);
    static final LocalDate MAR1 = LocalDate.of(2026, 3, 1);

    AppContext ctx;
    ReportCatalog reports;
    ReportSupport support;
    ReportData data;
    long anna;
    long boris;
    long carl;
    long teamA;
    Pipeline sales;
    long annaJan, annaFeb, annaMar, annaQ1, teamQ1, borisYear, annaCallsFeb, annaMeetingsQ1, annaProposalsMar,
            carlClientsFeb, annaApril;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        support = new ReportSupport(ctx.database(), ctx.settings(), ctx.clock());
        reports = new ReportCatalog(support);
        data = new ReportData(ctx);
        fill();
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    private long goal(Long user, Long team, GoalMetric metric, PeriodKind kind, LocalDate start, String target) {
        return data.plans.insertGoal(user, team, metric, kind, start, new BigDecimal(target));
    }

    private long won(long client, long owner, Pipeline p, String amount, Instant at) {
        long d = data.deal(client, owner, p, ReportData.stage(p, "Needs identified"), amount, null, ScoreBand.WARM, null,
                at.minusSeconds(86_400 * 3));
        data.move(d, ReportData.stage(p, "Won"), at);
        return d;
    }

    void fill() {
        teamA = data.team("Team A");
        anna = data.user("anna", teamA);
        boris = data.user("boris", teamA);
        carl = data.user("carl", null);
        sales = data.pipeline("sales");
        long acme = data.client("Acme", anna, Instant.parse("2025-12-10T09:00:00Z"));
        data.client("Beta", carl, Instant.parse("2026-02-10T09:00:00Z"));
        data.client("Gamma", carl, Instant.parse("2026-01-31T21:30:00Z")); // 1 February 00:30 in Moscow
        data.client("Delta", carl, Instant.parse("2026-01-31T20:30:00Z")); // 31 January 23:30 in Moscow

        won(acme, anna, sales, "200.00", Instant.parse("2026-01-31T20:30:00Z")); // January in Moscow
        won(acme, anna, sales, "100.00", Instant.parse("2026-01-31T21:30:00Z")); // February in Moscow
        won(acme, anna, sales, "400.00", Instant.parse("2026-03-31T21:30:00Z")); // April in Moscow
        won(acme, boris, sales, "300.00", Instant.parse("2026-03-10T09:00:00Z"));
        won(acme, carl, sales, "500.00", Instant.parse("2026-02-10T09:00:00Z"));
        Stage proposal = ReportData.stage(sales, "Proposal sent");
        long open1 = data.deal(acme, anna, sales, ReportData.stage(sales, "Needs identified"), "1000.00", null,
                ScoreBand.HOT, LocalDate.of(2026, 2, 28), Instant.parse("2026-01-05T09:00:00Z"));
        data.move(open1, proposal, Instant.parse("2026-01-06T09:00:00Z"));
        data.deal(acme, boris, sales, ReportData.stage(sales, "Needs identified"), "600.00", null, ScoreBand.HOT,
                MAR1, Instant.parse("2026-01-05T09:00:00Z"));
        data.deal(acme, anna, sales, ReportData.stage(sales, "Needs identified"), "50.00", null, ScoreBand.HOT,
                LocalDate.of(2026, 4, 1), Instant.parse("2026-01-05T09:00:00Z"));

        data.call(anna, CallDirection.OUT, CallStatus.ANSWERED, Instant.parse("2026-01-31T21:30:00Z"), 30); // February
        data.call(anna, CallDirection.OUT, CallStatus.ANSWERED, Instant.parse("2026-01-31T20:59:00Z"), 30); // January
        data.call(anna, CallDirection.IN, CallStatus.ANSWERED, Instant.parse("2026-02-10T09:00:00Z"), 30); // incoming
        data.activity(anna, ActivityKind.MEETING, Instant.parse("2026-01-15T09:00:00Z"));
        data.activity(anna, ActivityKind.MEETING, Instant.parse("2026-03-31T20:59:00Z")); // 31 March 23:59
        data.activity(anna, ActivityKind.MEETING, Instant.parse("2026-03-31T21:00:00Z")); // 1 April 00:00
        data.activity(anna, ActivityKind.PROPOSAL, Instant.parse("2026-03-31T20:59:59Z"));
        data.activity(anna, ActivityKind.PROPOSAL, Instant.parse("2026-02-28T21:00:00Z")); // 1 March 00:00

        annaJan = goal(anna, null, GoalMetric.REVENUE, PeriodKind.MONTH, JAN1, "300");
        annaFeb = goal(anna, null, GoalMetric.REVENUE, PeriodKind.MONTH, FEB1, "300");
        annaMar = goal(anna, null, GoalMetric.REVENUE, PeriodKind.MONTH, MAR1, "300");
        annaQ1 = goal(anna, null, GoalMetric.REVENUE, PeriodKind.QUARTER, JAN1, "900");
        teamQ1 = goal(null, teamA, GoalMetric.REVENUE, PeriodKind.QUARTER, JAN1, "2000");
        borisYear = goal(boris, null, GoalMetric.WON_DEALS, PeriodKind.YEAR, JAN1, "12");
        annaCallsFeb = goal(anna, null, GoalMetric.CALLS, PeriodKind.MONTH, FEB1, "20");
        annaMeetingsQ1 = goal(anna, null, GoalMetric.MEETINGS, PeriodKind.QUARTER, JAN1, "10");
        annaProposalsMar = goal(anna, null, GoalMetric.PROPOSALS, PeriodKind.MONTH, MAR1, "5");
        carlClientsFeb = goal(carl, null, GoalMetric.NEW_CLIENTS, PeriodKind.MONTH, FEB1, "3");
        annaApril = goal(anna, null, GoalMetric.REVENUE, PeriodKind.MONTH, LocalDate.of(2026, 4, 1), "300");
    }

    static ReportFilter quarter() {
        return ReportFilter.period(JAN1, LocalDate.of(2026, 3, 31));
    }

    static String k(long id) {
        return Long.toString(id);
    }

    @Test
    void overlappingGoalsCountTheirOwnPeriodsAtTheBusinessZonesMidnights() {
        ReportTable t = reports.get("plan-fact").run(quarter());
        assertThat(t.rows()).extracting(Row::key).doesNotContain(k(annaApril)).hasSize(10);
        assertThat((BigDecimal) t.value(k(annaJan), "fact")).isEqualByComparingTo("200");
        assertThat((BigDecimal) t.value(k(annaFeb), "fact")).isEqualByComparingTo("100");
        assertThat((BigDecimal) t.value(k(annaMar), "fact")).isEqualByComparingTo("0");
        assertThat((BigDecimal) t.value(k(annaQ1), "fact")).isEqualByComparingTo("300");
        assertThat((BigDecimal) t.value(k(teamQ1), "fact")).isEqualByComparingTo("600"); // not carl's 500
        assertThat((BigDecimal) t.value(k(borisYear), "fact")).isEqualByComparingTo("1");
        assertThat((BigDecimal) t.value(k(annaCallsFeb), "fact")).isEqualByComparingTo("1");
        assertThat((BigDecimal) t.value(k(annaMeetingsQ1), "fact")).isEqualByComparingTo("2");
        assertThat((BigDecimal) t.value(k(annaProposalsMar), "fact")).isEqualByComparingTo("2");
        assertThat((BigDecimal) t.value(k(carlClientsFeb), "fact")).isEqualByComparingTo("2");
    }

    @Test
    void everyFactIsItsDrillDownAndEveryForecastAPerGoalRead() {
        for (ReportFilter f : new ReportFilter[] {quarter(), quarter().withManager(anna), quarter().withTeam(teamA),
                ReportFilter.period(JAN1, LocalDate.of(2026, 12, 31)), ReportFilter.period(FEB1, FEB1)}) {
            ReportTable t = reports.get("plan-fact").run(f);
            for (Row row : t.rows()) {
                BigDecimal fact = (BigDecimal) t.value(row.key(), "fact");
                assertThat(reports.get("plan-fact").drill(f, "fact", row.key()).value()).as("%s %s", f, row.key())
                        .isEqualByComparingTo(fact);
                String metric = (String) t.value(row.key(), "metric");
                if (metric.equals("revenue") || metric.equals("won_deals")) {
                    assertThat((BigDecimal) t.value(row.key(), "forecast")).as("%s %s", f, row.key())
                            .isEqualByComparingTo(forecast(f, row, fact, metric.equals("revenue")));
                }
            }
        }
    }

    /** The forecast as one query over the goal's own period and owner would give it. */
    private BigDecimal forecast(ReportFilter f, Row row, BigDecimal fact, boolean revenue) {
        var goal = support.plans.goals(f).stream().filter(g -> k(g.id()).equals(row.key())).findFirst().orElseThrow();
        ReportScope s = new ReportScope(new ReportFilter(goal.periodStart(), goal.periodEnd(), f.pipelineId(),
                goal.userId(), goal.teamId(), f.sourceId(), f.band()), support.zone());
        var stages = support.lookups.stages();
        BigDecimal expected = BigDecimal.ZERO;
        for (DealFigures.StageAmount a : support.deals.openExpected(s)) {
            BigDecimal p = stages.get(a.stageId()).probability().divide(BigDecimal.valueOf(100));
            expected = expected.add(revenue ? a.amount().multiply(p) : BigDecimal.valueOf(a.count()).multiply(p));
        }
        return fact.add(expected).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void openDealsExpectedInTheGoalsPeriodMakeTheForecast() {
        ReportTable t = reports.get("plan-fact").run(quarter());
        BigDecimal proposal = ReportData.stage(sales, "Proposal sent").probability();
        BigDecimal needs = ReportData.stage(sales, "Needs identified").probability();
        // February: anna's 1000 at "Proposal sent" expected on the 28th; March: boris's 600 on the 1st
        assertThat((BigDecimal) t.value(k(annaFeb), "forecast"))
                .isEqualByComparingTo(new BigDecimal("100").add(new BigDecimal("10.00").multiply(proposal)));
        assertThat((BigDecimal) t.value(k(annaMar), "forecast")).isEqualByComparingTo("0");
        assertThat((BigDecimal) t.value(k(teamQ1), "forecast")).isEqualByComparingTo(new BigDecimal("600")
                .add(new BigDecimal("10.00").multiply(proposal)).add(new BigDecimal("6.00").multiply(needs)));
    }

    @Test
    void summaryIsTheSumOfTheRowsPerMetricWithTeamGoalsBeside() {
        ReportTable t = reports.get("plan-fact").run(quarter());
        // Anna's goals: facts 200 + 100 + 0 + 300, targets 300 × 3 + 900; the team's Q1 goal beside, not added
        assertThat((BigDecimal) t.summary().get("revenue_fact")).isEqualByComparingTo("600");
        assertThat((BigDecimal) t.summary().get("revenue_target")).isEqualByComparingTo("1800");
        assertThat((BigDecimal) t.summary().get("revenue_team_fact")).isEqualByComparingTo("600");
        assertThat((BigDecimal) t.summary().get("revenue_team_target")).isEqualByComparingTo("2000");
    }
}
