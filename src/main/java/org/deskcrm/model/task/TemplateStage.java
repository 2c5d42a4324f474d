package org.deskcrm.model.task;

/** One stage of a recurring template: its task is due {@code offsetDays} after the period start. */
public record TemplateStage(Long id, int order, String title, int offsetDays, TaskKind kind) {
    public static TemplateStage of(int order, String title, int offsetDays) {
        return new TemplateStage(null, order, title, offsetDays, null);
    }
}
