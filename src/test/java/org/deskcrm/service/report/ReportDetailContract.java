package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.Grain;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
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
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;

/**
 * First-call resolution, activity by day and week, and lifecycle transitions on a small hand-computed
 * data set (business time zone Europe/Moscow, UTC+3; today is Monday 2026-03-16; first-call window 7
 * days; fresh 90 and churn 365 days). Runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportDetailContract {
    static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
    static final LocalDate MAR1 = LocalDate.of(2026, 3, 1);
    static final LocalDate MAR31 = LocalDate.of(2026, 3, 31);

    AppContext ctx;
    ReportCatalog reports;
    ReportData data;
    long anna, boris, carl;
    long acme, beta, gamma;
    long lime, mango, kiwi, plum, fig, date, pear;
    long c1, c3, c4, c8, c10, c13;

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

    long call(Long user, CallDirection dir, CallStatus status, Instant when, Long client, String phone) {
        return ctx.calls().insert(new Call(null, dir, status, when, 30, phone, phone, client, null, user,
                null, null, null)).orElseThrow();
    }

    void fill() {
        anna = data.user("anna", null);
        boris = data.user("boris", null);
        carl = data.user("carl", null);
        Instant jan = at("2025-01-01");
        acme = data.client("Acme", carl, jan);
        beta = data.client("Beta", carl, jan);
        gamma = data.client("Gamma", carl, jan);

        // first-call resolution (window 7 days)
        c1 = call(anna, CallDirection.IN, CallStatus.ANSWERED, at("2026-03-02"), acme, "+74950000001");      // first, not resolved (c2)
        call(anna, CallDirection.OUT, CallStatus.ANSWERED, at("2026-03-05"), acme, "+74950000001");          // c2: a callback
        c3 = call(boris, CallDirection.IN, CallStatus.ANSWERED, at("2026-03-20"), acme, "+74950000009");     // first (c2 15 days before), resolved
        c4 = call(anna, CallDirection.IN, CallStatus.ANSWERED, at("2026-03-10"), null, "+79001110000");      // first, resolved: c5 exactly 7 days on
        call(anna, CallDirection.IN, CallStatus.MISSED, at("2026-03-17"), null, "+79001110000");             // c5
        call(anna, CallDirection.IN, CallStatus.MISSED, at("2026-03-08"), beta, "+74950000002");             // c7 (Sunday)
        call(anna, CallDirection.IN, CallStatus.ANSWERED, at("2026-03-12"), beta, "+74950000002");           // c6: not first (c7 4 days before)
        c8 = call(carl, CallDirection.IN, CallStatus.ANSWERED, at("2026-03-30"), beta, "+74950000002");      // first, not resolved (c9 in April)
        call(carl, CallDirection.OUT, CallStatus.ANSWERED, at("2026-04-03"), beta, "+74950000002");          // c9
        call(anna, CallDirection.IN, CallStatus.ANSWERED, at("2026-02-25"), gamma, "+74950000003");          // c11: February
        // 2026-03-01 00:30 in Moscow: a March call, not first (c11 3.5 days before)
        c10 = call(anna, CallDirection.IN, CallStatus.ANSWERED, Instant.parse("2026-02-28T21:30:00Z"), gamma, "+74950000003");
        c13 = call(boris, CallDirection.IN, CallStatus.ANSWERED, at("2026-03-24"), gamma, "+74950000003");   // first, resolved
        call(boris, CallDirection.INTERNAL, CallStatus.ANSWERED, at("2026-03-25"), gamma, "+74950000003");   // c14: not a contact

        data.activity(anna, ActivityKind.MEETING, at("2026-03-03"));
        data.activity(anna, ActivityKind.MEETING, at("2026-03-04"));
        data.activity(anna, ActivityKind.PROPOSAL, at("2026-03-11"));
        data.task(boris, at("2026-03-13"), at("2026-03-13"));

        lime = data.client("Lime", anna, jan);
        mango = data.client("Mango", anna, jan);
        kiwi = data.client("Kiwi", boris, jan);
        plum = data.client("Plum", boris, jan);
        fig = data.client("Fig", carl, jan);
        date = data.client("Date", anna, jan);
        pear = data.client("Pear", carl, jan);
        data.sale(lime, anna, "2025-12-05", "100.00", null, "0");   // new one-time → old one-time on 03-06
        data.sale(lime, anna, "2026-03-20", "100.00", null, "0");   // → regular
        data.sale(mango, anna, "2025-03-10", "100.00", null, "0");  // old one-time → churned on 03-11
        data.sale(kiwi, boris, "2026-03-03", "100.00", null, "0");  // potential → new one-time
        data.sale(kiwi, boris, "2026-03-25", "100.00", null, "0");  // → regular
        data.sale(plum, boris, "2025-01-10", "100.00", null, "0");  // churned at the start
        data.sale(plum, boris, "2025-02-01", "100.00", null, "0");
        data.sale(plum, null, "2026-03-15", "100.00", null, "0");   // churned → regular (a sale without owner)
        data.sale(date, anna, "2026-03-05", "100.00", null, "0");   // archived: not counted
        data.sale(date, anna, "2025-11-05", "100.00", null, "0");   // archived: its earlier sales not counted either
        data.sale(pear, carl, "2026-01-20", "100.00", null, "0");   // regular throughout
        data.sale(pear, carl, "2026-02-10", "100.00", null, "0");
        ctx.database().dsl().update(CLIENT).set(CLIENT.ARCHIVED, true).where(CLIENT.ID.eq(date)).execute();
    }

    ReportFilter march() {
        return ReportFilter.period(MAR1, MAR31);
    }

    static String k(long id) {
        return Long.toString(id);
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static long[] ids(Drill d) {
        return d.items().stream().mapToLong(DrillItem::id).sorted().toArray();
    }

    static long[] sorted(long... v) {
        return java.util.Arrays.stream(v).sorted().toArray();
    }

    // ------------------------------------------------------------------ first-call resolution

    @Test
    void firstCallResolutionPerManagerAndDay() {
        ReportTable t = reports.get("calls").run(march());
        assertThat(t.value(k(anna) + "|2026-03-02", "first_calls")).isEqualTo(1L);
        assertThat(t.value(k(anna) + "|2026-03-02", "first_resolved")).isEqualTo(0L);
        assertThat(t.value(k(anna) + "|2026-03-02", "fcr")).isEqualTo(d("0.0000"));
        assertThat(t.value(k(anna) + "|2026-03-10", "first_resolved")).isEqualTo(1L);
        assertThat(t.value(k(anna) + "|2026-03-12", "first_calls")).isEqualTo(0L);
        assertThat(t.value(k(anna) + "|2026-03-12", "fcr")).isNull();
        assertThat(t.value(k(anna) + "|2026-03-01", "first_calls")).isEqualTo(0L);
        assertThat(t.value(k(boris) + "|2026-03-24", "first_resolved")).isEqualTo(1L);
        assertThat(t.value(k(carl) + "|2026-03-30", "first_calls")).isEqualTo(1L);
        assertThat(t.value(k(carl) + "|2026-03-30", "first_resolved")).isEqualTo(0L);
        assertThat(t.value(ReportTable.TOTALS, "first_calls")).isEqualTo(5L);
        assertThat(t.value(ReportTable.TOTALS, "first_resolved")).isEqualTo(3L);
        assertThat(t.value(ReportTable.TOTALS, "fcr")).isEqualTo(d("0.6000"));
        assertThat(t.value(ReportTable.TOTALS, "calls")).isEqualTo(11L);
        assertThat(t.summary()).containsEntry("fcr_days", 7L);
        assertThat(ids(reports.get("calls").drill(march(), "first_calls", ReportTable.TOTALS)))
                .containsExactly(sorted(c1, c3, c4, c8, c13));
        assertThat(ids(reports.get("calls").drill(march(), "first_resolved", ReportTable.TOTALS)))
                .containsExactly(sorted(c3, c4, c13));
        assertThat(ids(reports.get("calls").drill(march(), "first_resolved", k(boris) + "|2026-03-20"))).containsExactly(c3);
    }

    @Test
    void firstCallsFollowTheManagerFilterButRepeatsComeFromAnyone() {
        ReportTable t = reports.get("calls").run(march().withManager(carl));
        assertThat(t.value(ReportTable.TOTALS, "first_calls")).isEqualTo(1L);
        assertThat(t.value(ReportTable.TOTALS, "first_resolved")).isEqualTo(0L);
        ReportTable anna = reports.get("calls").run(march().withManager(this.anna));
        assertThat(anna.value(ReportTable.TOTALS, "first_calls")).isEqualTo(2L);
        assertThat(anna.value(ReportTable.TOTALS, "first_resolved")).isEqualTo(1L);
    }

    @Test
    void aShorterWindowMakesEveryAnsweredIncomingCallAResolvedFirstCall() {
        ctx.settings().put(FirstCallResolution.WINDOW_SETTING, "2");
        try {
            ReportTable t = reports.get("calls").run(march());
            assertThat(t.value(ReportTable.TOTALS, "first_calls")).isEqualTo(7L);
            assertThat(t.value(ReportTable.TOTALS, "first_resolved")).isEqualTo(7L);
            assertThat(t.summary()).containsEntry("fcr_days", 2L);
        } finally {
            ctx.settings().put(FirstCallResolution.WINDOW_SETTING, "7");
        }
    }

    @Test
    void callsByWeekClipTheFirstWeekToThePeriod() {
        ReportFilter f = march().withGrain(Grain.WEEK);
        ReportTable t = reports.get("calls").run(f);
        assertThat(t.columns().get(1).key()).isEqualTo("week");
        assertThat(t.value(k(anna) + "|2026-03-01", "calls")).isEqualTo(1L);
        assertThat(t.value(k(anna) + "|2026-03-02", "calls")).isEqualTo(3L);
        assertThat(t.value(k(anna) + "|2026-03-02", "first_calls")).isEqualTo(1L);
        assertThat(t.value(k(anna) + "|2026-03-09", "calls")).isEqualTo(2L);
        assertThat(t.value(k(anna) + "|2026-03-09", "first_resolved")).isEqualTo(1L);
        assertThat(t.value(k(boris) + "|2026-03-23", "calls")).isEqualTo(2L);
        assertThat(t.value(ReportTable.TOTALS, "calls")).isEqualTo(11L);
        assertThat(t.value(ReportTable.TOTALS, "first_calls")).isEqualTo(5L);
        assertThat(reports.get("calls").drill(f, "calls", k(anna) + "|2026-03-02").count()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ activity by day and week

    @Test
    void activityByDayShowsEveryElapsedWorkingDayAgainstItsPlan() {
        ReportFilter f = march().withGrain(Grain.DAY);
        ReportTable t = reports.get("activity").run(f);
        assertThat(t.value(k(anna) + "|2026-03-01", "answered_calls")).isEqualTo(1L);
        assertThat(t.value(k(anna) + "|2026-03-01", "outgoing_calls_plan")).isEqualTo(d("0.00"));
        assertThat(t.value(k(anna) + "|2026-03-05", "outgoing_calls")).isEqualTo(1L);
        assertThat(t.value(k(anna) + "|2026-03-05", "outgoing_calls_plan")).isEqualTo(d("50.00"));
        assertThat(t.value(k(anna) + "|2026-03-16", "answered_calls")).isEqualTo(0L);
        assertThat(t.value(k(anna) + "|2026-03-16", "meetings_plan")).isEqualTo(d("3.00"));
        assertThat(t.hasRow(k(anna) + "|2026-03-08")).isFalse();
        assertThat(t.hasRow(k(anna) + "|2026-03-17")).isFalse();
        assertThat(t.rows().stream().filter(r -> r.key().startsWith(k(anna) + "|"))).hasSize(12);
        assertThat(t.value(k(boris) + "|2026-03-13", "tasks_done")).isEqualTo(1L);
        assertThat(ids(reports.get("activity").drill(f, "answered_calls", k(anna) + "|2026-03-01"))).containsExactly(c10);
    }

    @Test
    void activityByWeek() {
        ReportFilter f = march().withGrain(Grain.WEEK);
        ReportTable t = reports.get("activity").run(f);
        String week = k(anna) + "|2026-03-02";
        assertThat(t.value(week, "outgoing_calls")).isEqualTo(1L);
        assertThat(t.value(week, "outgoing_calls_plan")).isEqualTo(d("250.00"));
        assertThat(t.value(week, "answered_calls")).isEqualTo(2L);
        assertThat(t.value(week, "meetings")).isEqualTo(2L);
        assertThat(t.value(week, "meetings_done")).isEqualTo(d("0.1333"));
        assertThat(t.value(k(anna) + "|2026-03-09", "proposals")).isEqualTo(1L);
        assertThat(t.value(k(anna) + "|2026-03-16", "outgoing_calls_plan")).isEqualTo(d("50.00"));
        assertThat(t.value(k(anna) + "|2026-03-01", "answered_calls")).isEqualTo(1L);
        assertThat(reports.get("activity").drill(f, "meetings", week).count()).isEqualTo(2);
    }

    @Test
    void dayWeekAndPeriodRowsAddUpToTheSameTotals() {
        ReportTable period = reports.get("activity").run(march());
        assertThat(period.value(k(anna), "outgoing_calls_plan")).isEqualTo(d("550.00"));
        assertThat(period.value(k(anna), "answered_calls")).isEqualTo(5L);
        for (Grain g : List.of(Grain.DAY, Grain.WEEK)) {
            ReportTable t = reports.get("activity").run(march().withGrain(g));
            for (var c : period.columns()) {
                if (c.summable()) {
                    assertThat(new BigDecimal(t.value(ReportTable.TOTALS, c.key()).toString()))
                            .as("%s %s", g, c.key())
                            .isEqualByComparingTo(new BigDecimal(period.value(ReportTable.TOTALS, c.key()).toString()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void lifecycleCountsAndTransitionsOfThePeriod() {
        ReportTable t = reports.get("lifecycle").run(march());
        assertThat(row(t, "potential")).containsExactly("potential", 5L, 1L, 0L, 4L, 1L, 0L, 0L, 0L);
        assertThat(row(t, "new_one_time")).containsExactly("new_one_time", 1L, 2L, 1L, 0L, 0L, 1L, 1L, 0L);
        assertThat(row(t, "old_one_time")).containsExactly("old_one_time", 1L, 2L, 1L, 0L, 0L, 0L, 1L, 1L);
        assertThat(row(t, "regular")).containsExactly("regular", 1L, 0L, 3L, 4L, 0L, 0L, 0L, 0L);
        assertThat(row(t, "churned")).containsExactly("churned", 1L, 1L, 1L, 1L, 0L, 0L, 1L, 0L);
        assertThat(t.totals().values()).containsExactly(null, 9L, 6L, 6L, 9L, 1L, 1L, 3L, 1L);
        assertThat(t.summary()).containsEntry("transitions", 6L);
    }

    @Test
    void lifecycleDrillsListTheClientsAndTheirTransitions() {
        Report r = reports.get("lifecycle");
        assertThat(ids(r.drill(march(), "to_regular", ReportTable.TOTALS))).containsExactly(sorted(lime, kiwi, plum));
        assertThat(ids(r.drill(march(), "at_start", "potential"))).containsExactly(sorted(acme, beta, gamma, kiwi, fig));
        assertThat(ids(r.drill(march(), "at_end", ReportTable.TOTALS))).hasSize(9).doesNotContain(date);
        Drill left = r.drill(march(), "left", "new_one_time");
        assertThat(ids(left)).containsExactly(sorted(lime, kiwi));
        assertThat(left.items()).extracting(DrillItem::label)
                .contains("Lime: new_one_time → old_one_time, 2026-03-06", "Kiwi: new_one_time → regular, 2026-03-25");
        assertThat(r.drill(march(), "to_churned", "old_one_time").items()).extracting(DrillItem::label)
                .containsExactly("Mango: old_one_time → churned, 2026-03-11");
    }

    @Test
    void lifecycleFollowsTheOwnerFilter() {
        ReportTable t = reports.get("lifecycle").run(march().withManager(anna));
        assertThat(t.totals().values()).containsExactly(null, 2L, 3L, 3L, 2L, 0L, 1L, 1L, 1L);
        assertThat(t.value("regular", "at_end")).isEqualTo(1L);
        assertThat(t.value("churned", "at_end")).isEqualTo(1L);
    }

    @Test
    void lifecycleAtTheEndOfTheDayBeforeAPeriodEqualsTheStartOfThePeriod() {
        ReportTable feb = reports.get("lifecycle").run(ReportFilter.period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        ReportTable mar = reports.get("lifecycle").run(march());
        for (Row r : mar.rows()) {
            assertThat(feb.value(r.key(), "at_end")).as(r.key()).isEqualTo(mar.value(r.key(), "at_start"));
        }
    }

    static List<Object> row(ReportTable t, String key) {
        return t.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().values();
    }
}
