package org.deskcrm.model.client;

import java.time.LocalDate;

/** One row of the client list (what the table shows, nothing more). */
public record ClientRow(long id, String name, ClientKind kind, String inn, String ownerName, Long ownerId,
                        LifecycleStatus lifecycle, String sourceName, String primaryPhone, String primaryEmail,
                        LocalDate lastPurchaseOn, boolean archived) {
}
