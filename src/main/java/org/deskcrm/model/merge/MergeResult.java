package org.deskcrm.model.merge;

import java.util.Map;

/**
 * What a merge did: the rows moved to the survivor per table, and the merged client's channels and tags
 * that the survivor already had (dropped as duplicates, ADR 0016).
 */
public record MergeResult(long survivorId, long mergedId, Map<String, Integer> moved, int duplicateChannels,
                          int duplicateTags) {
    public MergeResult {
        moved = Map.copyOf(moved);
    }

    public int movedTotal() {
        return moved.values().stream().mapToInt(Integer::intValue).sum();
    }
}
