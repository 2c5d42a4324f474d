package org.deskcrm.service.home;

import org.deskcrm.model.control.ControlIndicator;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.service.report.ManagerLoadReport;
import org.deskcrm.service.report.ManagerRatingReport;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A figure of the home dashboard and where it comes from: a cell of a report's totals row, a summary
 * figure of a report, or a control indicator's count. Reading the figure from the report's own table
 * makes the tile and the report one source of truth; a click opens that report (or control list).
 */
public enum HomeTile {
    REVENUE(ManagerRatingReport.NAME, "revenue", false, ColumnType.MONEY, true, null),
    WON_DEALS(ManagerRatingReport.NAME, "won_deals", false, ColumnType.COUNT, true, null),
    WIN_RATE(ManagerLoadReport.NAME, "conversion", false, ColumnType.RATIO, true, null),
    LEADS(ManagerRatingReport.NAME, "leads", false, ColumnType.COUNT, true, null),
    PIPELINE_VALUE(ManagerLoadReport.NAME, "open_amount", false, ColumnType.MONEY, false, null),
    MISSED_CALLS(null, null, false, ColumnType.COUNT, false, ControlIndicator.UNRETURNED_MISSED_CALLS),
    OVERDUE_TASKS(null, null, false, ColumnType.COUNT, false, ControlIndicator.OVERDUE_TASKS),
    STUCK_DEALS(null, null, false, ColumnType.COUNT, false, ControlIndicator.STUCK_DEALS);

    /** What a supervisor or administrator sees first, in order. */
    public static final List<HomeTile> SUPERVISOR = List.of(REVENUE, WON_DEALS, WIN_RATE, PIPELINE_VALUE,
            MISSED_CALLS, OVERDUE_TASKS);
    /** A manager's own day: own revenue against own plan, own deals, tasks and calls. */
    public static final List<HomeTile> MANAGER = List.of(REVENUE, WON_DEALS, PIPELINE_VALUE, OVERDUE_TASKS,
            MISSED_CALLS, STUCK_DEALS);

    private final String report;
    private final String figure;
    private final boolean summary;
    private final ColumnType type;
    private final boolean periodic;
    private final ControlIndicator indicator;

    HomeTile(String report, String figure, boolean summary, ColumnType type, boolean periodic,
             ControlIndicator indicator) {
        this.report = report;
        this.figure = figure;
        this.summary = summary;
        this.type = type;
        this.periodic = periodic;
        this.indicator = indicator;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HomeTile> ofCode(String code) {
        for (HomeTile t : values()) {
            if (t.code().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The report the figure is read from and a click opens; empty for a control indicator. */
    public Optional<String> report() {
        return Optional.ofNullable(report);
    }

    /** The report's column (of its totals row) or summary key holding the figure. */
    public String figure() {
        return figure;
    }

    /** True when the figure is a summary figure of the report, false for a totals-row cell. */
    public boolean fromSummary() {
        return summary;
    }

    public ColumnType type() {
        return type;
    }

    /** True when the figure belongs to a period (so it has a previous period and a monthly trend). */
    public boolean periodic() {
        return periodic;
    }

    public Optional<ControlIndicator> indicator() {
        return Optional.ofNullable(indicator);
    }
}
