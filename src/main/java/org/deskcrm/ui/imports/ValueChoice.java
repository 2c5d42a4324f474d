package org.deskcrm.ui.imports;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.model.io.RefKind;

import java.util.List;

/** One name of the file that matched nothing, and the known name the user maps it to. */
public final class ValueChoice {
    private final RefKind kind;
    private final String fileValue;
    private final List<String> choices;
    private final StringProperty mapped = new SimpleStringProperty();

    ValueChoice(RefKind kind, String fileValue, List<String> choices, String current) {
        this.kind = kind;
        this.fileValue = fileValue;
        this.choices = List.copyOf(choices);
        this.mapped.set(current);
    }

    public RefKind kind() {
        return kind;
    }

    public String fileValue() {
        return fileValue;
    }

    public List<String> choices() {
        return choices;
    }

    public StringProperty mappedProperty() {
        return mapped;
    }
}
