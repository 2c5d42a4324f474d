package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects rows and builds a table whose summable totals are the sums of its rows, by construction. */
final class TableBuilder {
    private final String report;
    private final ReportFilter filter;
    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();

    TableBuilder(String report, ReportFilter filter, Column... columns) {
        this.report = report;
        this.filter = filter;
        this.columns = List.of(columns);
    }

    TableBuilder row(String key, Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(report + ": " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(new Row(key, Arrays.asList(values)));
        return this;
    }

    TableBuilder summary(String key, Object value) {
        summary.put(key, value);
        return this;
    }

    /** The sum of a summable column over the rows so far (Long for counts, BigDecimal otherwise). */
    Object sum(String key) {
        int i = indexOf(key);
        Column c = columns.get(i);
        if (c.type() == org.deskcrm.model.report.ColumnType.COUNT) {
            long n = 0;
            for (Row r : rows) {
                Object v = r.values().get(i);
                n += v == null ? 0 : ((Number) v).longValue();
            }
            return n;
        }
        BigDecimal s = BigDecimal.ZERO;
        for (Row r : rows) {
            Object v = r.values().get(i);
            s = v == null ? s : s.add((BigDecimal) v);
        }
        return s;
    }

    long count(String key) {
        return (Long) sum(key);
    }

    BigDecimal amount(String key) {
        return (BigDecimal) sum(key);
    }

    /** Builds the table; {@code derived} gives the totals cells of non-summable columns (e.g. averages). */
    ReportTable build(Map<String, Object> derived) {
        List<Object> totals = new ArrayList<>();
        for (Column c : columns) {
            totals.add(c.summable() ? sum(c.key()) : derived.get(c.key()));
        }
        return new ReportTable(report, filter, columns, rows, new Row(ReportTable.TOTALS, totals), summary);
    }

    ReportTable build() {
        return build(Map.of());
    }

    private int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }
}
