package org.deskcrm.service.search;

import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.search.SearchHit;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.DealRepository;
import org.deskcrm.service.client.ClientService;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The search field of the main window: clients by name, phone in any format, email or INN (through
 * {@link ClientService#search}), then deals by the beginning of their title. Clients come first.
 */
public class GlobalSearchService {
    /** Below this many characters nothing is searched (every prefix would match). */
    public static final int MIN_LENGTH = 2;

    private final ClientService clients;
    private final DealRepository deals;
    private final ClientRepository clientRows;
    private java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope = org.deskcrm.model.user.AccessScope::all;

    public GlobalSearchService(ClientService clients, DealRepository deals, ClientRepository clientRows) {
        this.clients = clients;
        this.deals = deals;
        this.clientRows = clientRows;
    }


    /**
     * Makes every read of this service return only what {@code scope} sees (the signed-in user's records);
     * called once by the composition root. Without it the service reads everything (command line).
     */
    public GlobalSearchService restrictedTo(java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope) {
        this.scope = scope;
        return this;
    }

    /** Up to {@code limit} clients followed by up to {@code limit} deals. */
    public List<SearchHit> search(String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.length() < MIN_LENGTH || limit <= 0) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        for (ClientRow row : clients.search(q, limit)) {
            hits.add(SearchHit.client(row.id(), row.name(), detail(clients.shown(row), q)));
        }
        List<Deal> found = deals.byTitlePrefix(Texts.lower(q), limit, scope.get());
        if (!found.isEmpty()) {
            Set<Long> clientIds = found.stream().map(Deal::clientId).filter(java.util.Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
            Map<Long, String> names = clientRows.rows(clientIds, scope.get()).stream()
                    .collect(Collectors.toMap(ClientRow::id, ClientRow::name, (a, b) -> a));
            for (Deal d : found) {
                hits.add(SearchHit.deal(d.id(), d.clientId(), d.title(), names.get(d.clientId()), d.amount()));
            }
        }
        return List.copyOf(hits);
    }

    /** The identifying line under a client: what was typed when it looks like an INN or email, else a phone. */
    static String detail(ClientRow row, String query) {
        String digits = query.replaceAll("\\D", "");
        if (row.inn() != null && !digits.isEmpty() && row.inn().equals(digits)) {
            return row.inn();
        }
        String email = Texts.trimToNull(row.primaryEmail());
        if (query.contains("@") && email != null) {
            return email;
        }
        String phone = Texts.trimToNull(row.primaryPhone());
        if (phone != null) {
            return phone;
        }
        if (email != null) {
            return email;
        }
        return Texts.trimToNull(row.inn());
    }
}
