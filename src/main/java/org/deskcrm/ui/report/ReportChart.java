package org.deskcrm.ui.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.Optional;

/** A bar chart of a report's main figure (its first money column, else its first count) by row. */
final class ReportChart {
    private ReportChart() {
    }

    static Optional<JFreeChart> of(ReportTable t, String title, String none, java.util.function.Function<String, String> header) {
        Optional<Column> figure = t.columns().stream().filter(c -> c.type() == ColumnType.MONEY).findFirst()
                .or(() -> t.columns().stream().filter(c -> c.type() == ColumnType.COUNT).findFirst());
        if (figure.isEmpty() || t.rows().isEmpty() || t.rows().size() > 40) {
            return Optional.empty();
        }
        int value = t.index(figure.get().key());
        int label = t.columns().get(0).type() == ColumnType.TEXT ? 0 : -1;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = header.apply(figure.get().key());
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Row r : t.rows()) {
            Object v = r.values().get(value);
            Object name = label < 0 ? null : r.values().get(label);
            String category = name == null ? none : name.toString();
            if (!used.add(category)) {
                category = category + " [" + r.key() + "]";
                used.add(category);
            }
            data.addValue(v == null ? 0 : ((Number) v).doubleValue(), series, category);
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, series, data, PlotOrientation.HORIZONTAL, false, true, false);
        return Optional.of(chart);
    }
}
