package org.deskcrm.model.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a report filter bar offers: today's business date (the default period is its month) and the
 * names of the pipelines, managers, teams and lead sources by id, in display order.
 */
public record FilterChoices(LocalDate today, Map<Long, String> pipelines, Map<Long, String> managers,
                            Map<Long, String> teams, Map<Long, String> sources) {
    public FilterChoices {
        pipelines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pipelines));
        managers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(managers));
        teams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(teams));
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    }
}
