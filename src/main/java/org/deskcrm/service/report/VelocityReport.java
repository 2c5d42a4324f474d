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
import org.deskcrm.persistence.report.DurationFigures;
import org.deskcrm.persistence.report.HistoryQueries.Cycle;
import org.deskcrm.persistence.report.HistoryQueries.Stay;

import java.util.List;
import java.util.Map;

/**
 * Velocity and cycle: for each stage of the pipeline, the stays that ended within the period and
 * their average and median length in days; then the sales cycle (created → won) of the deals won
 * in the period (the revenue rule's deals), as the row {@code cycle}.
 */
public final class VelocityReport implements Report {
    public static final String NAME = "velocity";
    public static final String CYCLE = "cycle";
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
        List<Stage> stages = support.lookups.stagesOf(f.pipelineId());
        Map<Long, DurationFigures.Lengths> byStage = support.durations.stays(s, stages.stream().map(Stage::id).toList());
        TableBuilder t = new TableBuilder(NAME, f, Column.text("stage"), Column.count("deals").notSummable(),
                Column.number("avg_days"), Column.number("median_days"));
        for (Stage st : stages) {
            DurationFigures.Lengths days = byStage.getOrDefault(st.id(), DurationFigures.Lengths.NONE);
            t.row(st.id().toString(), st.name(), days.count(), DaySample.average(days), DaySample.median(days));
        }
        DurationFigures.Lengths cycle = support.durations.cycles(s);
        t.row(CYCLE, CYCLE, cycle.count(), DaySample.average(cycle), DaySample.median(cycle));
        return t.build();
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
            items = support.history.wonCycles(s, true).stream().sorted(java.util.Comparator.comparingLong(Cycle::dealId))
                    .map((Cycle c) -> new DrillItem("deal", c.dealId(), c.title(), DaySample.days(c.created(), c.won()))).toList();
        } else {
            long stage = Pick.parse(rowKey).key();
            boolean ofPipeline = support.lookups.stagesOf(f.pipelineId()).stream().anyMatch(st -> st.id() == stage);
            items = support.history.staysEnded(s, ofPipeline ? List.of(stage) : List.of(), true).stream()
                    .sorted(java.util.Comparator.comparingLong(Stay::historyId))
                    .map(x -> new DrillItem("deal_stage_history", x.historyId(), "deal " + x.dealId(),
                            DaySample.days(x.entered(), x.left()))).toList();
        }
        return ReportSupport.drill(NAME, column, rowKey, DrillKind.COUNT, items);
    }
}
