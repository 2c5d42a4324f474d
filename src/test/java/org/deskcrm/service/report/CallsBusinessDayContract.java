package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.Grain;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.SettingsRepository;
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
import static org.deskcrm.persistence.jooq.Tables.MISSED_CALL;

/**
 * The calls report counts each call on its business day in the business time zone, computed by the
 * database: a call at 23:30 local time stays on its day and one at midnight moves to the next, in a zone
 * without daylight saving (Moscow), across a daylight-saving change (New York) and in a fixed offset that
 * is not a whole hour (+05:30). Missed calls returned and first-call resolution are counted per day too,
 * and every drill-down lists exactly the calls of its cell. Runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CallsBusinessDayContract {
    AppContext ctx;
    ReportCatalog reports;
    ReportData data;
    long moscow, york, india, misses;
    long mskLate, mskMidnight, nyBeforeDst, nyLateAfterDst, nyAfterMidnight, nyFallBack, inLate, inMidnight;
    long returned, open, answered;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        reports = new ReportCatalog(new ReportSupport(ctx.database(), ctx.settings(), ctx.clock()));
        data = new ReportData(ctx);
        moscow = data.user("msk", null);
        york = data.user("nyc", null);
        india = data.user("ind", null);
        misses = data.user("miss", null);
        Instant jan = Instant.parse("2025-01-01T00:00:00Z");
        long acme = data.client("Acme", moscow, jan);
        long beta = data.client("Beta", york, jan);
        // Moscow (UTC+3 all year): 23:30 on 1 March, then midnight of 2 March
        mskLate = call(moscow, CallDirection.IN, CallStatus.ANSWERED, "2026-03-01T20:30:00Z", acme, 60);
        mskMidnight = call(moscow, CallDirection.OUT, CallStatus.ANSWERED, "2026-03-01T21:00:00Z", acme, 90);
        // New York: clocks go forward on 8 March 2026 and back on 1 November 2026
        nyBeforeDst = call(york, CallDirection.IN, CallStatus.ANSWERED, "2026-03-08T04:30:00Z", beta, 10);     // 7 Mar 23:30 EST
        nyLateAfterDst = call(york, CallDirection.OUT, CallStatus.ANSWERED, "2026-03-09T03:30:00Z", beta, 20);  // 8 Mar 23:30 EDT
        nyAfterMidnight = call(york, CallDirection.OUT, CallStatus.NO_ANSWER, "2026-03-09T04:30:00Z", beta, 0);  // 9 Mar 00:30 EDT
        nyFallBack = call(york, CallDirection.OUT, CallStatus.ANSWERED, "2026-11-02T04:30:00Z", beta, 5);       // 1 Nov 23:30 EST
        // +05:30: 23:59 on 1 March, then midnight
        inLate = call(india, CallDirection.OUT, CallStatus.ANSWERED, "2026-03-01T18:29:00Z", null, 1);
        inMidnight = call(india, CallDirection.OUT, CallStatus.ANSWERED, "2026-03-01T18:30:00Z", null, 1);
        // missed calls on 10 March (Moscow): one returned, one still open, and the answered callback
        returned = call(misses, CallDirection.IN, CallStatus.MISSED, "2026-03-10T07:00:00Z", null, 0);
        open = call(misses, CallDirection.IN, CallStatus.MISSED, "2026-03-10T08:00:00Z", null, 0);
        answered = call(misses, CallDirection.OUT, CallStatus.ANSWERED, "2026-03-10T09:00:00Z", null, 45);
        missed(returned, Instant.parse("2026-03-10T09:00:00Z"));
        missed(open, null);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    long call(long user, CallDirection dir, CallStatus status, String when, Long client, int seconds) {
        String phone = "+7900" + (1000000 + user * 1000 + (client == null ? 0 : client));
        return ctx.calls().insert(new Call(null, dir, status, Instant.parse(when), seconds, phone, phone, client, null,
                user, null, null, null)).orElseThrow();
    }

    void missed(long callId, Instant resolvedAt) {
        var dsl = ctx.database().dsl();
        new org.deskcrm.persistence.totals.CallTotals(dsl).around(
                org.deskcrm.persistence.totals.CallTotals.Reach.calls(java.util.List.of(callId)), () -> {
                    dsl.deleteFrom(MISSED_CALL).where(MISSED_CALL.CALL_ID.eq(callId)).execute();
                    dsl.insertInto(MISSED_CALL).set(MISSED_CALL.CALL_ID, callId)
                            .set(MISSED_CALL.DUE_AT, Instant.parse("2026-03-11T07:00:00Z").atOffset(ZoneOffset.UTC))
                            .set(MISSED_CALL.RESOLVED_AT, resolvedAt == null ? null : resolvedAt.atOffset(ZoneOffset.UTC))
                            .set(MISSED_CALL.RESOLVED_BY_CALL_ID, resolvedAt == null ? null : answered).execute();
                });
    }

    ReportTable run(String zone, ReportFilter f) {
        ctx.settings().put(SettingsRepository.BUSINESS_TIME_ZONE, zone);
        return reports.get("calls").run(f);
    }

    long[] drill(String zone, ReportFilter f, String column, String row) {
        ctx.settings().put(SettingsRepository.BUSINESS_TIME_ZONE, zone);
        return reports.get("calls").drill(f, column, row).items().stream().mapToLong(DrillItem::id).sorted().toArray();
    }

    static ReportFilter march() {
        return ReportFilter.period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    }

    static String key(long user, String day) {
        return user + "|" + day;
    }

    @Test
    void aCallAtHalfPastElevenLocalStaysOnItsDayAndMidnightStartsTheNext() {
        ReportFilter f = march().withManager(moscow);
        ReportTable t = run("Europe/Moscow", f);
        assertThat(t.value(key(moscow, "2026-03-01"), "calls")).isEqualTo(1L);
        assertThat(t.value(key(moscow, "2026-03-01"), "incoming")).isEqualTo(1L);
        assertThat(t.value(key(moscow, "2026-03-01"), "first_calls")).isEqualTo(1L);
        assertThat(t.value(key(moscow, "2026-03-02"), "calls")).isEqualTo(1L);
        assertThat(t.value(key(moscow, "2026-03-02"), "outgoing")).isEqualTo(1L);
        assertThat(t.value(key(moscow, "2026-03-02"), "duration_sec")).isEqualTo(BigDecimal.valueOf(90));
        assertThat(drill("Europe/Moscow", f, "calls", key(moscow, "2026-03-01"))).containsExactly(mskLate);
        assertThat(drill("Europe/Moscow", f, "first_calls", key(moscow, "2026-03-01"))).containsExactly(mskLate);
        assertThat(drill("Europe/Moscow", f, "calls", key(moscow, "2026-03-02"))).containsExactly(mskMidnight);
        // in UTC both calls fall on 1 March
        ReportTable utc = run("UTC", f);
        assertThat(utc.value(key(moscow, "2026-03-01"), "calls")).isEqualTo(2L);
        assertThat(drill("UTC", f, "calls", key(moscow, "2026-03-01"))).containsExactly(mskLate, mskMidnight);
    }

    @Test
    void daysFollowTheZoneAcrossDaylightSavingChanges() {
        ReportFilter f = ReportFilter.period(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9)).withManager(york);
        ReportTable t = run("America/New_York", f);
        assertThat(t.value(key(york, "2026-03-07"), "calls")).isEqualTo(1L);
        assertThat(t.value(key(york, "2026-03-07"), "first_calls")).isEqualTo(1L);
        assertThat(t.value(key(york, "2026-03-08"), "calls")).isEqualTo(1L);
        assertThat(t.value(key(york, "2026-03-09"), "calls")).isEqualTo(1L);
        assertThat(t.value(ReportTable.TOTALS, "calls")).isEqualTo(3L);
        assertThat(drill("America/New_York", f, "calls", key(york, "2026-03-08"))).containsExactly(nyLateAfterDst);
        assertThat(drill("America/New_York", f, "calls", key(york, "2026-03-09"))).containsExactly(nyAfterMidnight);
        ReportFilter nov = ReportFilter.period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2)).withManager(york);
        ReportTable n = run("America/New_York", nov);
        assertThat(n.value(key(york, "2026-11-01"), "calls")).isEqualTo(1L);
        assertThat(drill("America/New_York", nov, "duration_sec", key(york, "2026-11-01"))).containsExactly(nyFallBack);
    }

    @Test
    void aFixedOffsetThatIsNotAWholeHourCountsItsOwnDays() {
        ReportFilter f = march().withManager(india);
        for (String zone : new String[] {"+05:30", "UTC+05:30", "Asia/Kolkata"}) {
            ReportTable t = run(zone, f);
            assertThat(t.value(key(india, "2026-03-01"), "calls")).as(zone).isEqualTo(1L);
            assertThat(t.value(key(india, "2026-03-02"), "calls")).as(zone).isEqualTo(1L);
            assertThat(drill(zone, f, "calls", key(india, "2026-03-02"))).as(zone).containsExactly(inMidnight);
        }
        ReportTable plus3 = run("UTC+3", march().withManager(moscow));
        assertThat(plus3.value(key(moscow, "2026-03-01"), "calls")).isEqualTo(1L);
        assertThat(plus3.value(key(moscow, "2026-03-02"), "calls")).isEqualTo(1L);
    }

    @Test
    void aMissedCallClosedByACallbackCountsAsReturned() {
        ReportFilter f = march().withManager(misses);
        ReportTable t = run("Europe/Moscow", f);
        String day = key(misses, "2026-03-10");
        assertThat(t.value(day, "calls")).isEqualTo(3L);
        assertThat(t.value(day, "missed")).isEqualTo(2L);
        assertThat(t.value(day, "returned")).isEqualTo(1L);
        assertThat(t.value(day, "answered")).isEqualTo(1L);
        assertThat(t.value(day, "duration_sec")).isEqualTo(BigDecimal.valueOf(45));
        assertThat(drill("Europe/Moscow", f, "returned", day)).containsExactly(returned);
        assertThat(drill("Europe/Moscow", f, "missed", day)).containsExactly(returned, open);
        ReportTable week = run("Europe/Moscow", f.withGrain(Grain.WEEK));
        assertThat(week.value(key(misses, "2026-03-09"), "returned")).isEqualTo(1L);
        assertThat(drill("Europe/Moscow", f.withGrain(Grain.WEEK), "returned", key(misses, "2026-03-09"))).containsExactly(returned);
        assertThat(drill("Europe/Moscow", f.withGrain(Grain.WEEK), "returned", key(misses, "2026-03-10"))).isEmpty();
    }
}
