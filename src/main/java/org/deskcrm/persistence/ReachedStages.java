package org.deskcrm.persistence;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.io.ImportedDeal;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/**
 * The stages' order and kind, read once per write of imported deals, and what a deal's history reached:
 * the highest order of an open or won stage it entered ({@code deal.reached_order}, which the funnel reads).
 */
public final class ReachedStages {
    private record StageInfo(int order, StageKind kind) {
    }

    private final Map<Long, StageInfo> stages = new HashMap<>();

    public ReachedStages(DSLContext dsl) {
        dsl.select(STAGE.ID, STAGE.SORT_ORDER, STAGE.KIND_CODE).from(STAGE)
                .forEach(r -> stages.put(r.value1(), new StageInfo(r.value2(), StageKind.ofCode(r.value3()))));
    }

    public int of(ImportedDeal d) {
        return of(d.history());
    }

    /** The highest order of an open or won stage the history entered (0: none). */
    public int of(List<ImportedDeal.Entry> history) {
        int reached = 0;
        for (ImportedDeal.Entry e : history) {
            StageInfo s = stages.get(e.stageId());
            if (s == null) {
                throw new AppException("imports.error.stageGone");
            }
            if (s.kind() != StageKind.LOST) {
                reached = Math.max(reached, s.order());
            }
        }
        return reached;
    }

    /**
     * A deal's reached order from its history, in SQL: the highest order of an open or won stage it entered (0:
     * none) — what {@code deal.reached_order} must hold.
     */
    public static Field<Integer> fromHistory(Field<Long> dealId) {
        org.deskcrm.persistence.jooq.tables.Stage entered = STAGE.as("entered");
        return DSL.coalesce(DSL.field(DSL.select(DSL.max(entered.SORT_ORDER)).from(DEAL_STAGE_HISTORY)
                .join(entered).on(entered.ID.eq(DEAL_STAGE_HISTORY.TO_STAGE_ID))
                .where(DEAL_STAGE_HISTORY.DEAL_ID.eq(dealId)).and(entered.KIND_CODE.ne(StageKind.LOST.code()))),
                DSL.inline(0));
    }
}
