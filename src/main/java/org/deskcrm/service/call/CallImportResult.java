package org.deskcrm.service.call;

/**
 * What an import did: rows read, calls added, rows skipped because they were imported before, how
 * many new calls were matched to a card or left unknown, misses opened and misses returned.
 */
public record CallImportResult(int read, int added, int duplicates, int matched, int unknown, int missedOpened,
                               int missedReturned) {
}
