package org.deskcrm.ui.client;

import org.deskcrm.model.client.ClientCard;

/**
 * What a client card's parts share about the client it shows: the id (null until saved), the version a save
 * goes over, the card as last loaded or saved, and whether a load is being put into the form.
 */
final class CardState {
    Long id;
    long version;
    ClientCard loaded;
    /** True while a loaded card is put into the form: those edits do not make the card changed. */
    boolean applying;
}
