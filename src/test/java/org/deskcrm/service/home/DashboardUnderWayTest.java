package org.deskcrm.service.home;

import org.deskcrm.AppContext;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.report.PeriodPreset.Range;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.home.DashboardService.Figure;
import org.deskcrm.service.report.ReportData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period under way (ADR 0033), today March 16th: the tiles compare it up to today with the same days of the
 * previous period, and their trend and the revenue chart end with today's month — months still to come hold no
 * figures — which is marked as under way.
 */
class DashboardUnderWayTest {
    private final AppContext ctx = new AppContext(TestDatabases.h2(),
            Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC));

    DashboardUnderWayTest() {
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        ReportData data = new ReportData(ctx);
        long anna = data.user("anna", null);
        long client = data.client("Acme", anna, Instant.parse("2025-10-01T09:00:00Z"));
        Pipeline sales = data.pipeline("sales");
        var needs = ReportData.stage(sales, "Needs identified");
        var won = ReportData.stage(sales, "Won");
        won(data, client, anna, sales, needs, won, "100.00", "2025-12-03T09:00:00Z"); // Q4: by Dec 16th
        won(data, client, anna, sales, needs, won, "40.00", "2025-12-20T09:00:00Z"); // Q4: after Dec 16th
        won(data, client, anna, sales, needs, won, "250.00", "2026-03-05T09:00:00Z");
    }

    private static void won(ReportData data, long client, long owner, Pipeline p, org.deskcrm.model.deal.Stage first,
                            org.deskcrm.model.deal.Stage won, String amount, String at) {
        Instant when = Instant.parse(at);
        long deal = data.deal(client, owner, p, first, amount, null, ScoreBand.HOT, null, when.minusSeconds(86_400));
        data.move(deal, won, when);
    }

    @AfterEach
    void close() throws Exception {
        ctx.close();
    }

    @Test
    void aQuarterUnderWayIsComparedUpToTodayAndItsTrendStopsAtThisMonth() {
        Range quarter = new Range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        DashboardService.Snapshot s = ctx.home().snapshot(quarter, null);
        Figure revenue = s.figure(HomeTile.REVENUE);
        assertThat(revenue.value()).isEqualByComparingTo("250.00");
        // Jan 1 – Mar 16 against Oct 1 – Dec 16: the win of Dec 20th is not in the comparison
        assertThat(revenue.change().sameDays()).isTrue();
        assertThat(revenue.change().beforeRange()).isEqualTo(new Range(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 16)));
        assertThat(revenue.change().now()).isEqualByComparingTo("250.00");
        assertThat(revenue.change().before()).isEqualByComparingTo("100.00");
        // October … March, March under way
        assertThat(revenue.trend()).extracting(BigDecimal::toPlainString)
                .containsExactly("0", "0", "140.00", "0", "0", "250.00");
        assertThat(revenue.trendUnderWay()).isTrue();
    }

    @Test
    void theTrendOfAYearUnderWayEndsWithThisMonthNotWithDecember() {
        Range year = new Range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        DashboardService.Snapshot s = ctx.home().snapshot(year, null);
        Figure revenue = s.figure(HomeTile.REVENUE);
        // October … March: not July … December, whose months to come hold nothing yet
        assertThat(revenue.trend()).extracting(BigDecimal::toPlainString)
                .containsExactly("0", "0", "140.00", "0", "0", "250.00");
        assertThat(revenue.trendUnderWay()).isTrue();
        assertThat(s.revenueByMonth(12)).hasSize(12).last()
                .satisfies(m -> assertThat(m.start()).isEqualTo(LocalDate.of(2026, 3, 1)));
        assertThat(revenue.change().beforeRange()).isEqualTo(new Range(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 16)));
    }

    @Test
    void aPeriodThatIsOverIsComparedWhole() {
        Range february = new Range(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
        Figure revenue = ctx.home().snapshot(february, null).figure(HomeTile.REVENUE);
        assertThat(revenue.change().sameDays()).isFalse();
        assertThat(revenue.change().beforeRange()).isEqualTo(new Range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        assertThat(revenue.trendUnderWay()).isFalse();
        assertThat(revenue.trend()).hasSize(DashboardService.TREND_MONTHS).last()
                .satisfies(v -> assertThat(v).isEqualByComparingTo("0"));
    }
}
