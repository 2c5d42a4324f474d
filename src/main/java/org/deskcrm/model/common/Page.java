package org.deskcrm.model.common;

import java.util.List;

/** One page of a keyset-paged list: the rows and whether more follow. */
public record Page<T>(List<T> rows, boolean hasMore) {
    public Page {
        rows = List.copyOf(rows);
    }
}
