package org.deskcrm.model.report;

/** How a report cell is typed (and so formatted in the window and in Excel). */
public enum ColumnType {
    /** a name or a code. */
    TEXT,
    /** a whole number (Long). */
    COUNT,
    /** money, BigDecimal with two decimals. */
    MONEY,
    /** a share, BigDecimal fraction (0.25 = 25 %); null when undefined (division by zero). */
    RATIO,
    /** a decimal number (BigDecimal), e.g. days or seconds on average. */
    NUMBER,
    /** a business day (LocalDate). */
    DATE;

    /**
     * The type of a summary figure (beside the table): a date, a count, money (amounts, revenue goals, the average
     * deal), a share (four decimals) or another decimal.
     */
    public static ColumnType ofSummary(String key, Object value) {
        if (value instanceof java.time.LocalDate) {
            return DATE;
        }
        if (value instanceof Long || value instanceof Integer) {
            return COUNT;
        }
        if (value instanceof java.math.BigDecimal b) {
            if (key.endsWith("amount") || key.startsWith("revenue") || key.equals("avg_deal")) {
                return MONEY;
            }
            return b.scale() == 4 ? RATIO : NUMBER;
        }
        return TEXT;
    }
}
