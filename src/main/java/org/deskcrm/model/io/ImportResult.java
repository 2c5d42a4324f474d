package org.deskcrm.model.io;

/**
 * What an import did (or, for a dry run, would do): rows read, records created, existing records
 * merged into, and rows skipped as duplicates; {@code millis} is the time the run took.
 */
public record ImportResult(ImportTarget target, String fileName, int rows, int created, int merged, int skipped,
                           boolean dryRun, long millis) {
}
