package org.deskcrm.model.io;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal read from a file: its client, owner, pipeline and stage resolved by name; {@code productId}
 * (optional) becomes one deal line of quantity 1 for the deal's amount; {@code createdAt} dates the
 * deal and the first entry of its stage history.
 */
public record ImportedDeal(String title, long clientId, long ownerId, long pipelineId, long stageId, BigDecimal amount,
                           LocalDate expectedClose, Long sourceId, Long productId, Instant createdAt) {
}
