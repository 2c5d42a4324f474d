package org.deskcrm.service.client;

import org.deskcrm.model.client.ClientCursor;
import org.deskcrm.model.client.ClientListPage;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.ClientListRepository;
import org.deskcrm.persistence.PipelineRepository;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.UserRepository;

import java.util.List;
import java.util.Map;

/**
 * The client list and the choices the list and the card offer (managers, lead sources, tags, the
 * lifecycle thresholds). The free text is a name prefix, or a phone in any format, an email or an INN
 * resolved to ids the same way the global search does it.
 */
public class ClientListService {
    /** At most this many clients match a phone, email or INN text (far more than any real duplicate set). */
    static final int MAX_TEXT_IDS = 1_000;

    private final ClientListRepository list;
    private final ClientService clients;
    private final UserRepository users;
    private final PipelineRepository pipelines;
    private final SettingsRepository settings;
    private java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope = org.deskcrm.model.user.AccessScope::all;

    public ClientListService(ClientListRepository list, ClientService clients, UserRepository users,
                             PipelineRepository pipelines, SettingsRepository settings) {
        this.list = list;
        this.clients = clients;
        this.users = users;
        this.pipelines = pipelines;
        this.settings = settings;
    }


    /**
     * Makes every read of this service return only what {@code scope} sees (the signed-in user's records);
     * called once by the composition root. Without it the service reads everything (command line).
     */
    public ClientListService restrictedTo(java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope) {
        this.scope = scope;
        return this;
    }

    public ClientListPage page(ClientQuery query, ClientCursor after, int limit) {
        return page(query, after, limit, scope.get());
    }

    public long count(ClientQuery query) {
        return count(query, scope.get());
    }

    /** A page of what {@code visible} sees (an export acting for a given user rather than the signed-in one). */
    public ClientListPage page(ClientQuery query, ClientCursor after, int limit,
                               org.deskcrm.model.user.AccessScope visible) {
        org.deskcrm.model.client.ClientListPage page =
                list.page(query.filter(), text(query.text()), query.sort(), query.descending(), after, limit, visible);
        // phones are shown one way, in the international format of the business region
        return new org.deskcrm.model.client.ClientListPage(page.items().stream()
                .map(i -> new org.deskcrm.model.client.ClientListItem(clients.shown(i.row()), i.createdAt())).toList(),
                page.hasMore(), page.next());
    }

    public long count(ClientQuery query, org.deskcrm.model.user.AccessScope visible) {
        return list.count(query.filter(), text(query.text()), visible);
    }

    ClientListRepository.Text text(String text) {
        if (Texts.isBlank(text)) {
            return ClientListRepository.Text.NONE;
        }
        String q = text.strip();
        boolean numeric = ClientService.isNumeric(q);
        if (q.contains("@") || (numeric && q.replaceAll("\\D", "").length() >= 3)) {
            return ClientListRepository.Text.ids(clients.idsByContactValue(q, MAX_TEXT_IDS));
        }
        return ClientListRepository.Text.namePrefix(Texts.searchKey(q));
    }

    /** Active users who can own clients, by name. */
    public List<User> owners() {
        return users.findAll().stream().filter(User::active).toList();
    }

    /** Active lead sources: id → name, by name. */
    public Map<Long, String> sources() {
        return pipelines.leadSources();
    }

    public List<String> tags() {
        return list.tags();
    }

    /** The lifecycle thresholds of this installation (settings lifecycle.fresh_days / churn_days). */
    public LifecycleRules lifecycleRules() {
        int fresh = intSetting("lifecycle.fresh_days", LifecycleRules.DEFAULT.freshDays());
        int churn = intSetting("lifecycle.churn_days", LifecycleRules.DEFAULT.churnDays());
        return new LifecycleRules(fresh, churn);
    }

    private int intSetting(String name, int fallback) {
        try {
            int v = settings.get(name).map(String::strip).map(Integer::parseInt).orElse(fallback);
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
