package org.deskcrm.ui.client;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One editable contact person of the card, with the contact's own channels. */
public final class ContactRow {
    private final Long id;
    private final long version;
    private final StringProperty fullName = new SimpleStringProperty(this, "fullName", "");
    private final StringProperty jobTitle = new SimpleStringProperty(this, "jobTitle", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final BooleanProperty primary = new SimpleBooleanProperty(this, "primary");
    private final ObservableList<ChannelRow> channels = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");

    public ContactRow(Long id, long version) {
        this.id = id;
        this.version = version;
    }

    public Long id() {
        return id;
    }

    long version() {
        return version;
    }

    public StringProperty fullNameProperty() {
        return fullName;
    }

    public StringProperty jobTitleProperty() {
        return jobTitle;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public BooleanProperty primaryProperty() {
        return primary;
    }

    public ObservableList<ChannelRow> channels() {
        return channels;
    }

    /** The localized problem with the name, empty when none. */
    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    void setNameError(String message) {
        nameError.set(message == null ? "" : message);
    }
}
