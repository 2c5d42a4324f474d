package org.deskcrm.model.client;

/**
 * What the client list shows: the filters, a free text (the beginning of a name, a phone in any
 * format, an email or an INN) and the order.
 */
public record ClientQuery(ClientFilter filter, String text, ClientSort sort, boolean descending) {
    public static final ClientQuery DEFAULT = new ClientQuery(ClientFilter.ALL, null, ClientSort.NAME, false);

    public ClientQuery {
        filter = filter == null ? ClientFilter.ALL : filter;
        sort = sort == null ? ClientSort.NAME : sort;
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public ClientQuery withFilter(ClientFilter f) {
        return new ClientQuery(f, text, sort, descending);
    }

    public ClientQuery withText(String t) {
        return new ClientQuery(filter, t, sort, descending);
    }

    public ClientQuery withSort(ClientSort s, boolean desc) {
        return new ClientQuery(filter, text, s, desc);
    }
}
