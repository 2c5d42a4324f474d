package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.Tally;
import org.deskcrm.model.task.Activity;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.report.ActivityFigures;
import org.deskcrm.persistence.report.SpanFigures;
import org.deskcrm.persistence.totals.ActivityTotals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.ACTIVITY_TOTAL;

/**
 * The stored activity totals never drift from the activity records: random notes through the card's timeline
 * service and random meetings and proposals through the one writer of activities, at any hour (a zone with
 * daylight saving, so that days are cut where the business zone cuts them), by any user or none. Then meetings
 * and proposals per user (the activity report, the manager rating) and by bucket of a span (plan vs fact) from
 * the totals are compared with the same figures counted from the records, for random periods, cuts, managers
 * and teams. {@code -Dtotals.drift.ops=N} makes it larger (default 400 activities).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ActivityTotalsDriftContract {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instant START = Instant.parse("2025-01-01T06:00:00Z");
    static final int OPS = Integer.getInteger("totals.drift.ops", 400);

    AppContext ctx;
    MutableClock clock;
    ActivityTotals totals;
    ActivityFigures figures;
    SpanFigures spans;
    final SplittableRandom rnd = new SplittableRandom(20261207L);
    final List<Long> users = new ArrayList<>();
    final List<Long> teams = new ArrayList<>();
    final List<Long> clients = new ArrayList<>();

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        clock = new MutableClock(START);
        ctx = new AppContext(openDatabase(), clock);
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        ctx.settings().put(SettingsRepository.BUSINESS_TIME_ZONE, ZONE.getId());
        totals = new ActivityTotals(ctx.database().dsl());
        totals.rebuild(step -> { });
        ReportData data = new ReportData(ctx);
        for (int t = 0; t < 2; t++) {
            teams.add(data.team("Team " + t));
        }
        for (int u = 0; u < 4; u++) {
            users.add(data.user("acts" + u, teams.get(u % 2)));
        }
        for (int c = 0; c < 5; c++) {
            clients.add(data.client("Client " + c, users.get(c % users.size()), START));
        }
        figures = new ActivityFigures(ctx.database());
        spans = new SpanFigures(ctx.database());
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    @Order(1)
    void randomActivitiesLeaveTheTotalsEqualToTheRecords() {
        for (int i = 0; i < OPS; i++) {
            clock.advance(Duration.ofMinutes(rnd.nextInt(1, 20 * 60)));
            add();
        }
        assertThat(ctx.database().dsl().fetchCount(ACTIVITY_TOTAL)).as("rows kept as activities were added").isPositive();
        compareEverything(40);
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
    void anotherZoneCountsTheRecordsUntilRebuilt() {
        ctx.settings().put(SettingsRepository.BUSINESS_TIME_ZONE, "Asia/Tokyo");
        ReportScope tokyo = new ReportScope(ReportFilter.period(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 12, 31)),
                ZoneId.of("Asia/Tokyo"));
        assertThat(figures.activitiesFromTotals(tokyo)).isFalse();
        assertThat(totals.current()).isFalse();
        for (int i = 0; i < 20; i++) {
            add(); // not kept (the totals are cut in another zone), rebuilt below
        }
        ctx.settings().put(SettingsRepository.BUSINESS_TIME_ZONE, ZONE.getId());
        assertThat(totals.current()).isTrue();
        totals.rebuild(step -> { });
        compareEverything(10);
    }

    @Test
    @Order(4)
    void aRowChangedBehindTheTotalsIsFoundAndRepaired() {
        var dsl = ctx.database().dsl();
        dsl.update(ACTIVITY_TOTAL).set(ACTIVITY_TOTAL.ACTIVITY_COUNT, ACTIVITY_TOTAL.ACTIVITY_COUNT.plus(1))
                .where(ACTIVITY_TOTAL.DAY_NO.lt(1_000_000)).execute();
        long months = dsl.fetchCount(ACTIVITY_TOTAL, ACTIVITY_TOTAL.DAY_NO.lt(1_000_000));
        assertThat(totals.rebuild(step -> { }).repaired()).isEqualTo((int) months);
        compareEverything(5);
    }

    // ------------------------------------------------------------------ changes

    /** A note from the card, or a meeting or proposal at some hour of the last three weeks, by a user or none. */
    private void add() {
        int op = rnd.nextInt(10);
        if (op < 2) {
            ctx.clientTimeline().addNote(pick(clients), pick(users), "Note " + rnd.nextInt(1000));
            return;
        }
        ActivityKind kind = op < 6 ? ActivityKind.MEETING : ActivityKind.PROPOSAL;
        Instant at = clock.instant().minus(Duration.ofMinutes(rnd.nextInt(0, 21 * 24 * 60)));
        ctx.tasks().insertActivity(new Activity(null, kind, pick(clients), null, null,
                rnd.nextInt(8) == 0 ? null : pick(users), at, kind + " " + rnd.nextInt(1000), null));
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    // ------------------------------------------------------------------ comparison

    /** Meetings and proposals per user, and by bucket of a span cut at random days, from the totals and the records. */
    private void compareEverything(int filters) {
        LocalDate first = LocalDate.ofInstant(START, ZONE).minusDays(30);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, LocalDate.ofInstant(clock.instant(), ZONE)) + 10;
        boolean someCounted = false;
        for (int i = 0; i < filters; i++) {
            LocalDate from = first.plusDays(rnd.nextInt(days));
            LocalDate to = rnd.nextInt(3) == 0 ? from.plusDays(rnd.nextInt(10)) : from.plusDays(rnd.nextInt(400));
            if (rnd.nextInt(3) == 0) {
                from = from.withDayOfMonth(1);
            }
            int people = rnd.nextInt(4);
            ReportFilter f = new ReportFilter(from, to, null, people == 1 ? pick(users) : null,
                    people == 2 ? pick(teams) : null, null, null);
            ReportScope s = new ReportScope(f, ZONE);
            assertThat(figures.activitiesFromTotals(s)).isTrue();
            List<LocalDate> cuts = cuts(from, to);
            for (ActivityFigures.Kind kind : List.of(ActivityFigures.Kind.MEETINGS, ActivityFigures.Kind.PROPOSALS)) {
                Map<String, Long> kept = tallies(figures.byUser(kind, s));
                assertThat(kept).as("%s per user, %s", kind, f).isEqualTo(tallies(figures.recorded(kind, s)));
                someCounted |= !kept.isEmpty();
                assertThat(cells(spans.activity(kind, s, cuts))).as("%s by bucket, cuts %s, %s", kind, cuts, f)
                        .isEqualTo(cells(spans.recorded(kind, s, cuts)));
            }
        }
        assertThat(someCounted).as("some periods hold activities").isTrue();
    }

    /** Random cuts inside the period: month starts (as plan vs fact cuts) or any day. */
    private List<LocalDate> cuts(LocalDate from, LocalDate to) {
        List<LocalDate> cuts = new ArrayList<>();
        boolean months = rnd.nextBoolean();
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (months ? d.getDayOfMonth() == 1 : rnd.nextInt(9) == 0) {
                cuts.add(d);
            }
        }
        return cuts;
    }

    private static Map<String, Long> tallies(List<Tally> list) {
        Map<String, Long> m = new TreeMap<>();
        list.forEach(t -> m.put(String.valueOf(t.key()), t.count()));
        return m;
    }

    private static Map<String, Long> cells(List<SpanFigures.Cell> list) {
        Map<String, Long> m = new TreeMap<>();
        list.forEach(c -> m.merge(c.bucket() + "/" + c.userId(), c.count(), Long::sum));
        return m;
    }
}
