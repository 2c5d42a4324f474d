package org.deskcrm.service.imports;

import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.io.ImportedDeal.Entry;
import org.deskcrm.persistence.imports.ImportLookupRepository.StageStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage history an imported deal gets when no history file is given (ADR 0005): the deal enters
 * the pipeline's open stages in order at its creation, up to the stage it is at (open deal), every open
 * stage (won deal) or the stage it was lost at (lost deal; without one, the first open stage), and
 * then, for a won or lost deal, its won or lost stage at its close. So the funnel counts it as having
 * reached each stage up to there, velocity sees its whole cycle in its last open stage, and the lost
 * report finds the stage it was lost at as the from-stage of its last row.
 */
final class SyntheticHistory {
    private SyntheticHistory() {
    }

    /**
     * @param pipeline the stages of the deal's pipeline in order
     * @param stage    the deal's stage now
     * @param lostAt   the open stage a lost deal was lost at, or null
     */
    static List<Entry> of(List<StageStep> pipeline, StageStep stage, StageStep lostAt, Instant created, Instant closed) {
        List<StageStep> open = pipeline.stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        StageStep last = switch (stage.kind()) {
            case OPEN -> stage;
            case WON -> open.isEmpty() ? null : open.get(open.size() - 1);
            case LOST -> lostAt != null ? lostAt : open.isEmpty() ? null : open.get(0);
        };
        List<Entry> h = new ArrayList<>();
        if (last != null) {
            for (StageStep s : open) {
                if (s.order() < last.order() && s.id() != last.id()) {
                    h.add(new Entry(s.id(), created, null));
                }
            }
            h.add(new Entry(last.id(), created, null));
        }
        if (stage.kind() != StageKind.OPEN) {
            h.add(new Entry(stage.id(), closed, null));
        }
        return h;
    }
}
