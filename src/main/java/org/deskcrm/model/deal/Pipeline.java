package org.deskcrm.model.deal;

import java.util.List;
import java.util.Optional;

/** A pipeline with its stages in order. */
public record Pipeline(Long id, String code, String name, int order, boolean active, List<Stage> stages) {
    public Pipeline {
        stages = List.copyOf(stages);
    }

    public Stage firstOpenStage() {
        return stages.stream().filter(s -> s.kind() == StageKind.OPEN).findFirst()
                .orElseThrow(() -> new IllegalStateException("pipeline " + code + " has no open stage"));
    }

    public Optional<Stage> stage(long stageId) {
        return stages.stream().filter(s -> s.id() != null && s.id() == stageId).findFirst();
    }

    public Stage stageOfKind(StageKind kind) {
        return stages.stream().filter(s -> s.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("pipeline " + code + " has no " + kind + " stage"));
    }
}
