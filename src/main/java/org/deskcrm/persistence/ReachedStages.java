package org.deskcrm.persistence;

import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.io.ImportedDeal;
import org.jooq.DSLContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.jooq.Tables.STAGE;

/**
 * The stages' order and kind, read once per write of imported deals, and what a deal's history reached:
 * the highest order of an open or won stage it entered ({@code deal.reached_order}, which the funnel reads).
 */
final class ReachedStages {
    private record StageInfo(int order, StageKind kind) {
    }

    private final Map<Long, StageInfo> stages = new HashMap<>();

    ReachedStages(DSLContext dsl) {
        dsl.select(STAGE.ID, STAGE.SORT_ORDER, STAGE.KIND_CODE).from(STAGE)
                .forEach(r -> stages.put(r.value1(), new StageInfo(r.value2(), StageKind.ofCode(r.value3()))));
    }

    int of(ImportedDeal d) {
        return of(d.history());
    }

    /** The highest order of an open or won stage the history entered (0: none). */
    int of(List<ImportedDeal.Entry> history) {
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
}
