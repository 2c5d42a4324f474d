package org.deskcrm.service.call;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.call.PhoneListEntry;
import org.deskcrm.model.call.PhoneListKind;
import org.deskcrm.model.call.UnknownNumber;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.notify.Notification;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.CallRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.MissedCallRepository;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.service.client.PhoneNormalizer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The call log: calls entered by hand (matched to a card by the normalized number, put under
 * missed-call control, closing the misses they return), the unknown-numbers list, and what can be
 * done with an unknown number: attach it to a card or put it on a list.
 */
public class CallService {
    public static final int MAX_NOTE = 2000;

    private final Database db;
    private final CallRepository calls;
    private final CallLogRepository log;
    private final MissedCallRepository misses;
    private final MissedCallService missedCalls;
    private final ClientService clients;
    private final AuditRepository audit;
    private final PhoneNormalizer phones;
    private final Clock clock;
    private java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope = org.deskcrm.model.user.AccessScope::all;

    public CallService(Database db, CallRepository calls, CallLogRepository log, MissedCallRepository misses,
                       MissedCallService missedCalls, ClientService clients, AuditRepository audit,
                       PhoneNormalizer phones, Clock clock) {
        this.db = db;
        this.calls = calls;
        this.log = log;
        this.misses = misses;
        this.missedCalls = missedCalls;
        this.clients = clients;
        this.audit = audit;
        this.phones = phones;
        this.clock = clock;
    }

    /** Field errors of a call typed by hand (empty when it can be saved). */
    /**
     * Makes every read of this service return only what {@code scope} sees (the signed-in user's records);
     * called once by the composition root. Without it the service reads everything (command line).
     */
    public CallService restrictedTo(java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope) {
        this.scope = scope;
        return this;
    }

