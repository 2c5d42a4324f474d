package org.deskcrm.model.task;

import java.time.LocalDate;
import java.util.List;

/**
 * A periodic task with stages (e.g. a quarterly tax report: prepare, agree with the client, send
 * payment orders, submit, confirm). Each period generates one dated task per stage.
 */
public record TaskTemplate(Long id, String title, TaskKind kind, Recurrence recurrence, LocalDate anchorDate,
                           Long assigneeId, Long clientId, boolean active, LocalDate generatedUntil,
                           List<TemplateStage> stages, long version) {
    public TaskTemplate {
        stages = List.copyOf(stages);
    }

    public static TaskTemplate draft(String title, TaskKind kind, Recurrence recurrence, LocalDate anchor,
                                     Long assigneeId, Long clientId, List<TemplateStage> stages) {
        return new TaskTemplate(null, title, kind, recurrence, anchor, assigneeId, clientId, true, null, stages, 0);
    }
}
