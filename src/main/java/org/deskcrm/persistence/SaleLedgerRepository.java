package org.deskcrm.persistence;

import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.deal.Sale;
import org.jooq.DSLContext;

import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.SALE;

/** Editing and deleting sales (inserting and reading is in {@link SaleRepository}), version-checked. */
public class SaleLedgerRepository {
    private final DSLContext dsl;

    public SaleLedgerRepository(Database db) {
        this.dsl = db.dsl();
    }

    public Optional<Sale> find(long id) {
        return dsl.selectFrom(SALE).where(SALE.ID.eq(id))
                .fetchOptional(r -> new Sale(r.getId(), r.getClientId(), r.getDealId(), r.getOwnerId(), r.getDocNo(),
                        r.getSaleDate(), r.getAmount(), r.getDueDate(), r.getPaidAmount(), r.getVersion()));
    }

    /** Updates the sale if its version still matches; returns the new version. */
    public long update(Sale s) {
        int n = dsl.update(SALE)
                .set(SALE.CLIENT_ID, s.clientId())
                .set(SALE.DEAL_ID, s.dealId())
                .set(SALE.OWNER_ID, s.ownerId())
                .set(SALE.DOC_NO, s.docNo())
                .set(SALE.SALE_DATE, s.saleDate())
                .set(SALE.AMOUNT, s.amount())
                .set(SALE.DUE_DATE, s.dueDate())
                .set(SALE.PAID_AMOUNT, s.paidAmount())
                .set(SALE.VERSION, s.version() + 1)
                .where(SALE.ID.eq(s.id()).and(SALE.VERSION.eq(s.version())))
                .execute();
        check(n, s.id());
        return s.version() + 1;
    }

    public void delete(long id, long version) {
        check(dsl.deleteFrom(SALE).where(SALE.ID.eq(id).and(SALE.VERSION.eq(version))).execute(), id);
    }

    private void check(int n, long id) {
        if (n == 0) {
            if (!dsl.fetchExists(SALE, SALE.ID.eq(id))) {
                throw new NotFoundException("sale", id);
            }
            throw new ConcurrentEditException("sale", id);
        }
    }
}
