package org.deskcrm.service.report;

import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.report.HistoryQueries.Cycle;
import org.deskcrm.persistence.report.HistoryQueries.Stay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Velocity and cycle: for each stage of the pipeline, the stays that ended within the period and
 * their average and median length in days; then the sales cycle (created → won) of the deals won
 * in the period (the revenue rule's deals), as the row {@code cycle}.
 */
public final class VelocityReport implements Report {
    public static final String NAME = "velocity";
    public static final String CYCLE = "cycle";
    private static final BigDecimal DAY = BigDecimal.valueOf(86_400);
    private final ReportSupport support;

    public VelocityReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReportTable run(ReportFilter filter) {
        ReportFilter f = support.withPipeline(filter);
        ReportScope s = support.scope(f);
        List<Stay> stays = support.history.staysEnded(s);
        TableBuilder t = new TableBuilder(NAME, f, Column.text("stage"), Column.count("deals").notSummable(),
                Column.number("avg_days"), Column.number("median_days"));
        for (Stage st : support.lookups.stagesOf(f.pipelineId())) {
            List<BigDecimal> days = stays.stream().filter(x -> x.stageId() == st.id())
                    .map(x -> days(x.entered(), x.left())).toList();
            t.row(st.id().toString(), st.name(), (long) days.size(), avg(days), median(days));
        }
        List<BigDecimal> cycle = support.history.wonCycles(s).stream().map(c -> days(c.created(), c.won())).toList();
        t.row(CYCLE, CYCLE, (long) cycle.size(), avg(cycle), median(cycle));
        return t.build();
    }

    static BigDecimal days(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).getSeconds()).divide(DAY, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal avg(List<BigDecimal> v) {
        if (v.isEmpty()) {
            return null;
        }
        return v.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(v.size()), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal median(List<BigDecimal> v) {
        if (v.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = v.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    @Override
    public Drill drill(ReportFilter filter, String column, String rowKey) {
        if (!"deals".equals(column) || rowKey == null || rowKey.equals(ReportTable.TOTALS)) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        ReportFilter f = support.withPipeline(filter);
        ReportScope s = support.scope(f);
        List<DrillItem> items;
        if (CYCLE.equals(rowKey)) {
            items = support.history.wonCycles(s).stream().sorted(java.util.Comparator.comparingLong(Cycle::dealId))
                    .map((Cycle c) -> new DrillItem("deal", c.dealId(), c.title(), days(c.created(), c.won()))).toList();
        } else {
            long stage = Pick.parse(rowKey).key();
            items = support.history.staysEnded(s).stream().filter(x -> x.stageId() == stage)
                    .sorted(java.util.Comparator.comparingLong(Stay::historyId))
                    .map(x -> new DrillItem("deal_stage_history", x.historyId(), "deal " + x.dealId(),
                            days(x.entered(), x.left()))).toList();
        }
        return ReportSupport.drill(NAME, column, rowKey, DrillKind.COUNT, items);
    }
}
