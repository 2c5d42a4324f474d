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
    DATE
}
