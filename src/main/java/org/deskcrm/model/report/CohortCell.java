package org.deskcrm.model.report;

import java.math.BigDecimal;

/** Cohort deals grouped by the highest stage order their history reached and their current stage. */
public record CohortCell(int reachedOrder, long stageId, long count, BigDecimal amount) {
}
