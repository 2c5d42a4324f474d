package org.deskcrm.model.control;

import java.time.Instant;
import java.util.List;

/**
 * One record behind an indicator: which record ({@code entity} "deal", "task", "call", "client" and its
 * id), what to show ({@code title}), why ({@code reasonKey} + {@code reasonArgs}, localized by the UI),
 * the client it belongs to (to open its card), its responsible manager and the relevant moment.
 */
public record ControlItem(ControlIndicator indicator, String entity, long id, String title, Long clientId,
                          String managerName, Instant since, String reasonKey, List<Object> reasonArgs) {
    public ControlItem {
        reasonArgs = List.copyOf(reasonArgs);
    }
}
