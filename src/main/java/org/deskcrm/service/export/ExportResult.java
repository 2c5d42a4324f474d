package org.deskcrm.service.export;

import java.nio.file.Path;
import java.time.Duration;

/** A finished export: the file written, how many rows it holds and how long it took. */
public record ExportResult(Path file, long rows, Duration elapsed) {
    public double seconds() {
        return elapsed.toMillis() / 1000.0;
    }
}
