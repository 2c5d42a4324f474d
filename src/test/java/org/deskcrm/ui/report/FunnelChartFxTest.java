package org.deskcrm.ui.report;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.model.report.FunnelMeasure;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The funnel tab on a real H2 database (four deals created in March 2026: three won through every stage,
 * one lost at the first) in a 1 280 px window less the sidebar: the chart is drawn by the measure the
 * reader picks and equals the table's column of that measure, the table keeps all its columns, the
 * divider is remembered, and the exported workbook holds a funnel chart over the table's cells.
 */
@ExtendWith(ApplicationExtension.class)
class FunnelChartFxTest {
    /** The window's width at 1 280 px less the navigation sidebar. */
    static final int WIDTH = 1280 - 260;
    static ReportUiFixture fx;
    static Preferences prefs;
    static ReportLayouts layouts;
    ReportView view;
    Stage stage;

    @BeforeAll
    static void open() {
        fx = new ReportUiFixture();
        prefs = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
        layouts = ReportLayouts.in(prefs);
    }

    @AfterAll
    static void close() throws Exception {
        fx.close();
        prefs.removeNode();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = fx.screens().withLayouts(layouts).view("funnel");
        stage.setScene(new Scene(view, WIDTH, 700));
        stage.show();
    }

    @Test
    void theChartDrawsTheTableColumnOfTheChosenMeasure(FxRobot robot) {
        // by hand: 4 deals reached the first stage (1000 + 250 + 400 + 999), the 3 won ones every later stage
        assertThat(view.funnel().values()).containsExactly(4.0, 3.0, 3.0, 3.0, 3.0);
        assertThat(view.funnel().values()).isEqualTo(column(robot, "reached"));
        assertThat(emphasised(robot)).containsExactly("col-reached");
        assertThat(view.funnel().steps().get(0).text()).contains("Needs identified", "4", "2,649.00");
        assertThat(view.funnel().steps().get(0).conversion()).contains("75.0");
        List<Double> widths = view.funnel().barWidths();
        assertThat(widths.get(0)).isGreaterThan(widths.get(1)).isGreaterThan(100);

        ComboBox<FunnelMeasure> measure = robot.lookup("#reportMeasure").queryAs(ComboBox.class);
        robot.interact(() -> measure.setValue(FunnelMeasure.AMOUNT));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.funnel().values()).containsExactly(2649.0, 1650.0, 1650.0, 1650.0, 1650.0);
        assertThat(view.funnel().values()).isEqualTo(column(robot, "reached_amount"));
        assertThat(emphasised(robot)).containsExactly("col-reached_amount");
        assertThat(layouts.measure("funnel")).contains(FunnelMeasure.AMOUNT);
        robot.interact(() -> measure.setValue(FunnelMeasure.DEALS));
        assertThat(view.funnel().values()).isEqualTo(column(robot, "reached"));
    }

    @Test
    void theTableKeepsAllItsColumnsBesideTheChart(FxRobot robot) {
        TableView<Row> table = robot.lookup("#reportTable").queryAs(TableView.class);
        assertThat(table.getColumns()).hasSize(9);
        double sum = 0;
        for (TableColumn<Row, ?> c : table.getColumns()) {
            assertThat(c.getWidth()).as("width of %s", c.getText()).isGreaterThanOrEqualTo(c.getMinWidth() - 0.5);
            sum += c.getWidth();
        }
        assertThat(sum).as("every column within the table's width").isLessThanOrEqualTo(table.getWidth());
        assertThat(view.funnel().getWidth()).as("the chart gets the rest").isGreaterThan(150);
    }

    @Test
    void theDividerIsRememberedForTheReport(FxRobot robot) {
        robot.interact(() -> stage.setWidth(1280)); // the whole (headless) screen: room to give the table more
        SplitPane split = robot.lookup(".split-pane").queryAs(SplitPane.class);
        double before = split.getDividerPositions()[0];
        robot.drag(".split-pane-divider").dropBy(80, 0);
        WaitForAsyncUtils.waitForFxEvents();
        double after = split.getDividerPositions()[0];
        assertThat(after).isGreaterThan(before + 0.02);
        assertThat(layouts.divider("funnel").orElseThrow()).isCloseTo(after, within(0.001));
        ReportView[] again = new ReportView[1];
        robot.interact(() -> again[0] = fx.screens().withLayouts(layouts).view("funnel"));
        SplitPane reopened = robot.from(again[0]).lookup(".split-pane").queryAs(SplitPane.class);
        assertThat(reopened.getDividerPositions()[0]).isCloseTo(after, within(0.001));
    }

    @Test
    void theExportedWorkbookHoldsAFunnelChartOverTheTablesCells(@TempDir Path dir) throws Exception {
        ReportTable t = fx.ctx.reports().get("funnel").run(
                org.deskcrm.model.report.ReportFilter.period(java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 31)));
        Path file = dir.resolve("funnel.xlsx");
        fx.ctx.reports().support().exporter(Locale.ENGLISH).write(t, file);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            List<XDDFChartData> data = charts.get(0).getChartSeries();
            XDDFChartData.Series shown = data.get(0).getSeries(data.get(0).getSeriesCount() - 1);
            AreaReference values = new AreaReference(shown.getValuesData().getDataRangeReference(), SpreadsheetVersion.EXCEL2007);
            AreaReference stages = new AreaReference(shown.getCategoryData().getDataRangeReference(), SpreadsheetVersion.EXCEL2007);
            List<Double> cells = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (CellReference c : values.getAllReferencedCells()) {
                cells.add(sheet.getRow(c.getRow()).getCell(c.getCol()).getNumericCellValue());
            }
            for (CellReference c : stages.getAllReferencedCells()) {
                names.add(sheet.getRow(c.getRow()).getCell(c.getCol()).getStringCellValue());
            }
            assertThat(cells).containsExactly(4.0, 3.0, 3.0, 3.0, 3.0);
            assertThat(names).containsExactly("Needs identified", "Proposal sent", "Negotiation", "Invoice issued", "Won");
            List<Double> reached = new ArrayList<>();
            for (Row r : t.rows()) {
                if (t.value(r.key(), "reached") != null) {
                    reached.add(((Number) t.value(r.key(), "reached")).doubleValue());
                }
            }
            assertThat(cells).isEqualTo(reached);
            // the unfilled series before each bar centres it: half of what it lacks of the widest
            XDDFChartData.Series spacer = data.get(0).getSeries(0);
            List<Double> space = new ArrayList<>();
            for (int i = 0; i < spacer.getValuesData().getPointCount(); i++) {
                space.add(((Number) spacer.getValuesData().getPointAt(i)).doubleValue());
            }
            assertThat(space).containsExactly(0.0, 0.5, 0.5, 0.5, 0.5);
        }
    }

    /** The table's cells of a column for the stages of the funnel (its rows with a reached count), as numbers. */
    private static List<Double> column(FxRobot robot, String key) {
        TableView<Row> table = robot.lookup("#reportTable").queryAs(TableView.class);
        int index = -1;
        int reached = -1;
        for (int i = 0; i < table.getColumns().size(); i++) {
            if (table.getColumns().get(i).getId().equals("col-" + key)) {
                index = i;
            }
            if (table.getColumns().get(i).getId().equals("col-reached")) {
                reached = i;
            }
        }
        List<Double> out = new ArrayList<>();
        for (Row r : table.getItems().subList(0, table.getItems().size() - 1)) { // the last row is the totals
            if (r.values().get(reached) != null) {
                Object v = r.values().get(index);
                out.add(v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue());
            }
        }
        return out;
    }

    private static List<String> emphasised(FxRobot robot) {
        TableView<Row> table = robot.lookup("#reportTable").queryAs(TableView.class);
        return table.getColumns().stream().filter(c -> c.getStyleClass().contains("report-measure"))
                .map(TableColumn::getId).toList();
    }
}
