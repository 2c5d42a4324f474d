package org.deskcrm.model.deal;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of a deal's stage history: from, to, when, who; leftAt set once the deal moved on. */
public record StageChange(long id, long dealId, Long fromStageId, long toStageId, Instant changedAt,
                          Instant leftAt, Long changedBy, BigDecimal amount) {
}
