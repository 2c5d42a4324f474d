package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.jooq.Tables;
import org.deskcrm.persistence.report.CallFigures;
import org.deskcrm.persistence.report.FirstCallQueries;
import org.deskcrm.persistence.totals.CallTotals;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The call part of {@link TotalsBenchmark}: the calls report and the activity report's call counts over twelve
 * months without a filter, (a) from the call totals, (c) the totals rows that reads, (b) the best hand-written
 * aggregate over the call records (business-day counts in one statement, first calls with LAG/LEAD in another),
 * and the report's own queries over the records; then a call logged through the service with the totals kept
 * and without.
 */
final class CallTotalsBench {
    private CallTotalsBench() {
    }

    static void reports(AppContext ctx) {
        ZoneId zone = ctx.settings().businessZone();
        java.time.OffsetDateTime last = ctx.database().dsl().select(DSL.max(Tables.PHONE_CALL.STARTED_AT))
                .from(Tables.PHONE_CALL).fetchOne().value1();
        if (last == null) {
            System.out.println("no calls: call figures not measured");
            return;
        }
        LocalDate end = last.atZoneSameInstant(zone).toLocalDate().withDayOfMonth(1).minusDays(1);
        LocalDate start = end.plusDays(1).minusMonths(12);
        ReportScope s = new ReportScope(ReportFilter.period(start, end), zone);
        IntFunction<ReportScope> at = i -> s.over(start.minusDays(i), end.minusDays(i));
        CallFigures f = new CallFigures(ctx.database());
        FirstCallQueries first = new FirstCallQueries(ctx.database());
        int days = new CallTotals(ctx.database().dsl()).settingsBasis().windowDays();
        Duration window = Duration.ofDays(days);
        System.out.printf("calls period %s..%s: %,d calls in it; call totals readable: %s%n", start, end,
                ctx.database().dsl().fetchCount(Tables.PHONE_CALL, Tables.PHONE_CALL.STARTED_AT.ge(s.start().atOffset(ZoneOffset.UTC))
                        .and(Tables.PHONE_CALL.STARTED_AT.lt(s.end().atOffset(ZoneOffset.UTC)))), f.fromTotals(s));
        System.out.println("| figure (12 months, no filter) | (a) totals | (c) totals rows read | (b) hand-written over records | old query |");
        System.out.println("|---|---|---|---|---|");
        TotalsBenchmark.row("calls by manager and day, with first calls (calls report)", i -> f.byUserAndDayFromTotals(at.apply(i)),
                ctx.database().dsl().fetchCount(Tables.CALL_TOTAL, Tables.CALL_TOTAL.DAY_NO.between(number(start), number(end))),
                hand(ctx, at, days), i -> {
                    f.byUserAndDayRecorded(at.apply(i));
                    return first.answeredIncoming(at.apply(i), window);
                });
        TotalsBenchmark.row("calls by manager (activity report)", i -> f.byUserFromTotals(at.apply(i)),
                ctx.database().dsl().fetchCount(Tables.CALL_TOTAL, period(Tables.CALL_TOTAL.DAY_NO, start, end)),
                handByUser(ctx, at), i -> f.byUserRecorded(at.apply(i)));
    }

    /** The calls report over the records as a competent SQL writer would write it: two statements. */
    private static IntFunction<Object> hand(AppContext ctx, IntFunction<ReportScope> at, int windowDays) {
        String z = at.apply(0).zone().getId();
        String day = "(extract(year from (%1$s at time zone '%2$s')) * 10000 + extract(month from (%1$s at time zone '%2$s')) * 100"
                + " + extract(day from (%1$s at time zone '%2$s')))";
        String cday = String.format(day, "c.started_at", z);
        String counts = "select c.user_id, " + cday + ", c.direction, c.status_code, count(*), sum(c.duration_sec),"
                + " count(m.resolved_at) from phone_call c left join missed_call m on m.call_id = c.id"
                + " where c.started_at >= ? and c.started_at < ? group by c.user_id, " + cday + ", c.direction, c.status_code";
        String w = "interval '" + windowDays + "' day";
        String xday = String.format(day, "x.at", z);
        String fcr = "select x.uid, " + xday + ", count(*), count(case when x.nxt is null or x.nxt >= x.at + " + w + " then 1 end)"
                + " from (select c.user_id uid, c.started_at at, c.direction dir, c.status_code st,"
                + " lag(c.started_at) over (partition by c.client_id, case when c.client_id is null then c.phone_norm end"
                + " order by c.started_at, c.id) prv,"
                + " lead(c.started_at) over (partition by c.client_id, case when c.client_id is null then c.phone_norm end"
                + " order by c.started_at, c.id) nxt"
                + " from phone_call c where c.started_at >= ? and c.started_at < ? and c.direction <> 'internal') x"
                + " where x.at >= ? and x.at < ? and x.dir = 'in' and x.st = 'answered'"
                + " and (x.prv is null or x.prv <= x.at - " + w + ") group by x.uid, " + xday;
        return i -> {
            ReportScope s = at.apply(i);
            Instant a = s.start();
            Instant b = s.end();
            Duration win = Duration.ofDays(windowDays);
            return read(ctx, counts, a, b) + read(ctx, fcr, a.minus(win), b.plus(win), a, b);
        };
    }

