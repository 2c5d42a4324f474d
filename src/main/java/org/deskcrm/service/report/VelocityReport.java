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
import java.util.HashMap;
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
        List<Stay> stays = support.history.staysEnded(s, stages.stream().map(Stage::id).toList(), false);
        TableBuilder t = new TableBuilder(NAME, f, Column.text("stage"), Column.count("deals").notSummable(),
                Column.number("avg_days"), Column.number("median_days"));
        Map<Long, DaySample> byStage = new HashMap<>();
        for (Stay x : stays) {
            byStage.computeIfAbsent(x.stageId(), k -> new DaySample()).add(x.entered(), x.left());
        }
        for (Stage st : stages) {
            DaySample days = byStage.getOrDefault(st.id(), new DaySample());
            t.row(st.id().toString(), st.name(), (long) days.size(), days.average(), days.median());
        }
        DaySample cycle = new DaySample();
        support.history.wonCycles(s, false).forEach(c -> cycle.add(c.created(), c.won()));
        t.row(CYCLE, CYCLE, (long) cycle.size(), cycle.average(), cycle.median());
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
