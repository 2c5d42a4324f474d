package org.deskcrm.model.io;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal read from a file: its client (optional), contact, owner, pipeline and stage resolved by name;
 * {@code productId} (optional) becomes one deal line of quantity 1 for the deal's amount;
 * {@code createdAt} dates the deal, {@code closedAt} (won and lost deals) the day it was won or lost;
 * {@code lostReasonId}, or {@code newLostReason} (a name to create, when the settings create missing
 * names); {@code externalId} is the source system's key; {@code history} the stage history to write,
 * oldest first (the synthetic one of ADR 0005, or one read from a history file), never empty, its last
 * entry at {@code stageId}.
 */
public record ImportedDeal(String title, Long clientId, Long contactId, long ownerId, long pipelineId, long stageId,
                           BigDecimal amount, LocalDate expectedClose, Long sourceId, Long productId,
                           Instant createdAt, Instant closedAt, Long lostReasonId, String newLostReason,
                           String externalId, List<Entry> history) {
    /** One history row: the deal entered {@code stageId} at {@code at}, moved by {@code byUserId} (null: the importer). */
    public record Entry(long stageId, Instant at, Long byUserId) {
    }

    public ImportedDeal {
        history = List.copyOf(history);
    }

    /** The deal with its lost reason id resolved (a name created while writing). */
    public ImportedDeal withLostReason(Long id) {
        return new ImportedDeal(title, clientId, contactId, ownerId, pipelineId, stageId, amount, expectedClose,
                sourceId, productId, createdAt, closedAt, id, null, externalId, history);
    }
}
