package org.deskcrm.model.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A shipment or invoice: feeds lifecycle status, ABC/XYZ/RFM and receivables. */
public record Sale(Long id, long clientId, Long dealId, Long ownerId, String docNo, LocalDate saleDate,
                   BigDecimal amount, LocalDate dueDate, BigDecimal paidAmount, long version) {
}
