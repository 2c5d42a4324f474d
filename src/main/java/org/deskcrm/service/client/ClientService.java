package org.deskcrm.service.client;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Page;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Client cards: validation, normalization of channels, duplicate detection, saving with an audit
 * trail in the same transaction, the list and the global search.
 */
public class ClientService {
    /** A saved card's identity and the version to send with the next save. */
    public record Saved(long id, long version) {
    }

    private final Database db;
    private final ClientRepository clients;
    private final AuditRepository audit;
    private final ClientValidator validator;
    private final PhoneNormalizer phones;
    private final Clock clock;
    private java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope = org.deskcrm.model.user.AccessScope::all;

    public ClientService(Database db, ClientRepository clients, AuditRepository audit, PhoneNormalizer phones,
                         Clock clock) {
        this.db = db;
        this.clients = clients;
        this.audit = audit;
        this.phones = phones;
        this.validator = new ClientValidator(phones);
        this.clock = clock;
    }

    /** The row with its phone shown in the international format of the business region. */
    public ClientRow shown(ClientRow row) {
        return row.primaryPhone() == null ? row : row.withPrimaryPhone(phones.shown(row.primaryPhone()));
    }

    /** A stored phone as it is shown everywhere (the international format of the business region). */
    public String shownPhone(String raw) {
        return phones.shown(raw);
    }


    /**
     * Makes every read of this service return only what {@code scope} sees (the signed-in user's records);
     * called once by the composition root. Without it the service reads everything (command line).
     */
    public ClientService restrictedTo(java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope) {
        this.scope = scope;
        return this;
    }

    public ClientValidator validator() {
        return validator;
    }

    public ClientCard load(long id) {
        return clients.findCard(id, scope.get()).orElseThrow(() -> new NotFoundException("client", id));
    }

    /** Field errors of a card (empty when it can be saved). */
    public List<FieldError> validate(ClientCard card) {
        return validator.validate(card);
    }

