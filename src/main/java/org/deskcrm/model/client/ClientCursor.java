package org.deskcrm.model.client;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where the next page of the client list starts: the sort values of the last row shown and its id.
 * Only the value of the query's sort column is used.
 */
public record ClientCursor(String nameKey, Instant createdAt, LocalDate lastPurchaseOn, long id) {
}
