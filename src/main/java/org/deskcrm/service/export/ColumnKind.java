package org.deskcrm.service.export;

/**
 * What a column of an exported list holds, deciding the cell type and number format: text, a whole
 * number, money (2 decimals), a decimal, a percentage (a fraction, 0.25 = 25 %), a date, or a date
 * with time (in the business time zone).
 */
public enum ColumnKind {
    TEXT, INTEGER, MONEY, DECIMAL, PERCENT, DATE, DATETIME;

    /** True for the kinds written as numeric cells (and summed in the totals row when the column asks). */
    public boolean numeric() {
        return this == INTEGER || this == MONEY || this == DECIMAL || this == PERCENT;
    }
}
