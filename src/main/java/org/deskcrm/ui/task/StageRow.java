package org.deskcrm.ui.task;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TemplateStage;

/**
 * One stage being edited: its title, the offset in days after the period start (as typed), and an
 * optional kind (null = the template's). {@code id} is null for a stage not saved yet.
 */
public final class StageRow {
    private final Long id;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty offset = new SimpleStringProperty("0");
    private final ObjectProperty<TaskKind> kind = new SimpleObjectProperty<>();

    public StageRow(Long id, String title, int offsetDays, TaskKind kind) {
        this.id = id;
        this.title.set(title);
        this.offset.set(String.valueOf(offsetDays));
        this.kind.set(kind);
    }

    static StageRow of(TemplateStage s) {
        return new StageRow(s.id(), s.title(), s.offsetDays(), s.kind());
    }

    public Long id() {
        return id;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty offsetProperty() {
        return offset;
    }

    public ObjectProperty<TaskKind> kindProperty() {
        return kind;
    }

    /** The offset as a number, or null when it is not a whole number. */
    Integer offsetDays() {
        String s = offset.get() == null ? "" : offset.get().strip();
        return s.matches("-?\\d{1,5}") ? Integer.valueOf(s) : null;
    }

    TemplateStage toStage(int order) {
        Integer days = offsetDays();
        return new TemplateStage(id, order, title.get() == null ? "" : title.get(), days == null ? 0 : days,
                kind.get());
    }
}
