package org.deskcrm.model.report;

/**
 * Which group a drill-down asks for: every group (the totals row) or one key, where a null key is
 * the group of records without one (e.g. deals without a lead source).
 */
public record Pick(boolean any, Long key) {
    public static final String NONE_KEY = "none";

    public static Pick all() {
        return new Pick(true, null);
    }

    public static Pick of(Long key) {
        return new Pick(false, key);
    }

    /** Parses a row key: {@code total} is every group, {@code none} the group without a key. */
    public static Pick parse(String rowKey) {
        if (rowKey == null || ReportTable.TOTALS.equals(rowKey)) {
            return all();
        }
        if (NONE_KEY.equals(rowKey)) {
            return of(null);
        }
        try {
            return of(Long.valueOf(rowKey));
        } catch (NumberFormatException e) {
            throw new org.deskcrm.model.common.AppException("error.report.unknownRow", rowKey);
        }
    }

    /** The row key of a group key. */
    public static String keyOf(Long key) {
        return key == null ? NONE_KEY : key.toString();
    }
}