    public List<FieldError> validate(Call c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.direction() == null) {
            errors.add(FieldError.of("direction", "call.validation.required"));
        }
        if (c.status() == null) {
            errors.add(FieldError.of("status", "call.validation.required"));
        }
        if (c.startedAt() == null) {
            errors.add(FieldError.of("startedAt", "call.validation.required"));
        } else if (c.startedAt().isAfter(clock.instant().plusSeconds(300))) {
            errors.add(FieldError.of("startedAt", "call.validation.future"));
        }
        if (c.durationSec() < 0) {
            errors.add(FieldError.of("durationSec", "call.validation.duration"));
        }
        if (Texts.isBlank(c.phoneRaw())) {
            errors.add(FieldError.of("phone", "call.validation.required"));
        } else if (c.direction() != CallDirection.INTERNAL && phones.normalize(c.phoneRaw()).isEmpty()) {
            errors.add(FieldError.of("phone", "call.validation.phone", c.phoneRaw()));
        }
        if (c.resultNote() != null && c.resultNote().length() > MAX_NOTE) {
            errors.add(FieldError.of("resultNote", "call.validation.tooLong", MAX_NOTE));
        }
        return errors;
    }

    /**
     * Saves a call entered by hand: normalizes the number, links it to its card (unless a client is
     * given), opens missed-call control for a missed incoming call and closes the misses it returns.
     * Returns the saved call.
     */
    public Call log(Call draft, Long userId) {
        List<FieldError> errors = validate(draft);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String norm = phones.normalizeOrDigits(draft.phoneRaw());
        Instant now = clock.instant();
        List<Notification> pending = new ArrayList<>();
        Call saved = db.inTransaction(() -> {
            Long clientId = draft.clientId();
            Long contactId = draft.contactId();
            Long ownerId = null;
            String clientName = null;
            Optional<CallLogRepository.PhoneMatch> match = log.match(norm);
            if (clientId == null && match.isPresent()) {
                clientId = match.get().clientId();
                contactId = match.get().contactId();
            }
            if (clientId != null) {
                var client = clients.load(clientId).client();
                ownerId = client.ownerId();
                clientName = client.name();
            }
            Call c = new Call(null, draft.direction(), draft.status(), draft.startedAt(), draft.durationSec(),
                    draft.phoneRaw().strip(), norm, clientId, contactId, draft.userId() != null ? draft.userId() : userId,
                    Texts.trimToNull(draft.resultNote()), Texts.trimToNull(draft.recordingUrl()), draft.externalKey());
            long id = calls.insert(c).orElseThrow(() -> new AppException("call.error.duplicate"));
            Call withId = withId(c, id);
            Long manager = ownerId != null ? ownerId : withId.userId();
            pending.addAll(missedCalls.register(withId, manager, clientName));
            missedCalls.reconcile(Set.of(norm));
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.CREATE, "call", id)
                    .withDetails(c.direction().code() + " " + c.status().code() + " " + c.phoneRaw())));
            return withId;
        });
        missedCalls.publish(missedCalls.stillOpen(pending));
        return saved;
    }

    static Call withId(Call c, long id) {
        return new Call(id, c.direction(), c.status(), c.startedAt(), c.durationSec(), c.phoneRaw(), c.phoneNorm(),
                c.clientId(), c.contactId(), c.userId(), c.resultNote(), c.recordingUrl(), c.externalKey());
    }

    public List<CallRow> list(CallFilter filter, int limit) {
        return log.list(filter, limit, scope.get());
    }

    /** The page of the log after {@code after} (null: the first page), newest first (keyset paging). */
    public List<CallRow> page(CallFilter filter, CallRow after, int limit) {
        return log.page(filter, after == null ? null : after.startedAt(), after == null ? null : after.id(), limit,
                scope.get());
    }

    public int count(CallFilter filter) {
        return log.count(filter, scope.get());
    }

    // ------------------------------------------------------------------ unknown numbers

    /** Numbers that match no card and are on no list, most recent first. */
    public List<UnknownNumber> unknownNumbers(int limit) {
        return log.unknownNumbers(limit);
    }

    public int unknownNumberCount() {
        return log.unknownNumberCount();
    }

    /**
     * Attaches a number to a card: adds it as a phone of the client (through the client service, so
     * the card is validated, version-checked and audited), links the number's calls to the client and
     * hands its open misses to the client's manager. Returns how many calls were linked.
     */
    public int attachToClient(String phoneNorm, String phoneRaw, long clientId, Long userId) {
        return db.inTransaction(() -> {
            ClientCard card = clients.load(clientId);
            boolean present = card.channels().stream().anyMatch(ch -> phoneNorm.equals(ch.normalized()));
            if (!present) {
                List<Channel> channels = new ArrayList<>(card.channels());
                channels.add(Channel.ofClient(ChannelKind.PHONE, Texts.isBlank(phoneRaw) ? phoneNorm : phoneRaw));
                clients.save(new ClientCard(card.client(), card.contacts(), channels), userId);
            }
            int linked = log.linkCalls(phoneNorm, clientId, null);
            Long owner = card.client().ownerId();
            if (owner != null) {
                misses.reassignOpen(phoneNorm, owner);
            }
            return linked;
        });
    }

    /**
     * Turns an unknown number into a new client named {@code name}, with the number as its main phone and
     * {@code userId} as its manager (through the client service: validated and audited), then links the
     * number's calls to it and hands its open misses to that manager. Returns the new client's id.
     */
    public long createClientFor(String phoneNorm, String phoneRaw, String name, Long userId) {
        if (Texts.isBlank(phoneNorm)) {
            throw new AppException("call.error.noNumber");
        }
        return db.inTransaction(() -> {
            Channel phone = new Channel(null, null, null, ChannelKind.PHONE,
                    Texts.isBlank(phoneRaw) ? phoneNorm : phoneRaw, null, true, null);
            ClientCard card = new ClientCard(org.deskcrm.model.client.Client.draft(
                    org.deskcrm.model.client.ClientKind.PERSON, name == null ? "" : name.strip()).withOwner(userId),
                    List.of(), List.of(phone));
            long clientId = clients.save(card, userId).id();
            log.linkCalls(phoneNorm, clientId, null);
            if (userId != null) {
                misses.reassignOpen(phoneNorm, userId);
            }
            return clientId;
        });
    }

    /**
     * Puts a number on a list (blacklist, job seekers, personal, spam): it leaves the unknown list and
     * its open misses are closed (nobody is expected to call it back).
     */
    public void putOnList(String phoneNorm, String phoneRaw, PhoneListKind list, String note, Long userId) {
        if (Texts.isBlank(phoneNorm)) {
            throw new AppException("call.error.noNumber");
        }
        Instant now = clock.instant();
        db.inTransaction(() -> {
            log.putOnList(list, phoneNorm, phoneRaw, Texts.trimToNull(note), userId, now);
            misses.closeAll(phoneNorm, now);
        });
    }

    public boolean removeFromList(String phoneNorm) {
        return log.removeFromList(phoneNorm);
    }

    public List<PhoneListEntry> listEntries(PhoneListKind list) {
        return log.listEntries(list);
    }

    public Optional<PhoneListKind> listOf(String phoneNorm) {
        return log.listOf(phoneNorm);
    }

    public PhoneNormalizer phones() {
        return phones;
    }
}
