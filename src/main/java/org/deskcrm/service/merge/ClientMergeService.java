package org.deskcrm.service.merge;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.merge.MergeField;
import org.deskcrm.model.merge.MergeRequest;
import org.deskcrm.model.merge.MergeResult;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.merge.ClientMergeRepository;
import org.deskcrm.service.deal.SaleService;
import org.deskcrm.service.deal.ScoringService;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Merges two cards of one client (docs/decisions/0016-client-merge.md): in one transaction every contact,
 * channel, tag, deal, sale, need, call (with its missed-call record), task, task template and activity of the
 * merged client moves to the survivor, the survivor's fields are rewritten as the user chose, the merged
 * client is deleted, the survivor's lifecycle status and deal scores are recomputed (the stored deal totals
 * follow the scores) and the event feed records both sides. Only someone who sees both clients may merge them
 * (a manager: own clients only); a client changed since the user looked at it stops the merge.
 */
public class ClientMergeService {
    static final int NOTES_MAX = 4000;

    private final Database db;
    private final ClientMergeRepository merges;
    private final ClientRepository clients;
    private final SaleService sales;
    private final ScoringService scoring;
    private final AuditRepository audit;
    private final Clock clock;
    private Supplier<AccessScope> scope = AccessScope::all;

    public ClientMergeService(Database db, ClientMergeRepository merges, ClientRepository clients, SaleService sales,
                              ScoringService scoring, AuditRepository audit, Clock clock) {
        this.db = db;
        this.merges = merges;
        this.clients = clients;
        this.sales = sales;
        this.scoring = scoring;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes the merge see (and so merge) only the clients {@code scope} sees; set once by the composition root. */
    public ClientMergeService restrictedTo(Supplier<AccessScope> scope) {
        this.scope = scope;
        return this;
    }

    /** A client's card as this user sees it (not found when the user may not see it). */
    public ClientCard load(long clientId) {
        return clients.findCard(clientId, scope.get()).orElseThrow(() -> new NotFoundException("client", clientId));
    }

    /** One card as the merge dialog shows it: its record, its list row (names) and its rows per table. */
    public record Side(ClientCard card, ClientRow row, Map<String, Integer> counts) {
    }

    /** A card of a merge, read through the user's scope (not found when the user may not see it). */
    public Side side(long clientId) {
        ClientCard card = load(clientId);
        ClientRow row = clients.rows(List.of(clientId), scope.get()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("client", clientId));
        return new Side(card, row, merges.childCounts(clientId));
    }

    /** The fields a merge takes from the merged client unless the user says otherwise: those the survivor lacks. */
    public static Set<MergeField> defaultChoice(Client survivor, Client merged) {
        Set<MergeField> take = EnumSet.noneOf(MergeField.class);
        for (MergeField f : MergeField.values()) {
            if (value(survivor, f) == null && value(merged, f) != null) {
                take.add(f);
            }
        }
        return take;
    }

    /** A field's value, null when empty. */
    public static String value(Client c, MergeField f) {
        Object v = switch (f) {
            case KIND -> c.kind() == null ? null : c.kind().code();
            case NAME -> c.name();
            case LEGAL_NAME -> c.legalName();
            case INN -> c.inn();
            case KPP -> c.kpp();
            case ADDRESS -> c.address();
            case REGION -> c.region();
            case INDUSTRY -> c.industry();
            case WEBSITE -> c.website();
            case SOURCE -> c.sourceId();
            case OWNER -> c.ownerId();
        };
        return v == null ? null : Texts.trimToNull(v.toString());
    }

    /** The survivor's record after the merge: the chosen fields from the merged client, notes joined. */
    public static Client resulting(Client s, Client m, Set<MergeField> take) {
        return new Client(s.id(), pick(take, MergeField.KIND, s.kind(), m.kind()),
                pick(take, MergeField.NAME, s.name(), m.name()),
                pick(take, MergeField.LEGAL_NAME, s.legalName(), m.legalName()),
                pick(take, MergeField.INN, s.inn(), m.inn()), pick(take, MergeField.KPP, s.kpp(), m.kpp()),
                pick(take, MergeField.ADDRESS, s.address(), m.address()),
                pick(take, MergeField.REGION, s.region(), m.region()),
                pick(take, MergeField.INDUSTRY, s.industry(), m.industry()),
                pick(take, MergeField.WEBSITE, s.website(), m.website()),
                pick(take, MergeField.SOURCE, s.sourceId(), m.sourceId()),
                pick(take, MergeField.OWNER, s.ownerId(), m.ownerId()), joinNotes(s.notes(), m.notes()),
                s.archived(), s.lifecycle(), s.purchaseCount(), s.lastPurchaseOn(), s.createdAt(), s.tags(),
                s.version());
    }

    /** The survivor's notes, then the merged client's (when they differ), cut to the column's length. */
    static String joinNotes(String survivor, String merged) {
        String a = Texts.trimToNull(survivor);
        String b = Texts.trimToNull(merged);
        String joined = a == null ? b : b == null || a.equals(b) ? a : a + "\n\n" + b;
        return joined == null || joined.length() <= NOTES_MAX ? joined : joined.substring(0, NOTES_MAX);
    }

    private static <T> T pick(Set<MergeField> take, MergeField f, T survivor, T merged) {
        return take.contains(f) ? merged : survivor;
    }

    /** Merges as {@code userId}; all or nothing. */
    public MergeResult merge(MergeRequest r, Long userId) {
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            Client survivor = load(r.survivorId()).client();
            Client merged = load(r.mergedId()).client();
            Client result = resulting(survivor, merged, r.takeFromMerged());
            result = new Client(result.id(), result.kind(), result.name(), result.legalName(), result.inn(),
                    result.kpp(), result.address(), result.region(), result.industry(), result.website(),
                    result.sourceId(), result.ownerId(), result.notes(), result.archived(), result.lifecycle(),
                    result.purchaseCount(), result.lastPurchaseOn(), result.createdAt(), result.tags(),
                    r.survivorVersion());
            int channels = merges.dropDuplicateChannels(r.mergedId(), r.survivorId());
            int tags = merges.dropDuplicateTags(r.mergedId(), r.survivorId());
            merges.demotePrimaries(r.mergedId(), r.survivorId());
            Map<String, Integer> moved = merges.moveChildren(r.mergedId(), r.survivorId());
            merges.writeSurvivor(result, r.mergedId(), now);
            merges.deleteMerged(r.mergedId(), r.mergedVersion());
            sales.recompute(r.survivorId());
            scoring.rescoreClient(r.survivorId()); // channels present and the status feed the score
            String counts = moved.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            audit.append(List.of(
                    AuditEvent.of(now, userId, AuditAction.UPDATE, "client", r.survivorId())
                            .withChange("merged_from", null, r.mergedId() + " " + merged.name())
                            .withDetails(counts),
                    AuditEvent.of(now, userId, AuditAction.DELETE, "client", r.mergedId())
                            .withChange("merged_into", null, r.survivorId() + " " + result.name())
                            .withDetails(merged.name())));
            return new MergeResult(r.survivorId(), r.mergedId(), moved, channels, tags);
        });
    }
}
