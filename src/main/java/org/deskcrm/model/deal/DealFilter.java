package org.deskcrm.model.deal;

import java.time.Instant;

/**
 * Filters of the board and the list: owner, pipeline, creation period [from, to) and score band;
 * a null field does not filter.
 */
public record DealFilter(Long ownerId, Long pipelineId, Instant createdFrom, Instant createdTo, ScoreBand band) {
    public static final DealFilter ALL = new DealFilter(null, null, null, null, null);

    public static DealFilter pipeline(long pipelineId) {
        return new DealFilter(null, pipelineId, null, null, null);
    }

    public DealFilter withOwner(Long owner) {
        return new DealFilter(owner, pipelineId, createdFrom, createdTo, band);
    }

    public DealFilter withBand(ScoreBand b) {
        return new DealFilter(ownerId, pipelineId, createdFrom, createdTo, b);
    }

    public DealFilter withPeriod(Instant from, Instant to) {
        return new DealFilter(ownerId, pipelineId, from, to, band);
    }
}
