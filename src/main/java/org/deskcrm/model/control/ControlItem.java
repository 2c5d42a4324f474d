package org.deskcrm.model.control;

import java.time.Instant;
import java.util.List;

/**
 * One record behind an indicator: which record ({@code entity} "deal", "task", "call", "client" and its
 * id), what to show ({@code title}), why ({@code reasonKey} + {@code reasonArgs}, localized by the UI),
 * the client it belongs to (to open its card), its responsible manager and the relevant moment; for a
 * suspected duplicate, {@code otherClientId} is the client it resembles (the two can be merged), else null.
 */
public record ControlItem(ControlIndicator indicator, String entity, long id, String title, Long clientId,
                          String managerName, Instant since, String reasonKey, List<Object> reasonArgs,
                          Long otherClientId) {
    public ControlItem {
        reasonArgs = List.copyOf(reasonArgs);
    }

    public ControlItem(ControlIndicator indicator, String entity, long id, String title, Long clientId,
                       String managerName, Instant since, String reasonKey, List<Object> reasonArgs) {
        this(indicator, entity, id, title, clientId, managerName, since, reasonKey, reasonArgs, null);
    }
}
