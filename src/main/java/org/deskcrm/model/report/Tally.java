package org.deskcrm.model.report;

import java.math.BigDecimal;

/** A group of records: its key (null = records without one), how many, and the sum of their amounts. */
public record Tally(Long key, long count, BigDecimal amount) {
    public Tally {
        amount = amount == null ? BigDecimal.ZERO : amount;
    }
}
