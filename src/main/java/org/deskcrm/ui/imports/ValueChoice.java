package org.deskcrm.ui.imports;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.model.io.RefKind;

import java.util.List;

/**
 * One name of the file that matched nothing, the closest known names (best first, shown as a hint and
 * offered first) and what the user decides: the known name it maps to, or (for a kind an import can
 * create: a person, team, product, lead source, lost reason) to create it; neither leaves it refused.
 */
public final class ValueChoice {
    /** A profile's value mapping that means "create this name" (the command line's {@code --values} form). */
    static final String CREATE = "*";

    private final RefKind kind;
    private final String fileValue;
    private final List<String> choices;
    private final List<String> suggested;
    private final boolean creatable;
    private final StringProperty mapped = new SimpleStringProperty();
    private final BooleanProperty create = new SimpleBooleanProperty(false);

    ValueChoice(RefKind kind, String fileValue, List<String> choices, List<String> suggested, String current,
                boolean creatable) {
        this.kind = kind;
        this.fileValue = fileValue;
        this.suggested = List.copyOf(suggested);
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(suggested);
        all.addAll(choices);
        this.choices = List.copyOf(all);
        this.creatable = creatable;
        if (CREATE.equals(current)) {
            create.set(creatable);
        } else {
            mapped.set(current);
        }
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

    /** Whether the import can create a record of this name (the step offers "create" only then). */
    public boolean creatable() {
        return creatable;
    }

    /** The user chose to create the name rather than map it. */
    public BooleanProperty createProperty() {
        return create;
    }

    /** The value mapping the settings keep: the known name, {@value #CREATE} to create it, or null. */
    String decision() {
        return creatable && create.get() ? CREATE : mapped.get();
    }
}
