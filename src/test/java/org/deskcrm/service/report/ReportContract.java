package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report on a small hand-computed data set (business time zone Europe/Moscow, UTC+3; today is
 * Monday 2026-03-16). Each expected number below was worked out by hand from the data in
 * {@link #fill()}. Runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportContract {
    static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
    static final LocalDate MAR1 = LocalDate.of(2026, 3, 1);
    static final LocalDate MAR31 = LocalDate.of(2026, 3, 31);

    AppContext ctx;
    ReportCatalog reports;
    ReportData data;
    long anna;
    long boris;
    long carl;
    long teamA;
    Pipeline sales;
    Pipeline leadgen;
    long website;
    long referral;
    long d1, d2, d3, d4, d5, d6, d7, d8, d9, d10;
    long g1, g2, g3, g4, g5, g6, g7;

    abstract Database openDatabase();

    static Instant at(String day) {
        return Instant.parse(day + "T09:00:00Z");
    }

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        reports = new ReportCatalog(new ReportSupport(ctx.database(), ctx.settings(), ctx.clock()));
        data = new ReportData(ctx);
        fill();
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    void fill() {
        teamA = data.team("Team A");
        anna = data.user("anna", teamA);
        boris = data.user("boris", teamA);
        carl = data.user("carl", null);
        sales = data.pipeline("sales");
        leadgen = data.pipeline("leadgen");
        website = data.source("Website");
        referral = data.source("Referral");
        long acme = data.client("Acme", anna, Instant.parse("2026-01-10T09:00:00Z"));
        long beta = data.client("Beta", carl, at("2026-03-10"));
        long gamma = data.client("Gamma", carl, at("2026-02-10"));
        Stage needs = ReportData.stage(sales, "Needs identified");
        Stage proposal = ReportData.stage(sales, "Proposal sent");
        Stage negotiation = ReportData.stage(sales, "Negotiation");
        Stage invoice = ReportData.stage(sales, "Invoice issued");
        Stage won = ReportData.stage(sales, "Won");
        Stage lost = ReportData.stage(sales, "Lost");
        long price = data.reason("Price too high");
        long noBudget = data.reason("No budget");

        d1 = data.deal(acme, anna, sales, needs, "100.00", website, ScoreBand.HOT, null, at("2026-03-02"));
        data.move(d1, proposal, at("2026-03-03"));
        data.move(d1, negotiation, at("2026-03-05"));
        data.move(d1, won, at("2026-03-10"));
        d2 = data.deal(acme, anna, sales, needs, "200.00", referral, ScoreBand.WARM, null, at("2026-03-02"));
        data.move(d2, proposal, at("2026-03-04"));
        data.move(d2, lost, price, at("2026-03-06"));
        d3 = data.deal(acme, boris, sales, needs, "300.00", website, ScoreBand.COLD, LocalDate.of(2026, 3, 20), at("2026-03-03"));
        d4 = data.deal(acme, boris, sales, needs, "400.00", null, ScoreBand.HOT, null, at("2026-03-04"));
        data.move(d4, proposal, at("2026-03-05"));
        data.move(d4, negotiation, at("2026-03-06"));
        data.move(d4, invoice, at("2026-03-07"));
        data.move(d4, won, at("2026-03-12"));
        d5 = data.deal(acme, boris, sales, needs, "500.00", website, ScoreBand.COLD, null, at("2026-03-05"));
        data.move(d5, lost, noBudget, at("2026-03-09"));
        d6 = data.deal(acme, carl, sales, needs, "600.00", referral, ScoreBand.HOT, null, at("2026-02-20"));
        data.move(d6, won, at("2026-03-11"));
        // 2026-04-01 01:00 in Moscow: an April deal
        d7 = data.deal(acme, anna, sales, needs, "700.00", website, ScoreBand.WARM, LocalDate.of(2026, 4, 10),
                Instant.parse("2026-03-31T22:00:00Z"));
        // 2026-03-01 00:30 in Moscow: a March deal
        d8 = data.deal(acme, boris, sales, needs, "800.00", referral, ScoreBand.WARM, LocalDate.of(2026, 3, 25),
                Instant.parse("2026-02-28T21:30:00Z"));
        data.move(d8, proposal, at("2026-03-10"));
        d9 = data.deal(acme, anna, sales, needs, "900.00", website, ScoreBand.HOT, null, at("2026-03-06"));
        data.move(d9, proposal, at("2026-03-07"));
        data.move(d9, won, Instant.parse("2026-03-31T21:30:00Z")); // won 2026-04-01 00:30 in Moscow
        d10 = data.deal(acme, anna, leadgen, ReportData.stage(leadgen, "New lead"), "50.00", website, ScoreBand.HOT,
                null, at("2026-03-02"));
        data.move(d10, ReportData.stage(leadgen, "Handed to sales"), at("2026-03-03"));

        data.call(anna, CallDirection.OUT, CallStatus.ANSWERED, at("2026-03-02"), 60);
        data.call(anna, CallDirection.OUT, CallStatus.NO_ANSWER, at("2026-03-03"), 0);
        data.call(anna, CallDirection.OUT, CallStatus.ANSWERED, at("2026-03-11"), 120);
        data.call(anna, CallDirection.IN, CallStatus.ANSWERED, at("2026-03-11"), 30);
        data.call(anna, CallDirection.OUT, CallStatus.ANSWERED, Instant.parse("2026-03-31T21:30:00Z"), 30);
        data.call(boris, CallDirection.OUT, CallStatus.ANSWERED, at("2026-03-04"), 45);
        data.call(boris, CallDirection.OUT, CallStatus.BUSY, at("2026-03-05"), 0);
        data.call(null, CallDirection.OUT, CallStatus.ANSWERED, at("2026-03-05"), 10);

        data.activity(anna, ActivityKind.MEETING, at("2026-03-05"));
        data.activity(anna, ActivityKind.PROPOSAL, at("2026-03-06"));
        data.activity(anna, ActivityKind.MEETING, at("2026-02-27"));

        data.missedCall(boris, at("2026-03-12"), true);
        data.sale(acme, anna, "2026-01-10", "1000.00", "2026-01-20", "200.00");
        data.sale(acme, anna, "2026-03-20", "500.00", "2026-04-05", "0");
        data.sale(beta, carl, "2026-03-01", "300.00", null, "0");
        data.sale(gamma, carl, "2025-11-01", "400.00", "2025-11-15", "400.00");
        data.sale(gamma, carl, "2025-12-01", "250.00", "2025-12-10", "0");
        data.task(anna, at("2026-03-10"), null);
        data.task(anna, at("2026-03-20"), null);
        data.task(boris, at("2026-03-05"), at("2026-03-05"));
        data.event(anna, at("2026-03-03"), "client", acme);
        data.event(boris, at("2026-03-04"), "deal", d1);
        data.event(anna, at("2026-04-03"), "client", acme);

        data.plans.insertCost(website, MAR1, MAR31, new BigDecimal("3000.00"));
        data.plans.insertCost(referral, LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 16), new BigDecimal("900.00"));
        data.plans.insertCost(data.source("Exhibition"), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30),
                new BigDecimal("5000.00"));
        data.plans.putCalendarDay(LocalDate.of(2026, 3, 9), false, "holiday");

        g1 = data.goal(anna, null, GoalMetric.REVENUE, MAR1, "1000");
        g2 = data.goal(null, teamA, GoalMetric.REVENUE, MAR1, "2000");
        g3 = data.goal(boris, null, GoalMetric.WON_DEALS, MAR1, "3");
        g4 = data.goal(anna, null, GoalMetric.CALLS, MAR1, "10");
        g5 = data.goal(boris, null, GoalMetric.REVENUE, MAR1, "500");
        g6 = data.goal(anna, null, GoalMetric.MEETINGS, MAR1, "4");
        g7 = data.goal(carl, null, GoalMetric.NEW_CLIENTS, MAR1, "2");
        data.goal(anna, null, GoalMetric.REVENUE, LocalDate.of(2026, 4, 1), "1000"); // another month
    }

    ReportFilter march() {
        return ReportFilter.period(MAR1, MAR31);
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static String k(long id) {
        return Long.toString(id);
    }

    long stageId(Pipeline p, String name) {
        return ReportData.stage(p, name).id();
    }

    String sk(String name) {
        return k(stageId(sales, name));
    }

    Drill drill(String report, ReportFilter f, String column, String row) {
        return reports.get(report).drill(f, column, row);
    }

    // ------------------------------------------------------------------ funnel

    @Test
    void funnelCohortCountsReachedFromHistoryInBusinessTimeZone() {
        ReportTable t = reports.get("funnel").run(march().withPipeline(sales.id()));
        assertThat(t.rows()).extracting(r -> r.values().get(0)).containsExactly("Needs identified", "Proposal sent",
                "Negotiation", "Invoice issued", "Won", "Lost");
        assertThat(t.value(sk("Needs identified"), "reached")).isEqualTo(7L);
        assertThat(t.value(sk("Proposal sent"), "reached")).isEqualTo(5L);
        assertThat(t.value(sk("Negotiation"), "reached")).isEqualTo(3L);
        assertThat(t.value(sk("Invoice issued"), "reached")).isEqualTo(3L);
        assertThat(t.value(sk("Won"), "reached")).isEqualTo(3L);
        assertThat(t.value(sk("Needs identified"), "conversion")).isEqualTo(d("0.7143"));
        assertThat(t.value(sk("Proposal sent"), "conversion")).isEqualTo(d("0.6000"));
        assertThat(t.value(sk("Negotiation"), "conversion")).isEqualTo(d("1.0000"));
        assertThat(t.value(sk("Won"), "conversion")).isNull();
        assertThat(t.value(sk("Needs identified"), "lost_here")).isEqualTo(1L);
        assertThat(t.value(sk("Proposal sent"), "lost_here")).isEqualTo(1L);
        assertThat(t.value(sk("Negotiation"), "lost_here")).isEqualTo(0L);
        assertThat(t.value(sk("Needs identified"), "drop_off")).isEqualTo(d("0.1429"));
        assertThat(t.value(sk("Proposal sent"), "drop_off")).isEqualTo(d("0.2000"));
        assertThat(t.value(sk("Needs identified"), "deals")).isEqualTo(1L);
        assertThat(t.value(sk("Needs identified"), "amount")).isEqualTo(d("300.00"));
        assertThat(t.value(sk("Proposal sent"), "amount")).isEqualTo(d("800.00"));
        assertThat(t.value(sk("Negotiation"), "deals")).isEqualTo(0L);
        assertThat(t.value(sk("Won"), "deals")).isEqualTo(3L);
        assertThat(t.value(sk("Won"), "amount")).isEqualTo(d("1400.00"));
        assertThat(t.value(sk("Lost"), "amount")).isEqualTo(d("700.00"));
        assertThat(t.value(ReportTable.TOTALS, "deals")).isEqualTo(7L);
        assertThat(t.value(ReportTable.TOTALS, "amount")).isEqualTo(d("3200.00"));
        assertThat(t.value(ReportTable.TOTALS, "lost_here")).isEqualTo(2L);
        assertThat(t.summary()).containsEntry("cohort", 7L).containsEntry("won_count", 3L)
                .containsEntry("won_amount", d("1400.00")).containsEntry("lost_count", 2L)
                .containsEntry("lost_amount", d("700.00")).containsEntry("win_rate", d("0.6000"));
    }

    @Test
    void funnelDrillDownsListTheDealsBehindEachFigure() {
        ReportFilter f = march().withPipeline(sales.id());
        assertThat(ids(drill("funnel", f, "reached", sk("Negotiation")))).containsExactly(d1, d4, d9);
        assertThat(ids(drill("funnel", f, "reached", sk("Needs identified")))).containsExactly(d1, d2, d3, d4, d5, d8, d9);
        assertThat(ids(drill("funnel", f, "lost_here", sk("Proposal sent")))).containsExactly(d2);
        assertThat(ids(drill("funnel", f, "lost_here", ReportTable.TOTALS))).containsExactly(d2, d5);
        Drill won = drill("funnel", f, "amount", sk("Won"));
        assertThat(ids(won)).containsExactly(d1, d4, d9);
        assertThat(won.sum()).isEqualByComparingTo("1400");
        assertThat(ids(drill("funnel", f, "won_count", null))).containsExactly(d1, d4, d9);
    }

    @Test
    void funnelFiltersByManagerSourceAndBand() {
        ReportFilter f = march().withPipeline(sales.id());
        ReportTable anna = reports.get("funnel").run(f.withManager(this.anna));
        assertThat(anna.value(ReportTable.TOTALS, "deals")).isEqualTo(3L); // d1, d2, d9
        ReportTable web = reports.get("funnel").run(f.withSource(website));
        assertThat(web.value(ReportTable.TOTALS, "amount")).isEqualTo(d("1800.00")); // d1, d3, d5, d9
        ReportTable hot = reports.get("funnel").run(f.withBand(ScoreBand.HOT));
        assertThat(hot.summary()).containsEntry("won_count", 3L).containsEntry("cohort", 3L); // d1, d4, d9
        ReportTable team = reports.get("funnel").run(f.withTeam(teamA));
        assertThat(team.value(ReportTable.TOTALS, "deals")).isEqualTo(7L);
    }

    @Test
    void snapshotShowsWhereEveryDealStoodAtTheEndOfTheDay() {
        ReportTable t = reports.get("funnel-snapshot").run(ReportFilter.period(MAR1, LocalDate.of(2026, 3, 5))
                .withPipeline(sales.id()));
        assertThat(t.value(sk("Needs identified"), "deals")).isEqualTo(4L); // d3, d5, d6, d8
        assertThat(t.value(sk("Needs identified"), "amount")).isEqualTo(d("2200.00"));
        assertThat(t.value(sk("Proposal sent"), "deals")).isEqualTo(2L); // d2, d4
        assertThat(t.value(sk("Proposal sent"), "amount")).isEqualTo(d("600.00"));
        assertThat(t.value(sk("Negotiation"), "deals")).isEqualTo(1L); // d1
        assertThat(t.value(sk("Won"), "deals")).isEqualTo(0L);
        assertThat(t.value(ReportTable.TOTALS, "deals")).isEqualTo(7L);
        assertThat(t.value(ReportTable.TOTALS, "amount")).isEqualTo(d("2900.00"));
        assertThat(ids(drill("funnel-snapshot", t.filter(), "deals", sk("Needs identified")))).containsExactly(d3, d5, d6, d8);
    }

    // ------------------------------------------------------------------ lost deals

    @Test
    void lostDealsByReasonStageAndManagerAgree() {
        ReportTable byReason = reports.get("lost-by-reason").run(march());
        ReportTable byStage = reports.get("lost-by-stage").run(march());
        ReportTable byManager = reports.get("lost-by-manager").run(march());
        long price = data.reason("Price too high");
        long noBudget = data.reason("No budget");
        assertThat(byReason.value(k(price), "amount")).isEqualTo(d("200.00"));
        assertThat(byReason.value(k(noBudget), "amount")).isEqualTo(d("500.00"));
        assertThat(byReason.value(k(noBudget), "share")).isEqualTo(d("0.5000"));
        assertThat(byStage.value(sk("Proposal sent"), "deals")).isEqualTo(1L);
        assertThat(byStage.value(sk("Needs identified"), "amount")).isEqualTo(d("500.00"));
        assertThat(byManager.value(k(anna), "amount")).isEqualTo(d("200.00"));
        assertThat(byManager.value(k(boris), "amount")).isEqualTo(d("500.00"));
        for (ReportTable t : new ReportTable[] {byReason, byStage, byManager}) {
            assertThat(t.value(ReportTable.TOTALS, "deals")).isEqualTo(2L);
            assertThat(t.value(ReportTable.TOTALS, "amount")).isEqualTo(d("700.00"));
        }
        assertThat(ids(drill("lost-by-stage", march(), "deals", sk("Proposal sent")))).containsExactly(d2);
    }

    // ------------------------------------------------------------------ revenue everywhere

    @Test
    void managerRatingUsesTheRevenueRule() {
        ReportTable t = reports.get("manager-rating").run(march());
        assertThat(t.rows()).extracting(r -> r.values().get(0)).containsExactly("Carl", "Boris", "Anna", null);
        assertThat(t.value(k(carl), "revenue")).isEqualTo(d("600.00"));
        assertThat(t.value(k(carl), "leads")).isEqualTo(0L);
        assertThat(t.value(k(carl), "productivity")).isNull();
        assertThat(t.value(k(boris), "won_deals")).isEqualTo(1L);
        assertThat(t.value(k(boris), "leads")).isEqualTo(4L);
        assertThat(t.value(k(boris), "calls")).isEqualTo(2L);
        assertThat(t.value(k(boris), "revenue_per_call")).isEqualTo(d("200.00"));
        assertThat(t.value(k(boris), "revenue_per_lead")).isEqualTo(d("100.00"));
        assertThat(t.value(k(boris), "won_leads")).isEqualTo(1L); // d4
        assertThat(t.value(k(boris), "productivity")).isEqualTo(d("0.2500"));
        assertThat(t.value(k(anna), "won_leads")).isEqualTo(3L); // d1, d10 and d9 (a March lead won in April)
        assertThat(t.value(k(anna), "productivity")).isEqualTo(d("0.7500"));
        assertThat(t.value(k(anna), "won_deals")).isEqualTo(2L); // d1 and the leadgen d10; d9 is April's
        assertThat(t.value(k(anna), "revenue")).isEqualTo(d("150.00"));
        assertThat(t.value(k(anna), "avg_check")).isEqualTo(d("75.00"));
        assertThat(t.value(k(anna), "calls")).isEqualTo(3L);
        assertThat(t.value(k(anna), "revenue_per_lead")).isEqualTo(d("37.50"));
        assertThat(t.value("none", "calls")).isEqualTo(1L);
        assertThat(t.value(ReportTable.TOTALS, "won_deals")).isEqualTo(4L);
        assertThat(t.value(ReportTable.TOTALS, "revenue")).isEqualTo(d("1150.00"));
        assertThat(t.value(ReportTable.TOTALS, "avg_check")).isEqualTo(d("287.50"));
        assertThat(t.value(ReportTable.TOTALS, "leads")).isEqualTo(8L);
        assertThat(t.value(ReportTable.TOTALS, "calls")).isEqualTo(6L);
        assertThat(t.value(ReportTable.TOTALS, "revenue_per_call")).isEqualTo(d("191.67"));
        assertThat(ids(drill("manager-rating", march(), "revenue", k(anna)))).containsExactly(d1, d10);
    }

    @Test
    void leadSourcesProrateCostsAndKeepDealsWithoutSource() {
        ReportTable t = reports.get("lead-sources").run(march());
        assertThat(t.rows()).extracting(r -> r.values().get(0)).containsExactly("Referral", "Website", null);
        assertThat(t.value(k(website), "leads")).isEqualTo(5L);
        assertThat(t.value(k(website), "won_deals")).isEqualTo(2L);
        assertThat(t.value(k(website), "won_leads")).isEqualTo(3L); // d1, d9, d10 of its leads d1, d3, d5, d9, d10
        assertThat(t.value(k(website), "conversion")).isEqualTo(d("0.6000"));
        assertThat(t.value(k(referral), "conversion")).isEqualTo(d("0.0000")); // d2 lost, d8 open; d6 is February's lead
        assertThat(ids(drill("lead-sources", march(), "won_leads", k(website)))).containsExactly(d1, d9, d10);
        assertThat(t.value(k(website), "revenue")).isEqualTo(d("150.00"));
        assertThat(t.value(k(website), "cost")).isEqualTo(d("3000.00"));
        assertThat(t.value(k(website), "roi")).isEqualTo(d("-0.9500"));
        assertThat(t.value(k(referral), "cost")).isEqualTo(d("480.00"));
        assertThat(t.value(k(referral), "roi")).isEqualTo(d("0.2500"));
        assertThat(t.value("none", "revenue")).isEqualTo(d("400.00"));
        assertThat(t.value("none", "roi")).isNull();
        assertThat(t.value(ReportTable.TOTALS, "revenue")).isEqualTo(d("1150.00"));
        assertThat(t.value(ReportTable.TOTALS, "cost")).isEqualTo(d("3480.00"));
        assertThat(t.value(ReportTable.TOTALS, "roi")).isEqualTo(d("-0.6695"));
        assertThat(t.value(ReportTable.TOTALS, "conversion")).isEqualTo(d("0.5000"));
        assertThat(drill("lead-sources", march(), "cost", k(referral)).sum()).isEqualByComparingTo("480.00");
    }

    @Test
    void planVsFactShowsAManagerOwnGoalsAndASupervisorTheTeamsWithTheirOwnFacts() {
        ReportTable asAnna = scoped(org.deskcrm.model.user.AccessScope.owner(anna, teamA)).get("plan-fact").run(march());
        assertThat(asAnna.rows()).extracting(r -> r.key()).containsExactlyInAnyOrder(k(g1), k(g4), k(g6));
        assertThat(asAnna.value(k(g1), "fact")).isEqualTo(d("150.00"));
        assertThat(asAnna.value(k(g4), "fact")).isEqualTo(d("3"));
        assertThat(asAnna.value(k(g6), "fact")).isEqualTo(d("1"));
        assertThat(asAnna.summary()).containsEntry("revenue_target", d("1000.00")).doesNotContainKey("revenue_team_target");
        ReportTable asBoss = scoped(org.deskcrm.model.user.AccessScope.team(teamA)).get("plan-fact").run(march());
        assertThat(asBoss.rows()).extracting(r -> r.key())
                .containsExactlyInAnyOrder(k(g1), k(g2), k(g3), k(g4), k(g5), k(g6)); // not Carl's g7: no team
        assertThat(asBoss.value(k(g5), "fact")).isEqualTo(d("400.00"));
        assertThat(asBoss.value(k(g2), "fact")).isEqualTo(d("550.00"));
        // a manager asking for a colleague gets nothing, not own figures under the colleague's name
        ReportTable borisAsAnna = scoped(org.deskcrm.model.user.AccessScope.owner(anna, teamA)).get("manager-rating")
                .run(march().withManager(boris));
        assertThat(borisAsAnna.rows()).isEmpty();
    }

    @Test
    void theRatingKeepsADeactivatedSellerAndListsNobodyWithoutData() {
        org.deskcrm.model.user.User b = ctx.users().findById(boris).orElseThrow();
        ctx.users().update(new org.deskcrm.model.user.User(b.id(), b.login(), b.fullName(), b.email(), b.role(), b.teamId(),
                b.canExport(), false, b.version()));
        try {
            ReportTable t = reports.get("manager-rating").run(march());
            // Boris left but sold in March: his row and figures stay, so the totals still add up
            assertThat(t.value(k(boris), "manager")).isEqualTo("Boris");
            assertThat(t.value(k(boris), "won_deals")).isEqualTo(1L);
            assertThat(t.value(k(boris), "leads")).isEqualTo(4L);
            long admin = ctx.users().findByLogin("admin").orElseThrow().id();
            // the administrator (no deals, no calls) and anyone else without data is not a row
            assertThat(t.rows()).extracting(r -> r.key()).containsExactlyInAnyOrder(k(carl), k(boris), k(anna), "none")
                    .doesNotContain(k(admin));
        } finally {
            org.deskcrm.model.user.User now = ctx.users().findById(boris).orElseThrow();
            ctx.users().update(new org.deskcrm.model.user.User(now.id(), now.login(), now.fullName(), now.email(), now.role(),
                    now.teamId(), now.canExport(), true, now.version()));
        }
    }

    ReportCatalog scoped(org.deskcrm.model.user.AccessScope scope) {
        return new ReportCatalog(new ReportSupport(ctx.database(), ctx.settings(), ctx.clock()).restrictedTo(() -> scope));
    }

    @Test
    void planVsFactShowsProgressDuringThePeriod() {
        ReportTable t = reports.get("plan-fact").run(march());
        assertThat(t.rows()).hasSize(7);
        assertThat(t.value(k(g1), "fact")).isEqualTo(d("150.00"));
        assertThat(t.value(k(g1), "done")).isEqualTo(d("0.1500"));
        // 21 working days in March 2026 (22 weekdays, the 9th a holiday), 10 of them by Monday the 16th
        assertThat(t.value(k(g1), "expected")).isEqualTo(d("0.4762"));
        assertThat(t.value(k(g1), "forecast")).isEqualTo(d("150.00"));
        assertThat(t.value(k(g2), "owner")).isEqualTo("Team A");
        assertThat(t.value(k(g2), "fact")).isEqualTo(d("550.00"));
        assertThat(t.value(k(g2), "forecast")).isEqualTo(d("930.00")); // + 300 × 20 % + 800 × 40 %
        assertThat(t.value(k(g5), "fact")).isEqualTo(d("400.00"));
        assertThat(t.value(k(g5), "forecast")).isEqualTo(d("780.00"));
        assertThat(t.value(k(g3), "fact")).isEqualTo(d("1"));
        assertThat(t.value(k(g3), "forecast")).isEqualTo(d("1.60"));
        assertThat(t.value(k(g4), "fact")).isEqualTo(d("3"));
        assertThat(t.value(k(g4), "done")).isEqualTo(d("0.3000"));
        assertThat(t.value(k(g4), "forecast")).isEqualTo(d("6.30"));
        assertThat(t.value(k(g6), "fact")).isEqualTo(d("1"));
        assertThat(t.value(k(g7), "fact")).isEqualTo(d("1"));
        // each goal once: the managers' goals g1 + g5, and beside them (not added) the team goal g2
        assertThat(t.summary()).containsEntry("revenue_target", d("1500.00")).containsEntry("revenue_fact", d("550.00"))
                .containsEntry("revenue_team_target", d("2000.00")).containsEntry("revenue_team_fact", d("550.00"));
        assertThat(ids(drill("plan-fact", march(), "fact", k(g2)))).containsExactly(d1, d4, d10);
        assertThat(drill("plan-fact", march(), "fact", k(g4)).count()).isEqualTo(3);
    }

    @Test
    void planFactFilteredByManagerShowsHisAndHisTeamsGoals() {
        ReportTable t = reports.get("plan-fact").run(march().withManager(boris));
        assertThat(t.rows()).extracting(r -> r.key()).containsExactlyInAnyOrder(k(g2), k(g3), k(g5));
    }

    @Test
    void revenueAgreesAcrossReports() {
        for (ReportFilter f : new ReportFilter[] {march(), march().withPipeline(sales.id()), march().withManager(anna),
                march().withTeam(teamA), march().withSource(website), march().withBand(ScoreBand.HOT)}) {
            Object rating = reports.get("manager-rating").run(f).value(ReportTable.TOTALS, "revenue");
            Object sources = reports.get("lead-sources").run(f).value(ReportTable.TOTALS, "revenue");
            assertThat(sources).as("%s", f).isEqualTo(rating);
        }
    }

    // ------------------------------------------------------------------ operations

    @Test
    void receivablesByClientAndAge() {
        ReportTable t = reports.get("receivables").run(march());
        assertThat(t.rows()).extracting(r -> r.values().get(0)).containsExactly("Acme", "Beta", "Gamma");
        String acme = t.rows().get(0).key();
        assertThat(t.value(acme, "unpaid")).isEqualTo(d("1300.00"));
        assertThat(t.value(acme, "not_due")).isEqualTo(d("500.00"));
        assertThat(t.value(acme, "overdue_61_90")).isEqualTo(d("800.00"));
        assertThat(t.value(t.rows().get(1).key(), "overdue_1_30")).isEqualTo(d("300.00"));
        assertThat(t.value(t.rows().get(2).key(), "overdue_90")).isEqualTo(d("250.00"));
        assertThat(t.value(ReportTable.TOTALS, "unpaid")).isEqualTo(d("1850.00"));
        assertThat(t.value(ReportTable.TOTALS, "overdue")).isEqualTo(d("1350.00"));
        assertThat(drill("receivables", march(), "overdue", ReportTable.TOTALS).sum()).isEqualByComparingTo("1350.00");
    }

    @Test
    void managerLoadNowAndConversionOfThePeriod() {
        ReportTable t = reports.get("manager-load").run(march());
        assertThat(t.value(k(anna), "clients")).isEqualTo(1L);
        assertThat(t.value(k(carl), "clients")).isEqualTo(2L);
        assertThat(t.value(k(anna), "open_deals")).isEqualTo(1L);
        assertThat(t.value(k(boris), "open_amount")).isEqualTo(d("1100.00"));
        assertThat(t.value(k(anna), "open_tasks")).isEqualTo(2L);
        assertThat(t.value(k(anna), "overdue_tasks")).isEqualTo(1L);
        assertThat(t.value(k(anna), "conversion")).isEqualTo(d("0.6667"));
        assertThat(t.value(k(boris), "conversion")).isEqualTo(d("0.5000"));
        assertThat(t.value(k(carl), "conversion")).isEqualTo(d("1.0000"));
        assertThat(t.value(ReportTable.TOTALS, "open_amount")).isEqualTo(d("1800.00"));
    }

    @Test
    void callsPerManagerAndBusinessDay() {
        ReportTable t = reports.get("calls").run(march());
        String annaDay = k(anna) + "|2026-03-11";
        assertThat(t.value(annaDay, "calls")).isEqualTo(2L);
        assertThat(t.value(annaDay, "incoming")).isEqualTo(1L);
        assertThat(t.value(annaDay, "answered")).isEqualTo(2L);
        assertThat(t.value(annaDay, "duration_sec")).isEqualTo(d("150"));
        assertThat(t.value(annaDay, "avg_sec")).isEqualTo(d("75.0"));
        assertThat(t.value(k(boris) + "|2026-03-12", "returned")).isEqualTo(1L);
        assertThat(t.value("none|2026-03-05", "outgoing")).isEqualTo(1L);
        assertThat(t.value(ReportTable.TOTALS, "calls")).isEqualTo(8L);
        assertThat(t.value(ReportTable.TOTALS, "missed")).isEqualTo(1L);
        assertThat(t.value(ReportTable.TOTALS, "duration_sec")).isEqualTo(d("265"));
    }

    @Test
    void velocityAndSalesCycle() {
        ReportTable t = reports.get("velocity").run(march().withPipeline(sales.id()));
        assertThat(t.value(sk("Needs identified"), "deals")).isEqualTo(7L);
        assertThat(t.value(sk("Needs identified"), "avg_days")).isEqualTo(d("5.35"));
        assertThat(t.value(sk("Needs identified"), "median_days")).isEqualTo(d("2.00"));
        assertThat(t.value("cycle", "deals")).isEqualTo(3L);
        assertThat(t.value("cycle", "avg_days")).isEqualTo(d("11.67"));
        assertThat(t.value("cycle", "median_days")).isEqualTo(d("8.00"));
    }

    @Test
    void activityAgainstTheDailyPlan() {
        ReportTable t = reports.get("activity").run(march());
        assertThat(t.value(k(anna), "outgoing_calls")).isEqualTo(3L);
        assertThat(t.value(k(anna), "outgoing_calls_plan")).isEqualTo(d("500.00"));
        assertThat(t.value(k(anna), "answered_calls")).isEqualTo(3L);
        assertThat(t.value(k(anna), "meetings")).isEqualTo(1L);
        assertThat(t.value(k(anna), "proposals")).isEqualTo(1L);
        assertThat(t.value(k(boris), "tasks_done")).isEqualTo(1L);
        assertThat(t.summary()).containsEntry("working_days", 10L);
    }

    @Test
    void clientAnalysisAbcXyz() {
        ReportTable t = reports.get("clients").run(ReportFilter.period(LocalDate.of(2026, 1, 1), MAR31));
        assertThat(t.rows()).hasSize(2);
        String acme = t.rows().get(0).key();
        assertThat(t.value(acme, "sales_amount")).isEqualTo(d("1500.00"));
        assertThat(t.value(acme, "share")).isEqualTo(d("0.8333"));
        assertThat(t.value(acme, "abc")).isEqualTo("A");
        assertThat(t.value(acme, "cv")).isEqualTo(d("0.8165"));
        assertThat(t.value(acme, "xyz")).isEqualTo("Z");
        assertThat(t.value(t.rows().get(1).key(), "abc")).isEqualTo("B");
        assertThat(t.value(ReportTable.TOTALS, "sales_amount")).isEqualTo(d("1800.00"));
    }

    @Test
    void eventFeedInBusinessTime() {
        ReportTable t = reports.get("events").run(march());
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).values()).startsWith("2026-03-03 12:00:00", "Anna", "update", "client");
        assertThat(reports.get("events").run(march().withManager(boris)).rows()).hasSize(1);
    }

    static long[] ids(Drill d) {
        return d.items().stream().mapToLong(DrillItem::id).toArray();
    }
}
