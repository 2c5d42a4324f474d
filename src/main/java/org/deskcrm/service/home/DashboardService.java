package org.deskcrm.service.home;

import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.PeriodPreset.Range;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.service.control.ControlService;
import org.deskcrm.service.report.FunnelCohortReport;
import org.deskcrm.service.report.PlanFactReport;
import org.deskcrm.service.report.ReportCatalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the home dashboard, read from the reports themselves (one source of truth: a tile
 * shows exactly the cell its report shows for the same filter) and from the control indicators.
 * Runs under the signed-in person's visibility like every report, so a manager's home shows the
 * manager's own figures. One {@link Snapshot} per refresh computes each report and period once.
 */
public final class DashboardService {
    /** How many months a trend line shows, the period's own month last. */
    public static final int TREND_MONTHS = 6;

    private final ReportCatalog reports;
    private final ControlService control;

    public DashboardService(ReportCatalog reports, ControlService control) {
        this.reports = reports;
        this.control = control;
    }

    /**
     * One tile's content: the figure, its plan (if a goal exists), its change against the previous period (null
     * where none applies) and the trend.
     */
    public record Figure(HomeTile tile, BigDecimal value, BigDecimal plan, Change change,
                         List<BigDecimal> trend, boolean trendUnderWay, ReportFilter filter) {
    }

    /**
     * A figure against the previous period (ADR 0033): {@code now} is the figure of the period, {@code before} that of
     * the period just before of the same shape. While the period is under way, both are of the same stretch —
     * {@code now} up to today, {@code before} the previous period's first days as far in ({@code sameDays}; a month
     * on its 7th against the previous month's 1st–7th) — so a month that has just begun is not shown as a fall.
     */
    public record Change(BigDecimal now, BigDecimal before, Range beforeRange, boolean sameDays) {
    }

    /** One step of the small funnel: a stage, the deals of the period that reached it, their amount there. */
    public record FunnelStep(String stage, long reached, BigDecimal amount) {
    }

    /** One month of the revenue chart. */
    public record Month(LocalDate start, BigDecimal revenue) {
    }

    /**
     * A refresh of the dashboard: computes each (report, period) once however many tiles read it.
     * {@code controlManager}: whose control indicators are counted (the control section's own rule: a
     * manager's own records; null for the whole visible company).
     */
    public Snapshot snapshot(Range period, Long controlManager) {
        return new Snapshot(period, controlManager);
    }

    public final class Snapshot {
        private final Range period;
        private final Long controlManager;
        private final Map<String, ReportTable> tables = new HashMap<>();
        private LocalDate today;

        private Snapshot(Range period, Long controlManager) {
            this.period = period;
            this.controlManager = controlManager;
        }

        public Range period() {
            return period;
        }

        /**
         * The tile's figure for the period alone (no plan, previous period or trend yet): one report run, so
         * a screen can show every number before it computes the trends. {@link #figure} then reuses the run.
         */
        public Figure value(HomeTile tile) {
            ReportFilter filter = ReportFilter.period(period.from(), period.to());
            if (tile.indicator().isPresent()) {
                return figure(tile);
            }
            return new Figure(tile, read(tile, period), null, null, List.of(), false, filter);
        }

        /** Whether {@link #value} already gave the whole tile (an indicator, a figure without a period). */
        public boolean complete(HomeTile tile) {
            return tile.indicator().isPresent() || !tile.periodic();
        }

        /** The tile's figure for the period, with plan, previous period and trend where they apply. */
        public Figure figure(HomeTile tile) {
            ReportFilter filter = ReportFilter.period(period.from(), period.to());
            if (tile.indicator().isPresent()) {
                int n = control.count(tile.indicator().get(), controlManager);
                return new Figure(tile, BigDecimal.valueOf(n), null, null, List.of(), false, filter);
            }
            BigDecimal value = read(tile, period);
            if (!tile.periodic()) {
                return new Figure(tile, value, null, null, List.of(), false, filter);
            }
            LocalDate last = lastMonthDay();
            List<BigDecimal> trend = new ArrayList<>();
            for (Range m : months(last, TREND_MONTHS)) {
                trend.add(read(tile, m));
            }
            boolean underWay = !today().isBefore(last.withDayOfMonth(1))
                    && today().isBefore(last.withDayOfMonth(last.lengthOfMonth()));
            return new Figure(tile, value, plan(tile), change(tile, value), trend, underWay, filter);
        }

