package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.call.PhoneListKind;
import org.deskcrm.model.report.Grain;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.jooq.tables.records.PhoneCallRecord;
import org.deskcrm.persistence.report.CallFigures;
import org.deskcrm.persistence.totals.CallTotals;
import org.deskcrm.persistence.totals.DealTotals;
import org.deskcrm.service.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/**
 * The stored call totals never drift from the call records: random changes through the real write paths (calls
 * logged by hand, which match cards and return misses; PBX batches; numbers attached to cards, which move their
 * calls to another caller; numbers put on a list, which closes their misses; missed-call backfill) and random
 * edits and deletions of calls through the totals mechanism, on a few numbers so that callers' calls fall within
 * each other's first-call window. Then the calls report from the totals is compared cell by cell with the same
 * report counted from the records (first calls by the first-call query of ADR 0002), and the activity report's
 * call counts likewise, for random periods, managers, teams and grains. {@code -Dtotals.drift.ops=N} makes it
 * larger (default 400 changes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CallTotalsDriftContract {
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final Instant START = Instant.parse("2025-01-01T06:00:00Z");
    static final int OPS = Integer.getInteger("totals.drift.ops", 400);

    AppContext ctx;
    MutableClock clock;
    CallsReport report;
    CallFigures figures;
    CallTotals totals;
    final SplittableRandom rnd = new SplittableRandom(20261206L);
    final List<Long> users = new ArrayList<>();
    final List<Long> teams = new ArrayList<>();
    final List<Long> clients = new ArrayList<>();
    final List<Long> calls = new ArrayList<>();
    int pbxKeys;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        clock = new MutableClock(START);
        ctx = new AppContext(openDatabase(), clock);
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        ctx.settings().put(SettingsRepository.BUSINESS_TIME_ZONE, ZONE.getId());
        ctx.settings().put(CallTotals.WINDOW_SETTING, "3");
        totals = new CallTotals(ctx.database().dsl());
        totals.rebuild(step -> { });
        ReportData data = new ReportData(ctx);
        for (int t = 0; t < 2; t++) {
            teams.add(data.team("Team " + t));
        }
        for (int u = 0; u < 4; u++) {
            users.add(data.user("calls" + u, teams.get(u % 2)));
        }
        for (int c = 0; c < 6; c++) {
            clients.add(data.client("Caller " + c, users.get(c % users.size()), START));
        }
        report = (CallsReport) new ReportCatalog(new ReportSupport(ctx.database(), ctx.settings(), clock)).get(CallsReport.NAME);
        figures = new CallFigures(ctx.database());
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    @Order(1)
    void randomCallChangesLeaveTheTotalsEqualToTheRecords() {
        CallLogRepository log = new CallLogRepository(ctx.database());
        for (int i = 0; i < OPS; i++) {
            clock.advance(Duration.ofMinutes(rnd.nextInt(1, 10 * 60)));
            int op = rnd.nextInt(100);
            if (calls.isEmpty() || op < 45) {
                logCall();
            } else if (op < 55) {
                pbxBatch(log);
            } else if (op < 75) {
                edit(pick(calls));
            } else if (op < 83) {
                delete(pick(calls));
            } else if (op < 91) {
                String raw = number();
                ctx.callService().attachToClient(ctx.phones().normalizeOrDigits(raw), raw, pick(clients), pick(users));
            } else if (op < 95) {
                String raw = number();
                ctx.callService().putOnList(ctx.phones().normalizeOrDigits(raw), raw, PhoneListKind.SPAM, null, pick(users));
            } else {
                ctx.missedCalls().backfill();
            }
        }
        compareEverything(30);
    }

    @Test
    @Order(2)
    void aRebuildFindsNothingToRepair() {
        DealTotals.Rebuild r = totals.rebuild(step -> { });
        assertThat(r.wasBuilt()).isTrue();
        assertThat(r.repaired()).isZero();
        assertThat(r.rows()).isPositive();
        compareEverything(10);
    }

    @Test
    @Order(3)
    void anotherWindowCountsTheRecordsUntilRebuilt() {
        ctx.settings().put(CallTotals.WINDOW_SETTING, "5");
        ReportScope s = new ReportScope(ReportFilter.period(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 12, 31)), ZONE);
        assertThat(figures.fromTotals(s)).isFalse();
        assertThat(totals.current()).isFalse();
        for (int i = 0; i < 20; i++) {
            logCall();
        }
        assertThat(totals.rebuild(step -> { }).repaired()).as("another window is a build, not a repair").isZero();
        assertThat(figures.fromTotals(s)).isTrue();
        compareEverything(10);
    }

    @Test
    @Order(4)
    void aRowChangedBehindTheTotalsIsFoundAndRepaired() {
        ctx.database().dsl().update(org.deskcrm.persistence.jooq.Tables.CALL_TOTAL)
                .set(org.deskcrm.persistence.jooq.Tables.CALL_TOTAL.CALL_COUNT,
                        org.deskcrm.persistence.jooq.Tables.CALL_TOTAL.CALL_COUNT.plus(1))
                .where(org.deskcrm.persistence.jooq.Tables.CALL_TOTAL.DAY_NO.lt(1_000_000)).execute();
        long months = ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.CALL_TOTAL,
                org.deskcrm.persistence.jooq.Tables.CALL_TOTAL.DAY_NO.lt(1_000_000));
        assertThat(totals.rebuild(step -> { }).repaired()).isEqualTo((int) months);
        compareEverything(5);
    }

    // ------------------------------------------------------------------ changes

    /** One of 12 numbers: few enough that a caller's calls often fall within each other's window. */
    private String number() {
        return "+7 900 100-20-" + (10 + rnd.nextInt(12));
    }

    private Instant past() {
        return clock.instant().minus(Duration.ofMinutes(rnd.nextInt(0, 20 * 24 * 60)));
    }

    private Call draft(String externalKey) {
        CallDirection dir = rnd.nextInt(10) == 0 ? CallDirection.INTERNAL : rnd.nextBoolean() ? CallDirection.IN : CallDirection.OUT;
        CallStatus status = CallStatus.values()[rnd.nextInt(CallStatus.values().length)];
        String raw = number();
        return new Call(null, dir, status, past(), rnd.nextInt(0, 900), raw, ctx.phones().normalizeOrDigits(raw),
                null, null, rnd.nextInt(6) == 0 ? null : pick(users), null, null, externalKey);
    }

    private void logCall() {
        calls.add(ctx.callService().log(draft(null), pick(users)).id());
    }

    /** A PBX batch: calls of several numbers at once, through the import's batch insert. */
    private void pbxBatch(CallLogRepository log) {
        List<Call> batch = new ArrayList<>();
        for (int i = rnd.nextInt(1, 15); i > 0; i--) {
            batch.add(draft("pbx-" + (++pbxKeys)));
        }
        ctx.database().inTransaction(() -> {
            for (long id : log.insertBatch(batch)) {
                calls.add(id);
            }
        });
    }

    /** A call moved in time, to another user, direction, status or duration, or to another number. */
    private void edit(long callId) {
        var dsl = ctx.database().dsl();
        PhoneCallRecord before = dsl.fetchOne(PHONE_CALL, PHONE_CALL.ID.eq(callId));
        Instant at = before.getStartedAt().toInstant();
        Instant moved = rnd.nextBoolean() ? at : at.plus(Duration.ofMinutes(rnd.nextInt(-6 * 24 * 60, 6 * 24 * 60)));
        String raw = rnd.nextInt(4) == 0 ? number() : before.getPhoneRaw();
        String norm = ctx.phones().normalizeOrDigits(raw);
        Long client = raw.equals(before.getPhoneRaw()) ? before.getClientId() : null;
        CallTotals.Reach reach = CallTotals.Reach.caller(before.getClientId(), before.getPhoneNorm(), at, at)
                .and(CallTotals.Reach.caller(client, norm, moved, moved));
        CallStatus status = CallStatus.values()[rnd.nextInt(CallStatus.values().length)];
        totals.around(reach, () -> dsl.update(PHONE_CALL)
                .set(PHONE_CALL.STARTED_AT, moved.atOffset(ZoneOffset.UTC))
                .set(PHONE_CALL.PHONE_RAW, raw).set(PHONE_CALL.PHONE_NORM, norm).set(PHONE_CALL.CLIENT_ID, client)
                .set(PHONE_CALL.STATUS_CODE, rnd.nextBoolean() ? before.getStatusCode() : status.code())
                .set(PHONE_CALL.USER_ID, rnd.nextInt(3) == 0 ? pick(users) : before.getUserId())
                .set(PHONE_CALL.DURATION_SEC, rnd.nextInt(0, 900))
                .where(PHONE_CALL.ID.eq(callId)).execute());
    }

    private void delete(long callId) {
        var dsl = ctx.database().dsl();
        PhoneCallRecord before = dsl.fetchOne(PHONE_CALL, PHONE_CALL.ID.eq(callId));
        Instant at = before.getStartedAt().toInstant();
        totals.around(CallTotals.Reach.caller(before.getClientId(), before.getPhoneNorm(), at, at), () -> {
            dsl.update(org.deskcrm.persistence.jooq.Tables.MISSED_CALL)
                    .setNull(org.deskcrm.persistence.jooq.Tables.MISSED_CALL.RESOLVED_BY_CALL_ID)
                    .where(org.deskcrm.persistence.jooq.Tables.MISSED_CALL.RESOLVED_BY_CALL_ID.eq(callId)).execute();
            dsl.deleteFrom(PHONE_CALL).where(PHONE_CALL.ID.eq(callId)).execute();
        });
        calls.remove(callId);
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    // ------------------------------------------------------------------ comparison

    /** The calls report (every cell, day and week grains) and the activity report's call counts, both ways. */
    private void compareEverything(int filters) {
        LocalDate first = LocalDate.ofInstant(START, ZONE).minusDays(30);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, LocalDate.ofInstant(clock.instant(), ZONE)) + 10;
        for (int i = 0; i < filters; i++) {
            LocalDate from = first.plusDays(rnd.nextInt(days));
            LocalDate to = rnd.nextInt(3) == 0 ? from.plusDays(rnd.nextInt(10)) : from.plusDays(rnd.nextInt(400));
            if (rnd.nextInt(3) == 0) {
                from = from.withDayOfMonth(1);
            }
            int people = rnd.nextInt(4);
            ReportFilter f = new ReportFilter(from, to, null, people == 1 ? pick(users) : null,
                    people == 2 ? pick(teams) : null, null, null).withGrain(rnd.nextBoolean() ? Grain.DAY : Grain.WEEK);
            ReportScope s = new ReportScope(f, ZONE);
            assertThat(figures.fromTotals(s)).isTrue();
            ReportTable fromTotals = report.run(f, s, true);
            ReportTable recorded = report.run(f, s, false);
            assertThat(cells(fromTotals)).as("calls report, %s", f).isEqualTo(cells(recorded));
            assertThat(fromTotals.rows()).as("some calls in most periods").isNotNull();
            assertThat(users(figures.byUserFromTotals(s))).as("activity calls, %s", f)
                    .isEqualTo(users(figures.byUserRecorded(s)));
            var activity = new org.deskcrm.persistence.report.ActivityFigures(ctx.database());
            var outgoing = org.deskcrm.persistence.report.ActivityFigures.Kind.OUTGOING_CALLS;
            assertThat(tallies(activity.byUser(outgoing, s))).as("outgoing calls of the rating, %s", f)
                    .isEqualTo(tallies(activity.recorded(outgoing, s)));
            var spans = new org.deskcrm.persistence.report.SpanFigures(ctx.database());
            List<LocalDate> cuts = new ArrayList<>();
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getDayOfMonth() == 1 || rnd.nextInt(15) == 0) {
                    cuts.add(d);
                }
            }
            assertThat(buckets(spans.activity(outgoing, s, cuts))).as("outgoing calls of plan vs fact, cuts %s, %s", cuts, f)
                    .isEqualTo(buckets(spans.recorded(outgoing, s, cuts)));
        }
    }

    private static Map<String, Long> buckets(List<org.deskcrm.persistence.report.SpanFigures.Cell> list) {
        Map<String, Long> m = new TreeMap<>();
        list.forEach(c -> m.merge(c.bucket() + "/" + c.userId(), c.count(), Long::sum));
        return m;
    }

    private static Map<String, Long> tallies(List<org.deskcrm.model.report.Tally> list) {
        Map<String, Long> m = new TreeMap<>();
        list.forEach(t -> m.put(String.valueOf(t.key()), t.count()));
        return m;
    }

    private static Map<String, String> cells(ReportTable t) {
        Map<String, String> m = new TreeMap<>();
        for (org.deskcrm.model.report.Row r : t.rows()) {
            m.put(r.key(), r.values().toString());
        }
        m.put("totals", t.totals().values().toString());
        return m;
    }

    private static Map<String, String> users(List<CallFigures.UserCalls> list) {
        Map<String, String> m = new TreeMap<>();
        for (CallFigures.UserCalls u : list) {
            if (u.outgoing() != 0 || u.answered() != 0) {
                m.put(String.valueOf(u.userId()), u.outgoing() + " / " + u.answered());
            }
        }
        return m;
    }
}
