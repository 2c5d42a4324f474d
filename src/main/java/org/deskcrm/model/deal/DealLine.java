package org.deskcrm.model.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A product line of a deal; its amount is quantity × price less the discount. */
public record DealLine(Long id, long productId, String productName, BigDecimal quantity, BigDecimal price,
                       BigDecimal discountPct) {

    public static DealLine of(long productId, String quantity, String price) {
        return new DealLine(null, productId, null, new BigDecimal(quantity), new BigDecimal(price), BigDecimal.ZERO);
    }

    public BigDecimal amount() {
        BigDecimal gross = quantity.multiply(price);
        BigDecimal discount = discountPct == null ? BigDecimal.ZERO : discountPct;
        return gross.subtract(gross.multiply(discount).movePointLeft(2)).setScale(2, RoundingMode.HALF_UP);
    }
}
