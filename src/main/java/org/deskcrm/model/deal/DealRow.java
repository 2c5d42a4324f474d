package org.deskcrm.model.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A deal as the board and the list show it, with the names of its client (null: a deal without a client) and owner. */
public record DealRow(long id, String title, Long clientId, String clientName, long ownerId, String ownerName,
                      long pipelineId, long stageId, BigDecimal amount, LocalDate expectedClose, int score,
                      ScoreBand band, Instant createdAt, long version) {
}
