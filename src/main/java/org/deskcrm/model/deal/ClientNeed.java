package org.deskcrm.model.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a client plans to buy, with the purchase probability computed from history and why. */
public record ClientNeed(Long id, long clientId, long productId, String productName, BigDecimal quantity,
                         LocalDate periodStart, LocalDate periodEnd, NeedProbability probability, String status,
                         String note, long version) {

    public static ClientNeed draft(long clientId, long productId, BigDecimal quantity, LocalDate from, LocalDate to) {
        return new ClientNeed(null, clientId, productId, null, quantity, from, to, null, "open", null, 0);
    }
}
