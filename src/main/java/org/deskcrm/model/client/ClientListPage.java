package org.deskcrm.model.client;

import java.util.List;

/** One page of the client list; {@code next} is the cursor to pass for the following page (null at the end). */
public record ClientListPage(List<ClientListItem> items, boolean hasMore, ClientCursor next) {
    public ClientListPage {
        items = List.copyOf(items);
    }
}
