package org.deskcrm.service.demo;

import java.time.Duration;
import java.util.Map;

/** What the generator wrote (rows per table) and how long it took. */
public record DemoResult(Map<String, Long> rows, Duration elapsed) {
    public DemoResult {
        rows = Map.copyOf(rows);
    }
}
