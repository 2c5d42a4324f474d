package org.deskcrm.service.report;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;

/**
 * The funnel report's native Excel chart: a funnel drawn as stacked horizontal bars, the first stage on
 * top. The visible series is the table's "reached" cells of the stages deals move through (lost stages
 * are not steps); an unfilled series before each bar (half of what the bar lacks of the widest one,
 * kept in the chart itself, not in the sheet) centres the bars.
 */
final class FunnelExportChart {
    private FunnelExportChart() {
    }

    static void draw(XSSFSheet sheet, ReportTable t, int header, String title, String series) {
        int reached = t.index("reached");
        int steps = 0;
        while (steps < t.rows().size() && t.rows().get(steps).values().get(reached) != null) {
            steps++;
        }
        if (steps == 0) {
            return;
        }
        double max = 0;
        for (int i = 0; i < steps; i++) {
            max = Math.max(max, ((Number) t.rows().get(i).values().get(reached)).doubleValue());
        }
        Double[] spacer = new Double[steps];
        for (int i = 0; i < steps; i++) {
            Row r = t.rows().get(i);
            spacer[i] = (max - ((Number) r.values().get(reached)).doubleValue()) / 2;
        }
        int cols = t.columns().size();
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, cols + 1, header, cols + 11, header + 22));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        var categories = chart.createCategoryAxis(AxisPosition.LEFT);
        categories.setOrientation(AxisOrientation.MAX_MIN);
        var values = chart.createValueAxis(AxisPosition.BOTTOM);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setVisible(false);
        var data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.BAR);
        data.setBarGrouping(BarGrouping.STACKED);
        data.setGapWidth(40);
        data.setVaryColors(false);
        var stages = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(header + 1, header + steps, 0, 0));
        var space = data.addSeries(stages, XDDFDataSourcesFactory.fromArray(spacer));
        space.setTitle("", null);
        XDDFShapeProperties none = new XDDFShapeProperties();
        none.setFillProperties(new XDDFNoFillProperties());
        none.setLineProperties(new org.apache.poi.xddf.usermodel.XDDFLineProperties(new XDDFNoFillProperties()));
        space.setShapeProperties(none);
        var deals = data.addSeries(stages, XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(header + 1, header + steps, reached, reached)));
        deals.setTitle(series, null);
        chart.plot(data);
        overlapFully(chart);
    }

    /**
     * Stacked bars lie on one another only with an overlap of 100 % (Excel draws them apart otherwise). The
     * element's compiled type is not in POI's lite schemas, so it is written into the XML as it is, after
     * the gap width as the schema orders it.
     */
    private static void overlapFully(XSSFChart chart) {
        var bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
        try (org.apache.xmlbeans.XmlCursor c = bars.getGapWidth().newCursor()) {
            c.toEndToken();
            c.toNextToken();
            c.beginElement(new javax.xml.namespace.QName("http://schemas.openxmlformats.org/drawingml/2006/chart", "overlap", "c"));
            c.insertAttributeWithValue("val", "100");
        }
    }
}