    private static IntFunction<Object> handByUser(AppContext ctx, IntFunction<ReportScope> at) {
        String sql = "select c.user_id, count(case when c.direction = 'out' then 1 end),"
                + " count(case when c.status_code = 'answered' then 1 end) from phone_call c"
                + " where c.started_at >= ? and c.started_at < ? group by c.user_id";
        return i -> read(ctx, sql, at.apply(i).start(), at.apply(i).end());
    }

    /** Runs the statement over plain JDBC with the instants bound in order, reading every row; returns the rows. */
    static int read(AppContext ctx, String sql, Instant... params) {
        try (Connection c = ctx.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int p = 0; p < params.length; p++) {
                ps.setObject(p + 1, params[p].atOffset(ZoneOffset.UTC));
            }
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A call logged by hand through the service (matching, missed-call control, audit), totals kept and not. */
    static void writes(AppContext ctx) {
        CallTotals totals = new CallTotals(ctx.database().dsl());
        SplittableRandom rnd = new SplittableRandom(11);
        List<String> numbers = ctx.database().dsl().select(Tables.PHONE_CALL.PHONE_RAW).from(Tables.PHONE_CALL)
                .where(Tables.PHONE_CALL.DIRECTION.ne("internal")).limit(500).fetch(Tables.PHONE_CALL.PHONE_RAW);
        Long user = ctx.database().dsl().select(Tables.APP_USER.ID).from(Tables.APP_USER).limit(1).fetchOne(Tables.APP_USER.ID);
        Instant now = ctx.clock().instant();
        // four rounds, the order alternating (kept first, then not kept first): the first of a pair runs on
        // caches the other warmed less, and round 0 warms the JIT for both
        for (int round = 0; round < 4; round++) {
            for (boolean kept : round % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                if (kept) {
                    totals.rebuild(step -> { });
                } else {
                    totals.invalidate();
                }
                double[] ms = new double[300];
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < ms.length; i++) {
                    Call draft = new Call(null, rnd.nextBoolean() ? CallDirection.IN : CallDirection.OUT,
                            rnd.nextBoolean() ? CallStatus.ANSWERED : CallStatus.MISSED,
                            now.minus(Duration.ofMinutes(rnd.nextInt(1, 60 * 24 * 30))), rnd.nextInt(0, 600),
                            numbers.get(rnd.nextInt(numbers.size())), null, null, null, user, null, null, null);
                    long t0 = System.nanoTime();
                    ids.add(ctx.callService().log(draft, user).id());
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("round %d, call logged through the service, call totals %s: median %.2f ms, p95 %.2f ms%n",
                        round, kept ? "kept" : "not kept", ms[ms.length / 2], ms[ms.length * 95 / 100]);
            }
        }
        totals.rebuild(step -> { });
    }

    /** Month rows of the whole months of [from, to] and day rows of the partial ones (as the reports read). */
    static Condition period(Field<Integer> dayNo, LocalDate from, LocalDate to) {
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterWhole = to.plusDays(1).withDayOfMonth(1);
        if (!firstWhole.isBefore(afterWhole)) {
            return dayNo.between(number(from), number(to));
        }
        Condition c = dayNo.between(firstWhole.getYear() * 100 + firstWhole.getMonthValue(),
                afterWhole.minusMonths(1).getYear() * 100 + afterWhole.minusMonths(1).getMonthValue());
        if (from.isBefore(firstWhole)) {
            c = c.or(dayNo.between(number(from), number(firstWhole.minusDays(1))));
        }
        if (!afterWhole.isAfter(to)) {
            c = c.or(dayNo.between(number(afterWhole), number(to)));
        }
        return c;
    }

    private static int number(LocalDate d) {
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }
}
