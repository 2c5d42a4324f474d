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
