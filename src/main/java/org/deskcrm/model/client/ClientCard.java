package org.deskcrm.model.client;

import java.util.List;

/** A client with its contact persons and channels: what the card shows and saves as one unit. */
public record ClientCard(Client client, List<Contact> contacts, List<Channel> channels) {
    public ClientCard {
        contacts = List.copyOf(contacts);
        channels = List.copyOf(channels);
    }
}
