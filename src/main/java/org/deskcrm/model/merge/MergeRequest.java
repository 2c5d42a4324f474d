package org.deskcrm.model.merge;

import java.util.EnumSet;
import java.util.Set;

/**
 * A merge of two clients: the survivor keeps its id and receives every record of the merged client, which
 * goes away. Both versions are the ones the user saw: a client changed meanwhile stops the merge.
 * {@code takeFromMerged} names the fields whose value comes from the merged client (all others keep the
 * survivor's); notes are joined when both have some (ADR 0016).
 */
public record MergeRequest(long survivorId, long survivorVersion, long mergedId, long mergedVersion,
                           Set<MergeField> takeFromMerged) {
    public MergeRequest {
        if (survivorId == mergedId) {
            throw new IllegalArgumentException("a client cannot be merged into itself");
        }
        takeFromMerged = takeFromMerged == null || takeFromMerged.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(takeFromMerged));
    }
}
