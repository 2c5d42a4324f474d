package org.deskcrm.ui.imports;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.model.io.RefKind;

import java.util.List;

/**
 * One name of the file that matched nothing, the closest known names (best first, shown as a hint and
 * offered first) and the known name the user maps it to.
 */
public final class ValueChoice {
    private final RefKind kind;
    private final String fileValue;
    private final List<String> choices;
    private final List<String> suggested;
    private final StringProperty mapped = new SimpleStringProperty();

    ValueChoice(RefKind kind, String fileValue, List<String> choices, List<String> suggested, String current) {
        this.kind = kind;
        this.fileValue = fileValue;
        this.suggested = List.copyOf(suggested);
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(suggested);
        all.addAll(choices);
        this.choices = List.copyOf(all);
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

    /** The closest known names (empty when none is close). */
    public List<String> suggested() {
        return suggested;
    }

    public StringProperty mappedProperty() {
        return mapped;
    }
}
