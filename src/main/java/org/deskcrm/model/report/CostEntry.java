package org.deskcrm.model.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a lead source cost over a period (both ends inclusive). */
public record CostEntry(long id, long sourceId, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount) {
}
