package org.deskcrm.persistence.report;

import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.PIPELINE;

/** Which pipeline holds a period's data: a per-pipeline report's default when the user has chosen none. */
public class PipelineActivity {
    private final DSLContext dsl;
    private final TotalFigures totals;

    public PipelineActivity(Database db) {
        this.dsl = db.dsl();
        this.totals = new TotalFigures(dsl, new DealTotals(dsl));
    }

    /**
     * The pipeline with the most deals created plus deals closed in the months the period touches (a deal created
     * and closed in them counts twice; the filter's manager, team, source and band applied, its pipeline ignored;
     * docs/decisions/0036-the-default-pipeline-by-whole-months.md); on a tie the first by order; empty when no deal
     * moved. From the stored totals' month rows when they are readable.
     */
    public Optional<Long> busiest(ReportScope s) {
        ReportFilter f = s.filter();
        ReportFilter months = new ReportFilter(f.from().withDayOfMonth(1), f.to().withDayOfMonth(f.to().lengthOfMonth()),
                null, f.managerId(), f.teamId(), f.sourceId(), f.band());
        ReportScope any = new ReportScope(months, s.zone());
        Map<Long, Long> moves = totals.readable(any) ? totals.movesByPipeline(any) : movesRecorded(any);
        return moves.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(java.util.Comparator.comparing((Map.Entry<Long, Long> e) -> e.getValue())
                        .thenComparing(e -> -order(e.getKey())))
                .map(Map.Entry::getKey);
    }

    /** {@link #busiest}'s counts from the deal records. */
    Map<Long, Long> movesRecorded(ReportScope any) {
        Map<Long, Long> moves = new HashMap<>();
        for (Condition moved : List.of(Scopes.inPeriod(DEAL.CREATED_AT, any), Scopes.inPeriod(DEAL.CLOSED_AT, any))) {
            dsl.select(DEAL.PIPELINE_ID, DSL.count()).from(DEAL).where(moved).and(Scopes.deals(any.filter()))
                    .groupBy(DEAL.PIPELINE_ID).forEach(r -> moves.merge(r.value1(), (long) r.value2(), Long::sum));
        }
        return moves;
    }

    private int order(long pipelineId) {
        Integer o = dsl.select(PIPELINE.SORT_ORDER).from(PIPELINE).where(PIPELINE.ID.eq(pipelineId)).fetchOne(PIPELINE.SORT_ORDER);
        return o == null ? Integer.MAX_VALUE : o;
    }
}
