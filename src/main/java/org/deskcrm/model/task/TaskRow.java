package org.deskcrm.model.task;

/** A task with the names its list shows. */
public record TaskRow(Task task, String clientName, String assigneeName, String dealTitle) {
}
