package org.deskcrm.model.deal;

import java.math.BigDecimal;

/** How many deals stand at a stage and their amount (a board column's header). */
public record StageTotal(long count, BigDecimal amount) {
}
