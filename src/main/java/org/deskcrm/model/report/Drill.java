package org.deskcrm.model.report;

import java.math.BigDecimal;
import java.util.List;

/** The records behind one figure; their count or the sum of their amounts equals the figure. */
public record Drill(String report, String column, String rowKey, DrillKind kind, List<DrillItem> items) {
    public Drill {
        items = List.copyOf(items);
    }

    public long count() {
        return items.size();
    }

    /** The figure these records reproduce: their count or the sum of their amounts. */
    public BigDecimal value() {
        return kind == DrillKind.SUM ? sum() : BigDecimal.valueOf(count());
    }

    public BigDecimal sum() {
        return items.stream().map(DrillItem::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
