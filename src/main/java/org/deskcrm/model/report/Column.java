package org.deskcrm.model.report;

/**
 * A report column: its key (also the resource key suffix of its header), its type, whether the
 * totals row is the sum of the rows, and what a drill-down of one of its cells returns.
 */
public record Column(String key, ColumnType type, boolean summable, DrillKind drill) {

    public static Column text(String key) {
        return new Column(key, ColumnType.TEXT, false, DrillKind.NONE);
    }

    public static Column count(String key) {
        return new Column(key, ColumnType.COUNT, true, DrillKind.COUNT);
    }

    public static Column money(String key) {
        return new Column(key, ColumnType.MONEY, true, DrillKind.SUM);
    }

    public static Column ratio(String key) {
        return new Column(key, ColumnType.RATIO, false, DrillKind.NONE);
    }

    public static Column number(String key) {
        return new Column(key, ColumnType.NUMBER, false, DrillKind.NONE);
    }

    public static Column date(String key) {
        return new Column(key, ColumnType.DATE, false, DrillKind.NONE);
    }

    /** The same column without a drill-down (a derived or non-additive figure). */
    public Column plain() {
        return new Column(key, type, summable, DrillKind.NONE);
    }

    /** The same column whose totals cell is not a sum (e.g. not additive across rows). */
    public Column notSummable() {
        return new Column(key, type, false, drill);
    }
}
