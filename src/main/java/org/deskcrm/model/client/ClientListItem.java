package org.deskcrm.model.client;

import java.time.Instant;

/** A row of the client list: the common client row plus the creation time the list can sort by. */
public record ClientListItem(ClientRow row, Instant createdAt) {
    public long id() {
        return row.id();
    }

    public ClientCursor cursor() {
        return new ClientCursor(row.sortKey(), createdAt, row.lastPurchaseOn(), row.id());
    }
}
