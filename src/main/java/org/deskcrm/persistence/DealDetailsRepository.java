package org.deskcrm.persistence;

import org.deskcrm.persistence.totals.MainProducts;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.persistence.totals.DealReach;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_LINE;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT;

/**
 * Editing a deal's own fields and its product lines, version-checked. Pipeline and stage are not
 * edited here: they change only through {@link DealRepository#move}, which keeps the stage history.
 */
public class DealDetailsRepository {
    private final DSLContext dsl;
    private final DealTotals totals;

    public DealDetailsRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new DealTotals(db.dsl());
    }

    /** Updates the deal if its version is still {@code d.version()}; returns the new version. */
    public long update(Deal d, Instant now) {
        return totals.aroundDeal(d.id(), DealReach.ATTRIBUTES, () -> write(d, now));
    }

    private long write(Deal d, Instant now) {
        int n = dsl.update(DEAL)
                .set(DEAL.TITLE, d.title().strip())
                .set(DEAL.TITLE_NORM, Texts.lower(d.title()))
                .set(DEAL.CLIENT_ID, d.clientId())
                .set(DEAL.CONTACT_ID, d.contactId())
                .set(DEAL.OWNER_ID, d.ownerId())
                .set(DEAL.AMOUNT, d.amount())
                .set(DEAL.EXPECTED_CLOSE, d.expectedClose())
                .set(DEAL.SOURCE_ID, d.sourceId())
                .set(DEAL.UPDATED_AT, odt(now))
                .set(DEAL.VERSION, d.version() + 1)
                .where(DEAL.ID.eq(d.id()).and(DEAL.VERSION.eq(d.version())))
                .execute();
        if (n == 0) {
            if (!dsl.fetchExists(DEAL, DEAL.ID.eq(d.id()))) {
                throw new NotFoundException("deal", d.id());
            }
            throw new ConcurrentEditException("deal", d.id());
        }
        return d.version() + 1;
    }

    /**
     * Replaces the deal's lines with these, and the deal's main product with theirs (ADR 0031), with the totals of its
     * closed deal by main product (ADR 0037; inside a card save's own reading of the deal's totals, nothing more).
     */
    public void replaceLines(long dealId, List<DealLine> lines) {
        totals.aroundDeal(dealId, DealReach.ATTRIBUTES, () -> {
            Long main = MainProducts.of(lines, DealLine::amount, DealLine::productId);
            // no row write when the card's lines keep their main product (most saves)
            dsl.update(DEAL).set(DEAL.MAIN_PRODUCT_ID, main)
                    .where(DEAL.ID.eq(dealId).and(DEAL.MAIN_PRODUCT_ID.isDistinctFrom(main))).execute();
            dsl.deleteFrom(DEAL_LINE).where(DEAL_LINE.DEAL_ID.eq(dealId)).execute();
            for (DealLine l : lines) {
                dsl.insertInto(DEAL_LINE)
                        .set(DEAL_LINE.DEAL_ID, dealId)
                        .set(DEAL_LINE.PRODUCT_ID, l.productId())
                        .set(DEAL_LINE.QUANTITY, l.quantity())
                        .set(DEAL_LINE.PRICE, l.price())
                        .set(DEAL_LINE.DISCOUNT_PCT, l.discountPct() == null ? java.math.BigDecimal.ZERO : l.discountPct())
                        .set(DEAL_LINE.AMOUNT, l.amount())
                        .execute();
            }
            return null;
        });
    }

    /** The deal's lines with product names, in entry order. */
    public List<DealLine> lines(long dealId) {
        return dsl.select(DEAL_LINE.ID, DEAL_LINE.PRODUCT_ID, PRODUCT.NAME, DEAL_LINE.QUANTITY, DEAL_LINE.PRICE,
                        DEAL_LINE.DISCOUNT_PCT)
                .from(DEAL_LINE).join(PRODUCT).on(PRODUCT.ID.eq(DEAL_LINE.PRODUCT_ID))
                .where(DEAL_LINE.DEAL_ID.eq(dealId)).orderBy(DEAL_LINE.ID)
                .fetch(r -> new DealLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}
