package org.deskcrm.model.task;

import java.time.Instant;

/** A task or reminder; a REQUEST task sits in a team queue ({@code teamId}) until someone takes it. */
public record Task(Long id, String title, String description, TaskKind kind, TaskStatus status, Instant dueAt,
                   Instant remindAt, Long assigneeId, Long teamId, Long clientId, Long dealId, String result,
                   Integer timeSpentMin, Instant doneAt, long version) {

    public static Task draft(String title, TaskKind kind, Instant dueAt, Long assigneeId) {
        return new Task(null, title, null, kind, TaskStatus.OPEN, dueAt, null, assigneeId, null, null, null, null,
                null, null, 0);
    }
}
