package org.deskcrm.ui.export;

import javafx.event.Event;
import javafx.event.EventType;
import org.deskcrm.service.export.ExportTarget;

/**
 * "Export this list": fired by a list's export button and bubbling up to the window, where the
 * {@link ExportHandler} asks for the file and runs the export in the background. Views therefore need
 * nothing but the target (the list with its current filters).
 */
public final class ExportRequest extends Event {
    public static final EventType<ExportRequest> EXPORT = new EventType<>(Event.ANY, "EXPORT_REQUEST");

    private final transient ExportTarget target;

    public ExportRequest(ExportTarget target) {
        super(EXPORT);
        this.target = target;
    }

    public ExportTarget target() {
        return target;
    }
}
