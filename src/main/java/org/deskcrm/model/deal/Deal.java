package org.deskcrm.model.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A deal in a pipeline. Its stage changes are kept in the stage history, never overwritten. */
public record Deal(Long id, String title, Long clientId, Long contactId, long ownerId, long pipelineId,
                   long stageId, BigDecimal amount, LocalDate expectedClose, Long sourceId, int score,
                   ScoreBand band, Long lostReasonId, String lostNote, Instant createdAt, Instant stageChangedAt,
                   Instant closedAt, long version) {

    public static Deal draft(String title, Long clientId, long ownerId, long pipelineId, long stageId,
                             BigDecimal amount) {
        return new Deal(null, title, clientId, null, ownerId, pipelineId, stageId, amount, null, null, 0,
                ScoreBand.COLD, null, null, null, null, null, 0);
    }
}
