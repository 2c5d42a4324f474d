package org.deskcrm.model.report;

import java.math.BigDecimal;

/** One record behind a figure: what it is (deal, sale, call...), its id, a label and its amount. */
public record DrillItem(String entity, long id, String label, BigDecimal amount) {
}
