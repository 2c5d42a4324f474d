package org.deskcrm.model.client;

import java.time.LocalDate;

/**
 * One row of the client list (what the table shows, nothing more). {@code sortKey} is the
 * normalized name the list is ordered and keyset-paged by.
 */
public record ClientRow(long id, String name, String sortKey, ClientKind kind, String inn, Long ownerId,
                        String ownerName, LifecycleStatus lifecycle, String sourceName, String primaryPhone,
                        String primaryEmail, LocalDate lastPurchaseOn, boolean archived) {
    /** The same row showing its phone as given (e.g. in the international format). */
    public ClientRow withPrimaryPhone(String phone) {
        return new ClientRow(id, name, sortKey, kind, inn, ownerId, ownerName, lifecycle, sourceName, phone,
                primaryEmail, lastPurchaseOn, archived);
    }
}