    /**
     * Validates, normalizes and saves a card (insert when its client has no id). Throws
     * {@link ValidationException} with every field error, or a concurrent-edit exception when
     * someone else saved the card since it was loaded; in both cases nothing is written.
     */
    public Saved save(ClientCard card, Long userId) {
        List<FieldError> errors = validator.validate(card);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ClientCard normalized = normalize(card);
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            Client c = normalized.client();
            org.deskcrm.service.rights.OwnerRule owners =
                    new org.deskcrm.service.rights.OwnerRule(new org.deskcrm.persistence.UserRepository(db));
            if (c.id() == null) {
                owners.check(scope.get(), c.ownerId());
                long id = clients.insert(normalized, userId, now);
                audit.append(List.of(AuditEvent.of(now, userId, AuditAction.CREATE, "client", id)
                        .withDetails(c.name())));
                return new Saved(id, 0);
            }
            ClientCard before = load(c.id());
            if (!Objects.equals(before.client().ownerId(), c.ownerId())) {
                owners.check(scope.get(), c.ownerId());
            }
            long version = clients.update(normalized, now);
            audit.append(changes(before, normalized, now, userId));
            return new Saved(c.id(), version);
        });
    }

    /** The active users this user may give a client to (a manager: self; a supervisor: the team). */
    public List<org.deskcrm.model.user.User> assignableOwners() {
        return new org.deskcrm.service.rights.OwnerRule(new org.deskcrm.persistence.UserRepository(db))
                .allowed(scope.get());
    }

    public long setArchived(long id, long version, boolean archived, Long userId) {
        Instant now = clock.instant();
        load(id); // another manager's client is not found
        return db.inTransaction(() -> {
            long v = clients.setArchived(id, version, archived, now);
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.ARCHIVE, "client", id)
                    .withChange("archived", String.valueOf(!archived), String.valueOf(archived))));
            return v;
        });
    }

    private ClientCard normalize(ClientCard card) {
        List<Channel> channels = new ArrayList<>();
        for (Channel ch : card.channels()) {
            channels.add(ch.withNormalized(validator.normalize(ch.kind(), ch.raw())));
        }
        return new ClientCard(card.client(), card.contacts(), channels);
    }

    /** One audit event per changed field, old → new. */
    static List<AuditEvent> changes(ClientCard before, ClientCard after, Instant now, Long userId) {
        Map<String, String> a = fields(before);
        Map<String, String> b = fields(after);
        List<AuditEvent> events = new ArrayList<>();
        long id = after.client().id();
        for (Map.Entry<String, String> e : b.entrySet()) {
            String old = a.get(e.getKey());
            if (!Objects.equals(old, e.getValue())) {
                events.add(AuditEvent.of(now, userId, AuditAction.UPDATE, "client", id)
                        .withChange(e.getKey(), old, e.getValue()));
            }
        }
        return events;
    }

    private static Map<String, String> fields(ClientCard card) {
        Client c = card.client();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", c.kind().code());
        m.put("name", c.name() == null ? null : c.name().strip());
        m.put("legalName", Texts.trimToNull(c.legalName()));
        m.put("inn", Texts.trimToNull(c.inn()));
        m.put("kpp", Texts.trimToNull(c.kpp()));
        m.put("address", Texts.trimToNull(c.address()));
        m.put("region", Texts.trimToNull(c.region()));
        m.put("industry", Texts.trimToNull(c.industry()));
        m.put("website", Texts.trimToNull(c.website()));
        m.put("sourceId", Objects.toString(c.sourceId(), null));
        m.put("ownerId", Objects.toString(c.ownerId(), null));
        m.put("notes", Texts.trimToNull(c.notes()));
        m.put("tags", String.join(", ", c.tags().stream().map(String::strip).sorted().toList()));
        m.put("contacts", String.join("; ", card.contacts().stream()
                .map(p -> p.fullName().strip() + (Texts.isBlank(p.jobTitle()) ? "" : " (" + p.jobTitle().strip() + ")"))
                .toList()));
        m.put("channels", String.join("; ", card.channels().stream().map(ch -> ch.raw().strip()).sorted().toList()));
        return m;
    }

    // ------------------------------------------------------------------ duplicates

    /**
     * Existing clients that look like this card: the same normalized phone or email, the same INN,
     * or a near-identical name. The card itself (when saved before) is not reported.
     */
    public List<DuplicateCandidate> findDuplicates(ClientCard card) {
        Long self = card.client().id();
        Map<Long, DuplicateCandidate> found = new LinkedHashMap<>();
        String inn = Texts.trimToNull(card.client().inn());
        Map<Long, String[]> why = new LinkedHashMap<>();
        if (inn != null) {
            clients.idsByInn(inn).forEach(id -> why.putIfAbsent(id, new String[]{"duplicate.inn", inn}));
        }
        for (Channel ch : card.channels()) {
            if (Texts.isBlank(ch.raw())) {
                continue;
            }
            String norm = validator.normalize(ch.kind(), ch.raw());
            if (norm.isEmpty()) {
                continue;
            }
            String key = ch.kind() == ChannelKind.EMAIL ? "duplicate.email" : "duplicate.phone";
            clients.idsByChannel(norm).forEach(id -> why.putIfAbsent(id, new String[]{key, ch.raw().strip()}));
        }
        String nameKey = Texts.searchKey(card.client().name());
        if (nameKey.length() >= 3) {
            clients.nameKeysWithPrefix(nameKey.substring(0, 2), 5_000).forEach((id, other) -> {
                if (nearlyEqual(nameKey, other)) {
                    why.putIfAbsent(id, new String[]{"duplicate.name", other});
                }
            });
        }
        if (self != null) {
            why.remove(self);
        }
        for (ClientRow row : clients.rows(why.keySet())) {
            String[] w = why.get(row.id());
            found.put(row.id(), new DuplicateCandidate(row, w[0], w[1]));
        }
        return List.copyOf(found.values());
    }

    /** Equal, or within a small edit distance (1 for short names, 2 for names of 12+ letters). */
    static boolean nearlyEqual(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int allowed = Math.min(a.length(), b.length()) >= 12 ? 2 : 1;
        if (Math.min(a.length(), b.length()) < 5 || Math.abs(a.length() - b.length()) > allowed) {
            return false;
        }
        return editDistance(a, b, allowed) <= allowed;
    }

    /** Levenshtein distance, stopping early once it exceeds {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ------------------------------------------------------------------ list and search

    public Page<ClientRow> page(ClientFilter filter, ClientRow after, int limit) {
        return clients.page(filter, after == null ? null : after.sortKey(), after == null ? null : after.id(), limit);
    }

    public long count(ClientFilter filter) {
        return clients.count(filter);
    }

    /**
     * The global search over clients: a phone in any format, an email, an INN, or the beginning of a
     * name ("ромашка" finds ООО «Ромашка»).
     */
    public List<ClientRow> search(String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.length() < 2) {
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>(idsByContactValue(q, limit));
        if (ids.size() < limit && !isNumeric(q)) {
            ids.addAll(clients.idsByNamePrefix(Texts.searchKey(q), limit - ids.size(), scope.get()));
        }
        return clients.rows(ids.stream().limit(limit).toList(), scope.get());
    }

    /** Whether a search text is a number (a phone in any format or an INN) rather than a name. */
    public static boolean isNumeric(String text) {
        return text != null && text.strip().matches("[\\d\\s()+\\-.]+");
    }

    /**
     * Clients found by an email (prefix), an INN or a phone in any format ("8 (912) 345-67-89" finds
     * "+79123456789"), by its last four or more digits ("311-2424" finds "+13123112424", ADR 0009), or by
     * the beginning of an international number. Empty for a text that is neither.
     */
    public Set<Long> idsByContactValue(String text, int limit) {
        String q = text == null ? "" : text.strip();
        Set<Long> ids = new LinkedHashSet<>();
        String digits = q.replaceAll("\\D", "");
        if (q.contains("@")) {
            ids.addAll(clients.idsByChannelPrefix(Texts.lower(q), limit));
        } else if (isNumeric(q) && digits.length() >= 3) {
            if (digits.length() == 10 || digits.length() == 12) {
                ids.addAll(clients.idsByInn(digits));
            }
            phones.normalize(q).ifPresent(e164 -> ids.addAll(clients.idsByChannel(e164)));
            // the number as the caller ID showed it, national or the last digits: a suffix of the stored phone
            String suffix = org.deskcrm.model.client.PhoneDigits.reversedSuffix(digits);
            if (suffix != null && ids.size() < limit) {
                ids.addAll(clients.idsByPhoneSuffix(suffix, limit));
            }
            if (ids.isEmpty()) {
                // a partial number: match E.164 prefixes (+7912...) and the digits as typed
                String prefix = digits.length() == 11 && digits.startsWith("8") ? "7" + digits.substring(1) : digits;
                ids.addAll(clients.idsByChannelPrefix("+" + prefix, limit));
                if (!prefix.startsWith("7")) {
                    ids.addAll(clients.idsByChannelPrefix("+7" + prefix, limit));
                }
            }
        }
        return ids;
    }
}
