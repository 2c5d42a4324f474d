package org.deskcrm.model.search;

import java.math.BigDecimal;

/**
 * One line of the global search: a client, or a deal (which opens its client's card; a deal without a
 * client has none).
 * {@code detail} is what matched or identifies the record (phone, email, INN; the client of a deal).
 */
public record SearchHit(Kind kind, long id, Long clientId, String title, String detail, BigDecimal amount) {
    public enum Kind {
        CLIENT, DEAL
    }

    public static SearchHit client(long id, String name, String detail) {
        return new SearchHit(Kind.CLIENT, id, id, name, detail, null);
    }

    public static SearchHit deal(long id, Long clientId, String title, String clientName, BigDecimal amount) {
        return new SearchHit(Kind.DEAL, id, clientId, title, clientName, amount);
    }
}
