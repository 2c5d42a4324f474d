package org.deskcrm.persistence.report;

import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.Database;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.PIPELINE;

/** Which pipeline holds a period's data: a per-pipeline report's default when the user has chosen none. */
public class PipelineActivity {
    private final DSLContext dsl;

    public PipelineActivity(Database db) {
        this.dsl = db.dsl();
    }

    /**
     * The pipeline with the most deals created or closed in the period (the filter's manager, team, source
     * and band applied, its pipeline ignored); on a tie the first by order; empty when no deal moved.
     */
    public Optional<Long> busiest(ReportScope s) {
        ReportScope any = new ReportScope(s.filter().withPipeline(null), s.zone());
        Field<Integer> n = DSL.count().as("n");
        return dsl.select(DEAL.PIPELINE_ID, n).from(DEAL)
                .where(Scopes.inPeriod(DEAL.CREATED_AT, any).or(Scopes.inPeriod(DEAL.CLOSED_AT, any)))
                .and(Scopes.deals(any.filter()))
                .groupBy(DEAL.PIPELINE_ID)
                .fetch().stream()
                .max(java.util.Comparator.comparing((org.jooq.Record2<Long, Integer> r) -> r.value2())
                        .thenComparing(r -> -order(r.value1())))
                .map(r -> r.value1());
    }

    private int order(long pipelineId) {
        Integer o = dsl.select(PIPELINE.SORT_ORDER).from(PIPELINE).where(PIPELINE.ID.eq(pipelineId)).fetchOne(PIPELINE.SORT_ORDER);
        return o == null ? Integer.MAX_VALUE : o;
    }
}
