package org.deskcrm.persistence;

import org.deskcrm.model.deal.Stage;
import org.deskcrm.persistence.totals.DealReach;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.PIPELINE;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/** Administration of pipelines' stages; the service validates the resulting pipeline first. */
public class StageRepository {
    private final DSLContext dsl;
    private final DealTotals totals;

    public StageRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new DealTotals(db.dsl());
    }

    public long insert(long pipelineId, Stage s) {
        return dsl.insertInto(STAGE)
                .set(STAGE.PIPELINE_ID, pipelineId)
                .set(STAGE.NAME, s.name().strip())
                .set(STAGE.SORT_ORDER, s.order())
                .set(STAGE.KIND_CODE, s.kind().code())
                .set(STAGE.PROBABILITY, s.probability())
                .set(STAGE.MAX_DAYS, s.maxDays())
                .returning(STAGE.ID).fetchOne(STAGE.ID);
    }

    /** Writes name, kind, probability and stuck limit of an existing stage (not its order). */
    public void update(Stage s) {
        totals.aroundMany(DEAL.STAGE_ID.eq(s.id()), () -> write(s));
    }

    private void write(Stage s) {
        dsl.update(STAGE)
                .set(STAGE.NAME, s.name().strip())
                .set(STAGE.KIND_CODE, s.kind().code())
                .set(STAGE.PROBABILITY, s.probability())
                .set(STAGE.MAX_DAYS, s.maxDays())
                .set(STAGE.VERSION, STAGE.VERSION.plus(1))
                .where(STAGE.ID.eq(s.id())).execute();
    }

    /**
     * Gives the pipeline's stages the orders 10, 20, 30... in the order of {@code stageIds}. Two passes
     * (negative orders first) so the unique (pipeline, order) key never collides midway. When an order changes,
     * the pipeline's deals get their reached order again from their history (it is a stage order: "reached
     * the proposal" must still mean the proposal after the stages moved), and the totals keyed by it follow.
     */
    public void reorder(long pipelineId, List<Long> stageIds) {
        dsl.transaction(() -> {
            Map<Long, Integer> before = new HashMap<>();
            dsl.select(STAGE.ID, STAGE.SORT_ORDER).from(STAGE).where(STAGE.PIPELINE_ID.eq(pipelineId))
                    .forEach(r -> before.put(r.value1(), r.value2()));
            boolean moved = false;
            for (int i = 0; i < stageIds.size(); i++) {
                moved |= !Integer.valueOf((i + 1) * 10).equals(before.get(stageIds.get(i)));
            }
            if (!moved) {
                renumber(pipelineId, stageIds);
                return;
            }
            // orders and reached orders only: no stage, history or date of a deal changes (ADR 0035)
            totals.aroundMany(DEAL.PIPELINE_ID.eq(pipelineId), DealReach.RANKING, () -> {
                renumber(pipelineId, stageIds);
                reachedAgain(DEAL.PIPELINE_ID.eq(pipelineId));
            });
        });
    }

    private void renumber(long pipelineId, List<Long> stageIds) {
        for (int i = 0; i < stageIds.size(); i++) {
            dsl.update(STAGE).set(STAGE.SORT_ORDER, -(i + 1))
                    .where(STAGE.ID.eq(stageIds.get(i)).and(STAGE.PIPELINE_ID.eq(pipelineId))).execute();
        }
        for (int i = 0; i < stageIds.size(); i++) {
            dsl.update(STAGE).set(STAGE.SORT_ORDER, (i + 1) * 10).set(STAGE.VERSION, STAGE.VERSION.plus(1))
                    .where(STAGE.ID.eq(stageIds.get(i))).execute();
        }
    }

    /** The selected deals' reached order from their history: the highest order of an open or won stage entered. */
    private void reachedAgain(Condition deals) {
        dsl.update(DEAL).set(DEAL.REACHED_ORDER, ReachedStages.fromHistory(DEAL.ID)).where(deals).execute();
    }

    /** Whether any deal stands at or ever passed through the stage. */
    public boolean inUse(long stageId) {
        return dsl.fetchExists(DEAL, DEAL.STAGE_ID.eq(stageId))
                || dsl.fetchExists(DEAL_STAGE_HISTORY, DEAL_STAGE_HISTORY.TO_STAGE_ID.eq(stageId)
                .or(DEAL_STAGE_HISTORY.FROM_STAGE_ID.eq(stageId)));
    }

    public void delete(long stageId) {
        dsl.deleteFrom(STAGE).where(STAGE.ID.eq(stageId)).execute();
    }

    public void renamePipeline(long pipelineId, String name) {
        dsl.update(PIPELINE).set(PIPELINE.NAME, name.strip()).set(PIPELINE.VERSION, PIPELINE.VERSION.plus(1))
                .where(PIPELINE.ID.eq(pipelineId)).execute();
    }

    public int maxOrder(long pipelineId) {
        Integer m = dsl.select(DSL.max(STAGE.SORT_ORDER)).from(STAGE).where(STAGE.PIPELINE_ID.eq(pipelineId))
                .fetchOne(0, Integer.class);
        return m == null ? 0 : m;
    }
}
