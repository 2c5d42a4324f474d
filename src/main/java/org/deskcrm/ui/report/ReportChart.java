package org.deskcrm.ui.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A bar chart of a report's main figure (its first money column, else its first count) by row. */
final class ReportChart {
    private ReportChart() {
    }

    /**
     * The chart, or none when the report has no main figure, no rows or too many rows to read as bars.
     * It has no title of its own: the tab names the report. A row's bar is labelled by its first
     * column's text ({@code text} localizes codes) and, when rows are per day or week, by that date.
     */
    static Optional<JFreeChart> of(ReportTable t, String none, Function<String, String> header,
                                   Function<Object, String> text, ChartPalette palette) {
        Optional<Column> figure = t.columns().stream().filter(c -> c.type() == ColumnType.MONEY).findFirst()
                .or(() -> t.columns().stream().filter(c -> c.type() == ColumnType.COUNT).findFirst());
        if (figure.isEmpty() || t.rows().isEmpty() || t.rows().size() > 40) {
            return Optional.empty();
        }
        int value = t.index(figure.get().key());
        int label = t.columns().get(0).type() == ColumnType.TEXT ? 0 : -1;
        int date = t.columns().size() > 1 && t.columns().get(1).type() == ColumnType.DATE ? 1 : -1;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = header.apply(figure.get().key());
        Set<String> used = new HashSet<>();
        for (Row r : t.rows()) {
            Object v = r.values().get(value);
            Object name = label < 0 ? null : r.values().get(label);
            String category = name == null ? none : text.apply(name);
            if (date >= 0 && r.values().get(date) != null) {
                category = category + " " + r.values().get(date);
            }
            if (!used.add(category)) {
                category = category + " [" + r.key() + "]";
                used.add(category);
            }
            data.addValue(v == null ? 0 : ((Number) v).doubleValue(), series, category);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, series, data, PlotOrientation.HORIZONTAL, false, true, false);
        style(chart, palette);
        return Optional.of(chart);
    }

    /** The type of the figure the chart draws: money when the report has a money column, else counts. */
    static ColumnType figureType(ReportTable t) {
        return t.columns().stream().anyMatch(c -> c.type() == ColumnType.MONEY) ? ColumnType.MONEY : ColumnType.COUNT;
    }

    /** Flat bars in the theme's accent colour on its surface colour, faint range grid lines, no outlines. */
    static void style(JFreeChart chart, ChartPalette palette) {
        chart.setBackgroundPaint(palette.background());
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(palette.background());
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(palette.grid());
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, palette.bar());
        bars.setMaximumBarWidth(0.1);
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        plot.getDomainAxis().setTickLabelFont(ticks);
        plot.getDomainAxis().setTickLabelPaint(palette.text());
        plot.getDomainAxis().setAxisLineVisible(false);
        plot.getDomainAxis().setTickMarksVisible(false);
        plot.getRangeAxis().setTickLabelFont(ticks);
        plot.getRangeAxis().setTickLabelPaint(palette.text());
        plot.getRangeAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        plot.getRangeAxis().setLabelPaint(palette.text());
        plot.getRangeAxis().setAxisLineVisible(false);
    }
}
