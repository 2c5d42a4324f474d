package org.deskcrm.service.deal;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.LifecycleRepository;
import org.deskcrm.persistence.SaleLedgerRepository;
import org.deskcrm.persistence.SaleRepository;
import org.deskcrm.service.client.LifecycleRules;
import org.deskcrm.service.common.Progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Sales of a client (amount, date, due date, paid amount). Every add, edit or delete recomputes the
 * client's lifecycle status in the same transaction; {@link #recomputeAll} refreshes every client
 * set-based, in id batches, with the same rules ({@link LifecycleRules}, thresholds from settings).
 */
public class SaleService {
    static final int BATCH = 20_000;

    private final Database db;
    private final SaleRepository sales;
    private final SaleLedgerRepository ledger;
    private final ClientRepository clients;
    private final LifecycleRepository lifecycle;
    private final AuditRepository audit;
    private final DealSettings settings;
    private final ScoringService scoring;

    public SaleService(Database db, SaleRepository sales, SaleLedgerRepository ledger, ClientRepository clients,
                       LifecycleRepository lifecycle, AuditRepository audit, DealSettings settings,
                       ScoringService scoring) {
        this.db = db;
        this.sales = sales;
        this.ledger = ledger;
        this.clients = clients;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.settings = settings;
        this.scoring = scoring;
    }

    public List<Sale> byClient(long clientId) {
        return sales.byClient(clientId);
    }

    public long add(Sale s, Long userId) {
        validate(s);
        Instant now = settings.clock().instant();
        return db.inTransaction(() -> {
            long id = sales.insert(s);
            recompute(s.clientId());
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.CREATE, "sale", id)
                    .withDetails(s.amount().toPlainString() + " " + s.saleDate())));
            return id;
        });
    }

    /** Saves an edited sale (version-checked); returns the new version. */
    public long edit(Sale s, Long userId) {
        validate(s);
        Instant now = settings.clock().instant();
        return db.inTransaction(() -> {
            Sale before = ledger.find(s.id()).orElseThrow(() -> new NotFoundException("sale", s.id()));
            long v = ledger.update(s);
            recompute(s.clientId());
            if (before.clientId() != s.clientId()) {
                recompute(before.clientId());
            }
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.UPDATE, "sale", s.id())
                    .withChange("amount", before.amount().toPlainString(), s.amount().toPlainString())));
            return v;
        });
    }

    public void delete(long saleId, long version, Long userId) {
        Instant now = settings.clock().instant();
        db.inTransaction(() -> {
            Sale before = ledger.find(saleId).orElseThrow(() -> new NotFoundException("sale", saleId));
            ledger.delete(saleId, version);
            recompute(before.clientId());
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.DELETE, "sale", saleId)
                    .withDetails(before.amount().toPlainString() + " " + before.saleDate())));
        });
    }

    /**
     * The sale (invoice) of a won deal; called by {@link DealService} inside the transaction that moves
     * the deal into a won stage (or creates it there), so the stage move, the sale and the recomputed
     * lifecycle status land together or not at all.
     * <p>
     * The rule (one sale per won deal, found by {@code sale.deal_id}):
     * <ul>
     *   <li>the deal has no sale yet: a sale is added for the deal's client and owner, dated the business
     *       day it was won, for the deal's amount, unpaid, without due date or number;</li>
     *   <li>the deal already has a sale (won → reopened or lost → won again): nothing is added; if that
     *       sale is still entirely unpaid its date and amount are brought up to the new win, a sale with
     *       payments on it is left as the accountant recorded it;</li>
     *   <li>leaving a won stage never deletes the sale (a document is not removed behind the user's
     *       back; it can be deleted from the client card). Sales are not revenue
     *       (docs/decisions/0001-revenue-definition.md), so reports do not change with them.</li>
     * </ul>
     * Returns the sale's id.
     */
    public long recordWin(long dealId, long clientId, long ownerId, BigDecimal amount, Long userId) {
        Instant now = settings.clock().instant();
        LocalDate day = settings.today();
        return db.inTransaction(() -> {
            var existing = sales.byDeal(dealId);
            if (existing.isPresent()) {
                Sale s = existing.get();
                if (s.paidAmount().signum() == 0
                        && (s.amount().compareTo(amount) != 0 || !s.saleDate().equals(day))) {
                    LocalDate due = s.dueDate() == null || s.dueDate().isBefore(day) ? null : s.dueDate();
                    ledger.update(new Sale(s.id(), s.clientId(), dealId, s.ownerId(), s.docNo(), day, amount, due,
                            BigDecimal.ZERO, s.version()));
                    recompute(s.clientId());
                    audit.append(List.of(AuditEvent.of(now, userId, AuditAction.UPDATE, "sale", s.id())
                            .withChange("amount", s.amount().toPlainString(), amount.toPlainString())));
                }
                return s.id();
            }
            Sale s = new Sale(null, clientId, dealId, ownerId, null, day, amount, null, BigDecimal.ZERO, 0);
            long id = sales.insert(s);
            recompute(clientId);
            audit.append(List.of(AuditEvent.of(now, userId, AuditAction.CREATE, "sale", id)
                    .withDetails(amount.toPlainString() + " " + day + " deal " + dealId)));
            return id;
        });
    }

    /**
     * Recomputes one client's lifecycle status from its sales and rescores its deals when the status
     * changed (scoring rules may look at it); joins the caller's transaction.
     */
    public LifecycleStatus recompute(long clientId) {
        SaleRepository.PurchaseStats st = sales.stats(clientId);
        LifecycleStatus status = settings.lifecycle().status(st.count(), st.last(), settings.today());
        LifecycleStatus before = clients.findCard(clientId).map(c -> c.client().lifecycle()).orElse(null);
        clients.setLifecycle(clientId, status, st.count(), st.first(), st.last(), settings.clock().instant());
        if (before != status) {
            scoring.rescoreClient(clientId);
        }
        return status;
    }

    /** Recomputes every client's status, {@value #BATCH} ids per transaction; returns how many changed. */
    public long recomputeAll(Progress progress) {
        long[] range = lifecycle.idRange();
        if (range == null) {
            return 0;
        }
        LifecycleRules rules = settings.lifecycle();
        LocalDate today = settings.today();
        Instant now = settings.clock().instant();
        long total = range[1] - range[0] + 1;
        long done = 0;
        for (long from = range[0]; from <= range[1] && !progress.isCancelled(); from += BATCH) {
            done += lifecycle.recomputeRange(from, from + BATCH, today.minusDays(rules.churnDays()),
                    today.minusDays(rules.freshDays()), now);
            progress.update("progress.lifecycle", Math.min(from + BATCH - range[0], total), total);
        }
        return done;
    }

    static void validate(Sale s) {
        List<FieldError> errors = new ArrayList<>();
        if (s.saleDate() == null) {
            errors.add(FieldError.of("saleDate", "error.sale.date"));
        }
        if (s.amount() == null || s.amount().signum() < 0) {
            errors.add(FieldError.of("amount", "error.sale.amount"));
        }
        if (s.paidAmount() == null || s.paidAmount().signum() < 0
                || (s.amount() != null && s.paidAmount().compareTo(s.amount()) > 0)) {
            errors.add(FieldError.of("paidAmount", "error.sale.paid"));
        }
        if (s.dueDate() != null && s.saleDate() != null && s.dueDate().isBefore(s.saleDate())) {
            errors.add(FieldError.of("dueDate", "error.sale.due"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
