package org.deskcrm.service.report;

import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;

import java.util.Set;

/** One supervisor report: computed for a filter, and able to list the records behind any figure. */
public interface Report {
    /** The command-line and resource name, e.g. {@code funnel}. */
    String name();

    ReportTable run(ReportFilter filter);

    /**
     * The records behind one cell ({@code rowKey} a row's key, or {@link ReportTable#TOTALS}) or
     * behind a summary figure ({@code rowKey} null, {@code column} the summary key).
     */
    Drill drill(ReportFilter filter, String column, String rowKey);

    /**
     * The row grains the report offers (its default first), or none when its rows are not split by
     * time; a filter's null grain means the default.
     */
    default java.util.List<org.deskcrm.model.report.Grain> grains() {
        return java.util.List.of();
    }

    /** The attributes the report can group deals by (its default first), or none. */
    default java.util.List<org.deskcrm.model.report.DealAttribute> attributes() {
        return java.util.List.of();
    }

    /** Summary figures that can be drilled into. */
    default Set<String> drillableSummary() {
        return Set.of();
    }
}
