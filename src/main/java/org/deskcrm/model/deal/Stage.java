package org.deskcrm.model.deal;

import java.math.BigDecimal;

/** A pipeline stage: its order in the pipeline, kind, default probability (percent) and stuck limit. */
public record Stage(Long id, Long pipelineId, String name, int order, StageKind kind, BigDecimal probability,
                    Integer maxDays) {

    public static Stage draft(String name, int order, StageKind kind, int probabilityPct, Integer maxDays) {
        return new Stage(null, null, name, order, kind, BigDecimal.valueOf(probabilityPct), maxDays);
    }
}