        /**
         * A day of the last month the trend and the revenue chart show: the period's last day, or today while the
         * period is under way — months still to come hold no figures yet (ADR 0033).
         */
        private LocalDate lastMonthDay() {
            return period.soFar(today()).isPresent() ? today() : period.to();
        }

        private Change change(HomeTile tile, BigDecimal value) {
            LocalDate today = today();
            java.util.Optional<Range> soFar = period.soFar(today);
            if (soFar.isEmpty()) {
                Range before = period.previous();
                return new Change(value, read(tile, before), before, false);
            }
            Range before = period.previousSoFar(today).orElseThrow();
            return new Change(read(tile, soFar.get()), read(tile, before), before, true);
        }

        private LocalDate today() {
            if (today == null) {
                today = reports.support().today();
            }
            return today;
        }

        /** The funnel of the deals created in the period (the report's default pipeline). */
        public List<FunnelStep> funnel() {
            ReportTable t = table(FunnelCohortReport.NAME, period);
            List<FunnelStep> steps = new ArrayList<>();
            int stage = t.index("stage");
            int kind = t.index("kind");
            int reached = t.index("reached");
            int amount = t.index("amount");
            for (Row r : t.rows()) {
                Object k = r.values().get(kind);
                if (r.values().get(reached) != null && !StageKind.LOST.code().equals(k)) {
                    steps.add(new FunnelStep(String.valueOf(r.values().get(stage)),
                            ((Number) r.values().get(reached)).longValue(), decimal(r.values().get(amount))));
                }
            }
            return steps;
        }

        /** Revenue of each of the last {@code count} months up to the period's last month. */
        public List<Month> revenueByMonth(int count) {
            List<Month> out = new ArrayList<>();
            for (Range m : months(lastMonthDay(), count)) {
                out.add(new Month(m.from(), read(HomeTile.REVENUE, m)));
            }
            return out;
        }

        private BigDecimal read(HomeTile tile, Range range) {
            ReportTable t = table(tile.report().orElseThrow(), range);
            Object v = tile.fromSummary() ? t.summary().get(tile.figure()) : t.value(ReportTable.TOTALS, tile.figure());
            return decimal(v);
        }

        /**
         * The target of the period's goals for the tile's metric: the managers' goals, or the teams' when
         * no manager has one (a team goal stands beside its managers' goals, never added to them).
         */
        private BigDecimal plan(HomeTile tile) {
            String metric = switch (tile) {
                case REVENUE -> "revenue";
                case WON_DEALS -> "won_deals";
                default -> null;
            };
            if (metric == null) {
                return null;
            }
            ReportTable t = table(PlanFactReport.NAME, period);
            BigDecimal managers = null;
            BigDecimal teams = null;
            for (Row r : t.rows()) {
                if (!metric.equals(r.values().get(t.index("metric")))) {
                    continue;
                }
                LocalDate start = (LocalDate) r.values().get(t.index("period_start"));
                LocalDate end = (LocalDate) r.values().get(t.index("period_end"));
                if (start.isBefore(period.from()) || end.isAfter(period.to())) {
                    continue; // a goal of a longer period is not this period's plan
                }
                BigDecimal target = decimal(r.values().get(t.index("target")));
                if ("team".equals(r.values().get(t.index("owner_kind")))) {
                    teams = teams == null ? target : teams.add(target);
                } else {
                    managers = managers == null ? target : managers.add(target);
                }
            }
            return managers != null ? managers : teams;
        }

        private ReportTable table(String report, Range range) {
            return tables.computeIfAbsent(report + "|" + range.from() + "|" + range.to(),
                    k -> reports.get(report).run(ReportFilter.period(range.from(), range.to())));
        }
    }

    /** The {@code count} calendar months ending with the month of {@code last}, oldest first. */
    static List<Range> months(LocalDate last, int count) {
        LocalDate first = last.withDayOfMonth(1).minusMonths(count - 1L);
        List<Range> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate start = first.plusMonths(i);
            out.add(new Range(start, start.plusMonths(1).minusDays(1)));
        }
        return out;
    }

    private static BigDecimal decimal(Object v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Number n) {
            return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
        }
        throw new IllegalStateException("not a number: " + v);
    }
}
