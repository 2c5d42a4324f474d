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
import java.awt.Color;
import java.awt.Font;
import java.util.Optional;

/** A bar chart of a report's main figure (its first money column, else its first count) by row. */
final class ReportChart {
    private ReportChart() {
    }

    private static final Color BAR = new Color(0x3B, 0x82, 0xF6);
    private static final Color GRID = new Color(0xE5, 0xE7, 0xEB);
    private static final Color TEXT = new Color(0x37, 0x41, 0x51);

    /**
     * The chart, or none when the report has no main figure, no rows or too many rows to read as bars.
     * It has no title of its own: the tab names the report.
     */
    static Optional<JFreeChart> of(ReportTable t, String none, java.util.function.Function<String, String> header) {
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
        JFreeChart chart = ChartFactory.createBarChart(null, null, series, data, PlotOrientation.HORIZONTAL, false, true, false);
        style(chart);
        return Optional.of(chart);
    }

    /** Flat bars in the window's accent colour on white, light range grid lines, no outlines. */
    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, BAR);
        bars.setMaximumBarWidth(0.1);
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        plot.getDomainAxis().setTickLabelFont(ticks);
        plot.getDomainAxis().setTickLabelPaint(TEXT);
        plot.getDomainAxis().setAxisLineVisible(false);
        plot.getDomainAxis().setTickMarksVisible(false);
        plot.getRangeAxis().setTickLabelFont(ticks);
        plot.getRangeAxis().setTickLabelPaint(TEXT);
        plot.getRangeAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        plot.getRangeAxis().setLabelPaint(TEXT);
        plot.getRangeAxis().setAxisLineVisible(false);
    }
}
