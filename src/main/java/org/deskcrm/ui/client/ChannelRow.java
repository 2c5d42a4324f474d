package org.deskcrm.ui.client;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.deskcrm.model.client.ChannelKind;

/** One editable phone, email, WhatsApp or Telegram of the card (of the client or of a contact). */
public final class ChannelRow {
    private final ObjectProperty<ChannelKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final BooleanProperty primary = new SimpleBooleanProperty(this, "primary");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public ChannelRow(ChannelKind kind, String value) {
        this.kind.set(kind);
        this.value.set(value == null ? "" : value);
    }

    public ObjectProperty<ChannelKind> kindProperty() {
        return kind;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public BooleanProperty primaryProperty() {
        return primary;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The localized problem with this channel, empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message == null ? "" : message);
    }
}
