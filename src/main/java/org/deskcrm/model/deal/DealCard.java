package org.deskcrm.model.deal;

import java.util.List;

/** Everything the deal card shows: the deal, its product lines and its stage history (oldest first). */
public record DealCard(Deal deal, List<DealLine> lines, List<StageChange> history) {
    public DealCard {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }
}
