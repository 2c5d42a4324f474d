package org.deskcrm.ui.client;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.deskcrm.model.client.ChannelKind;

import java.util.List;

/**
 * The card's contact persons and the client's own channels as editable rows: adding and removing them,
 * at most one primary person, and every edit of a row or a list told to the card as a change.
 */
final class ContactsAndChannels {
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    private final ObservableList<ChannelRow> channels = FXCollections.observableArrayList();
    private final InvalidationListener edited;

    /** @param edited told of every edit of a row and of every row added or removed */
    ContactsAndChannels(InvalidationListener edited) {
        this.edited = edited;
        contacts.addListener((ListChangeListener<ContactRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            edited.invalidated(contacts);
        });
        channels.addListener(channelListener());
    }

    private ListChangeListener<ChannelRow> channelListener() {
        return c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            edited.invalidated(c.getList());
        };
    }

    private void watch(ContactRow row) {
        for (Observable o : List.of(row.fullNameProperty(), row.jobTitleProperty(), row.notesProperty(),
                row.primaryProperty())) {
            o.addListener(edited);
        }
        row.primaryProperty().addListener((o, was, now) -> {
            if (now) {
                contacts.stream().filter(r -> r != row).forEach(r -> r.primaryProperty().set(false));
            }
        });
        row.channels().forEach(this::watch);
        row.channels().addListener(channelListener());
    }

    private void watch(ChannelRow row) {
        for (Observable o : List.of(row.kindProperty(), row.valueProperty(), row.primaryProperty(),
                row.noteProperty())) {
            o.addListener(edited);
        }
    }

    ContactRow addContact() {
        ContactRow row = new ContactRow(null, 0);
        contacts.add(row);
        return row;
    }

    void removeContact(ContactRow row) {
        // the contact's channels stay with the client: nothing typed is lost by removing a person
        channels.addAll(row.channels());
        row.channels().clear();
        contacts.remove(row);
    }

    ChannelRow addChannel(ChannelKind k) {
        ChannelRow row = new ChannelRow(k, "");
        channels.add(row);
        return row;
    }

    ChannelRow addChannel(ContactRow contact, ChannelKind k) {
        ChannelRow row = new ChannelRow(k, "");
        contact.channels().add(row);
        return row;
    }

    void removeChannel(ChannelRow row) {
        if (!channels.remove(row)) {
            contacts.forEach(c -> c.channels().remove(row));
        }
    }

    ObservableList<ContactRow> contacts() {
        return contacts;
    }

    /** Channels of the client itself (a contact's channels are in its row). */
    ObservableList<ChannelRow> channels() {
        return channels;
    }
}
