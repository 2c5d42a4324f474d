package org.deskcrm.service.deal;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealCard;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.deal.StageTotal;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DealDetailsRepository;
import org.deskcrm.persistence.DealQueryRepository;
import org.deskcrm.persistence.DealRepository;
import org.deskcrm.persistence.PipelineRepository;
import org.deskcrm.persistence.UserRepository;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deals: create and edit (with product lines), and moves between stages. A move writes the stage
 * history row, updates the deal (version-checked), rescores it and appends the audit event in one
 * transaction: either all of it lands or none. A lost stage needs a lost reason; a won or lost
 * stage sets the closed date. Winning a deal (moving it into, or creating it in, a won stage) adds
 * its sale and recomputes the client's lifecycle status in the same transaction; see
 * {@link SaleService#recordWin} for the one-sale-per-deal rule.
 */
public class DealService {
    /** A saved deal's id and the version to send with the next change. */
    public record Saved(long id, long version) {
    }

    private final Database db;
    private final DealRepository deals;
    private final DealDetailsRepository details;
    private final DealQueryRepository queries;
    private java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope = org.deskcrm.model.user.AccessScope::all;
    private final PipelineRepository pipelines;
    private final AuditRepository audit;
    private final ScoringService scoring;
    private final UserRepository users;
    private final DealSettings settings;
    private final SaleService sales;
    private final Clock clock;

    public DealService(Database db, DealRepository deals, DealDetailsRepository details, DealQueryRepository queries,
                       PipelineRepository pipelines, AuditRepository audit, ScoringService scoring, UserRepository users,
                       DealSettings settings, SaleService sales) {
        this.db = db;
        this.deals = deals;
        this.details = details;
        this.queries = queries;
        this.pipelines = pipelines;
        this.audit = audit;
        this.scoring = scoring;
        this.users = users;
        this.settings = settings;
        this.sales = sales;
        this.clock = settings.clock();
    }


    /**
     * Makes every read of this service return only what {@code scope} sees (the signed-in user's records);
     * called once by the composition root. Without it the service reads everything (command line).
     */
    public DealService restrictedTo(java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope) {
        this.scope = scope;
        return this;
    }

    public Deal find(long id) {
        return deals.find(id, scope.get()).orElseThrow(() -> new NotFoundException("deal", id));
    }

    public DealCard card(long id) {
        return new DealCard(find(id), details.lines(id), deals.history(id));
    }

    public DealRow row(long id) {
        return queries.row(id, scope.get()).orElseThrow(() -> new NotFoundException("deal", id));
    }

    public List<DealRow> rows(DealFilter filter, int limit) {
        return queries.rows(filter, limit, scope.get());
    }

    /** The deals of one client this user sees (the client card's list), most recently moved first. */
    public List<DealRow> byClient(long clientId, int limit) {
        return queries.byClient(clientId, limit, scope.get());
    }

    public Map<Long, StageTotal> stageTotals(DealFilter filter) {
        return queries.stageTotals(filter, scope.get());
    }

    public List<Pipeline> pipelines() {
        return pipelines.findAll();
    }

    public Map<Long, String> lostReasons() {
        return pipelines.lostReasons();
    }

    /** Names of all users by id (owners in filters, "who" in the history). */
    public Map<Long, String> userNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        users.findAll().forEach(u -> m.put(u.id(), u.fullName()));
        return m;
    }

    /** The users this user may give a deal to (a manager: self; a supervisor: the team), id → name. */
    public Map<Long, String> assignableOwners() {
        Map<Long, String> m = new LinkedHashMap<>();
        new org.deskcrm.service.rights.OwnerRule(users).allowed(scope.get()).forEach(u -> m.put(u.id(), u.fullName()));
        return m;
    }

    /** The business time zone in which period filters are days. */
    public java.time.ZoneId zone() {
        return settings.zone();
    }

    /** Creates a deal (amount = sum of the lines when there are lines); returns its id and version 0. */
    public Saved create(Deal draft, List<DealLine> lines, Long userId) {
        Deal d = withLineAmount(draft, lines);
        validate(d, lines);
        Stage stage = stageOf(d);
        if (stage.kind() == StageKind.LOST && d.lostReasonId() == null) {
            throw new AppException("error.deal.lostReasonRequired");
        }
        new org.deskcrm.service.rights.OwnerRule(users).check(scope.get(), d.ownerId());
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            long id = deals.insert(d, userId, now);
            details.replaceLines(id, lines);
            scoring.rescore(id);
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.CREATE, "deal", id).withDetails(d.title())));
            if (stage.kind() == StageKind.WON && d.clientId() != null) { // a deal without a client makes no sale
                sales.recordWin(id, d.clientId(), d.ownerId(), d.amount(), userId);
            }
            return new Saved(id, 0);
        });
    }

    /**
     * Saves the deal's own fields and lines if nobody changed it since {@code d.version()}; the stage
     * changes only through {@link #move}. Returns the new version.
     */
    public long update(Deal edited, List<DealLine> lines, Long userId) {
        Deal d = withLineAmount(edited, lines);
        validate(d, lines);
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            Deal before = find(d.id());
            if (before.version() != d.version()) {
                throw new org.deskcrm.model.common.ConcurrentEditException("deal", d.id());
            }
            if (before.ownerId() != d.ownerId()) {
                new org.deskcrm.service.rights.OwnerRule(users).check(scope.get(), d.ownerId());
            }
            if (before.pipelineId() != d.pipelineId() || before.stageId() != d.stageId()) {
                throw new AppException("error.deal.useMove");
            }
            long version = deals.changingAttributes(d.id(), () -> { // the deal's totals read once around all three
                long v = details.update(d, now);
                details.replaceLines(d.id(), lines);
                scoring.rescore(d.id());
                return v;
            });
            audit.append(changes(before, d, now, userId));
            return version;
        });
    }

    /**
     * Moves a deal to another stage of its pipeline if its version is still {@code version}; returns
     * the new version. Throws a localized AppException when a lost stage has no reason, and a
     * ConcurrentEditException when someone moved or edited the deal in between.
     */
    public long move(long dealId, long version, long toStageId, Long lostReasonId, String lostNote, Long userId) {
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            Deal before = find(dealId);
            if (before.stageId() == toStageId) {
                return before.version();
            }
            long v = deals.changing(dealId, () -> { // the deal's totals read once around the move and the rescore
                long moved = deals.move(dealId, version, toStageId, lostReasonId, Texts.trimToNull(lostNote), userId, now);
                scoring.rescore(dealId);
                return moved;
            });
            Map<Long, String> names = stageNames(before.pipelineId());
            AuditEvent e = AuditEvent.of(now, userId, AuditAction.MOVE, "deal", dealId)
                    .withChange("stage", names.get(before.stageId()), names.get(toStageId));
            if (lostReasonId != null) {
                e = e.withDetails(pipelines.lostReasons().get(lostReasonId));
            }
            audit.append(List.of(e));
            if (kindOf(before.pipelineId(), toStageId) == StageKind.WON && before.clientId() != null) {
                sales.recordWin(dealId, before.clientId(), before.ownerId(), before.amount(), userId);
            }
            return v;
        });
    }

    /** The kind of a stage (the board asks before a drop whether a reason is needed). */
    public StageKind kindOf(long pipelineId, long stageId) {
        return pipeline(pipelineId).stage(stageId).map(Stage::kind)
                .orElseThrow(() -> new NotFoundException("stage", stageId));
    }

    private Pipeline pipeline(long id) {
        return pipelines.findAll().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("pipeline", id));
    }

    private Stage stageOf(Deal d) {
        return pipeline(d.pipelineId()).stage(d.stageId())
                .orElseThrow(() -> new AppException("error.deal.stageNotInPipeline"));
    }

    private Map<Long, String> stageNames(long pipelineId) {
        Map<Long, String> m = new LinkedHashMap<>();
        pipeline(pipelineId).stages().forEach(s -> m.put(s.id(), s.name()));
        return m;
    }

    static Deal withLineAmount(Deal d, List<DealLine> lines) {
        if (lines.isEmpty()) {
            return d;
        }
        BigDecimal sum = lines.stream().map(DealLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Deal(d.id(), d.title(), d.clientId(), d.contactId(), d.ownerId(), d.pipelineId(), d.stageId(), sum,
                d.expectedClose(), d.sourceId(), d.score(), d.band(), d.lostReasonId(), d.lostNote(), d.createdAt(),
                d.stageChangedAt(), d.closedAt(), d.version());
    }

    static void validate(Deal d, List<DealLine> lines) {
        List<FieldError> errors = new ArrayList<>();
        if (Texts.isBlank(d.title())) {
            errors.add(FieldError.of("title", "error.deal.title"));
        } else if (d.title().strip().length() > 300) {
            errors.add(FieldError.of("title", "error.deal.titleLength", 300));
        }
        if (d.amount() == null || d.amount().signum() < 0) {
            errors.add(FieldError.of("amount", "error.deal.amount"));
        }
        for (int i = 0; i < lines.size(); i++) {
            DealLine l = lines.get(i);
            if (l.quantity() == null || l.quantity().signum() <= 0 || l.price() == null || l.price().signum() < 0
                    || (l.discountPct() != null && (l.discountPct().signum() < 0
                    || l.discountPct().compareTo(BigDecimal.valueOf(100)) > 0))) {
                errors.add(FieldError.of("lines", "error.deal.line", i + 1));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    static List<AuditEvent> changes(Deal a, Deal b, Instant now, Long userId) {
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("title", new String[]{a.title(), b.title().strip()});
        fields.put("clientId", new String[]{str(a.clientId()), str(b.clientId())});
        fields.put("contactId", new String[]{str(a.contactId()), str(b.contactId())});
        fields.put("ownerId", new String[]{str(a.ownerId()), str(b.ownerId())});
        fields.put("amount", new String[]{plain(a.amount()), plain(b.amount())});
        fields.put("expectedClose", new String[]{str(a.expectedClose()), str(b.expectedClose())});
        fields.put("sourceId", new String[]{str(a.sourceId()), str(b.sourceId())});
        List<AuditEvent> events = new ArrayList<>();
        fields.forEach((name, v) -> {
            if (!Objects.equals(v[0], v[1])) {
                events.add(AuditEvent.of(now, userId, AuditAction.UPDATE, "deal", b.id()).withChange(name, v[0], v[1]));
            }
        });
        return events;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }
}
