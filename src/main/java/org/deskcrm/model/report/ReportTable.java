package org.deskcrm.model.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A computed report: columns, rows, a totals row whose summable cells are the sums of the rows,
 * and named summary figures (e.g. a funnel's win rate) shown beside the table.
 */
public record ReportTable(String report, ReportFilter filter, List<Column> columns, List<Row> rows, Row totals,
                          Map<String, Object> summary) {
    /** The row key of the totals row in drill-downs. */
    public static final String TOTALS = "total";

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + report);
    }

    public Column column(String key) {
        return columns.get(index(key));
    }

    /** A cell by row key and column key; the totals row is {@link #TOTALS}. */
    public Object value(String rowKey, String column) {
        if (TOTALS.equals(rowKey)) {
            return totals.values().get(index(column));
        }
        Row row = rows.stream().filter(r -> r.key().equals(rowKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + rowKey + " in " + report));
        return row.values().get(index(column));
    }

    public boolean hasRow(String rowKey) {
        return rows.stream().anyMatch(r -> r.key().equals(rowKey));
    }
}
