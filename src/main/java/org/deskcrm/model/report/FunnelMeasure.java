package org.deskcrm.model.report;

/**
 * What a funnel is drawn by, as its reader chooses: the deals that reached each stage, or their amount.
 * The table emphasises the same column the chart draws.
 */
public enum FunnelMeasure {
    /** deals whose history reached the stage or a later one (column {@code reached}). */
    DEALS("reached"),
    /** the amount of those deals (column {@code reached_amount}). */
    AMOUNT("reached_amount");

    private final String column;

    FunnelMeasure(String column) {
        this.column = column;
    }

    /** The key of the funnel table's column holding this measure. */
    public String column() {
        return column;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The other measure's column, shown as the secondary figure beside the chosen one. */
    public String secondaryColumn() {
        return this == DEALS ? AMOUNT.column : DEALS.column;
    }
}
