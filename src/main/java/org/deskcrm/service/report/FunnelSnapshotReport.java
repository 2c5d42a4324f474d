package org.deskcrm.service.report;

import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Tally;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Funnel (snapshot): where every deal of the pipeline stood at the end of the filter's last day,
 * read from the stage history (the stage it had entered and not yet left, with the amount it had
 * then). Every stage is a row, open, won and lost alike; the total is every deal that existed then.
 */
public final class FunnelSnapshotReport implements Report {
    public static final String NAME = "funnel-snapshot";
    private final ReportSupport support;

    public FunnelSnapshotReport(ReportSupport support) {
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
        Map<Long, Tally> byStage = new HashMap<>();
        support.funnel.snapshot(s, at(s)).forEach(t -> byStage.put(t.key(), t));
        TableBuilder t = new TableBuilder(NAME, f, Column.text("stage"), Column.text("kind"), Column.count("deals"),
                Column.money("amount"));
        for (Stage st : support.lookups.stagesOf(f.pipelineId())) {
            Tally x = byStage.getOrDefault(st.id(), new Tally(st.id(), 0, BigDecimal.ZERO));
            t.row(st.id().toString(), st.name(), st.kind().code(), x.count(), x.amount());
        }
        t.summary("as_of", f.to());
        return t.build();
    }

    /** The end of the filter's last day in the business time zone. */
    private static Instant at(ReportScope s) {
        return s.end();
    }

    @Override
    public Drill drill(ReportFilter filter, String column, String rowKey) {
        ReportFilter f = support.withPipeline(filter);
        ReportScope s = support.scope(f);
        if (!Set.of("deals", "amount").contains(column) || rowKey == null) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        return ReportSupport.drill(NAME, column, rowKey, column.equals("amount") ? DrillKind.SUM : DrillKind.COUNT,
                support.funnel.snapshotDrill(s, at(s), Pick.parse(rowKey)));
    }
}
