package org.deskcrm.persistence;

import org.deskcrm.model.deal.Sale;
import org.jooq.DSLContext;
import org.jooq.Record3;

import java.time.LocalDate;
import java.util.List;

import static org.deskcrm.persistence.jooq.Tables.SALE;

/** Sales (shipments, invoices) with their payment state. */
public class SaleRepository {
    /** How many sales a client has and the dates of the first and last. */
    public record PurchaseStats(int count, LocalDate first, LocalDate last) {
    }

    private final DSLContext dsl;

    public SaleRepository(Database db) {
        this.dsl = db.dsl();
    }

    public long insert(Sale s) {
        return dsl.insertInto(SALE)
                .set(SALE.CLIENT_ID, s.clientId())
                .set(SALE.DEAL_ID, s.dealId())
                .set(SALE.OWNER_ID, s.ownerId())
                .set(SALE.DOC_NO, s.docNo())
                .set(SALE.SALE_DATE, s.saleDate())
                .set(SALE.AMOUNT, s.amount())
                .set(SALE.DUE_DATE, s.dueDate())
                .set(SALE.PAID_AMOUNT, s.paidAmount())
                .returning(SALE.ID).fetchOne(SALE.ID);
    }

    public List<Sale> byClient(long clientId) {
        return dsl.selectFrom(SALE).where(SALE.CLIENT_ID.eq(clientId)).orderBy(SALE.SALE_DATE.desc(), SALE.ID.desc())
                .fetch(r -> new Sale(r.getId(), r.getClientId(), r.getDealId(), r.getOwnerId(), r.getDocNo(),
                        r.getSaleDate(), r.getAmount(), r.getDueDate(), r.getPaidAmount(), r.getVersion()));
    }

    /** The first sale recorded for a deal (the invoice created when it was won), if any. */
    public java.util.Optional<Sale> byDeal(long dealId) {
        return dsl.selectFrom(SALE).where(SALE.DEAL_ID.eq(dealId)).orderBy(SALE.ID).limit(1)
                .fetchOptional(r -> new Sale(r.getId(), r.getClientId(), r.getDealId(), r.getOwnerId(), r.getDocNo(),
                        r.getSaleDate(), r.getAmount(), r.getDueDate(), r.getPaidAmount(), r.getVersion()));
    }

    public PurchaseStats stats(long clientId) {
        Record3<Integer, LocalDate, LocalDate> r = dsl.select(org.jooq.impl.DSL.count(), org.jooq.impl.DSL.min(SALE.SALE_DATE),
                        org.jooq.impl.DSL.max(SALE.SALE_DATE))
                .from(SALE).where(SALE.CLIENT_ID.eq(clientId)).fetchOne();
        return new PurchaseStats(r.value1(), r.value2(), r.value3());
    }
}
