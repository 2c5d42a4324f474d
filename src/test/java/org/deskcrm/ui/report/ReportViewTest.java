package org.deskcrm.ui.report;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.scene.control.TableColumn;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager rating tab on a real H2 database at 1100 px: computed at once, a filter bar without
 * truncation, debounced recomputing, totals row, chart, double-click drill-down.
 */
@ExtendWith(ApplicationExtension.class)
class ReportViewTest {
    static ReportUiFixture fx;

    @BeforeAll
    static void open() {
        fx = new ReportUiFixture();
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(fx.screens().view("manager-rating"), 1100, 600));
        stage.show();
    }

    @Test
    void computesAtOnceWithTheCurrentMonth(FxRobot robot) {
        TableView<?> table = robot.lookup("#reportTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3); // anna, boris, totals: no Refresh needed
        assertThat(robot.lookup("#reportFrom").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(robot.lookup("#reportTo").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(robot.lookup("#reportBusy").query().isVisible()).isFalse();
        ComboBox<Long> manager = robot.lookup("#reportManager").queryAs(ComboBox.class);
        assertThat(manager.getItems()).contains(null, fx.anna, fx.boris);
        assertThat(robot.lookup("#reportTeam").tryQuery()).isPresent();
        assertThat(robot.lookup("#reportSource").tryQuery()).isPresent();
        assertThat(robot.lookup("#reportBand").queryAs(ComboBox.class).getItems()).hasSize(4);
    }

    @Test
    void filterBarFitsAt1100PixelsWithoutTruncating(FxRobot robot) {
        Node bar = robot.lookup("#reportFilterBar").query();
        List<Labeled> labeled = robot.from(bar).lookup((Node n) -> n instanceof Label || n instanceof Button)
                .<Labeled>queryAll().stream().filter(n -> n.getText() != null && !n.getText().isBlank()).toList();
        assertThat(labeled).extracting(Labeled::getText)
                .contains("Period", "Pipeline", "Manager", "Team", "Source", "Score band", "Refresh", "Export…");
        labeled.forEach(l -> assertWhole(robot, l));
        for (Node n : robot.from(bar).lookup(".combo-box-base").queryAll()) {
            Bounds b = n.localToScene(n.getBoundsInLocal());
            assertThat(b.getMaxX()).as("right edge of %s", n.getId()).isLessThanOrEqualTo(1100);
        }
        DatePicker from = robot.lookup("#reportFrom").queryAs(DatePicker.class);
        assertThat(from.getWidth()).isLessThan(140);
        assertThat(from.getEditor().getText()).isEqualTo("3/1/2026");
    }

    @Test
    void tableHeadersShowTheirWholeText(FxRobot robot) {
        List<Labeled> headers = robot.from(robot.lookup("#reportTable").<Node>query()).lookup(".column-header .label")
                .<Labeled>queryAll().stream().toList();
        assertThat(headers).extracting(Labeled::getText).contains("Won deals", "Revenue", "Average check", "Productivity");
        headers.forEach(l -> assertWhole(robot, l));
    }

    /** Not truncated: laid out at least as wide as it wants, and showing its whole text (no ellipsis). */
    static void assertWhole(FxRobot robot, Labeled l) {
        assertThat(l.getWidth()).as("width of %s", l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
        String shown = robot.from(l).lookup(".text").queryAs(Text.class).getText();
        assertThat(shown).as("text shown for %s", l.getText()).isEqualTo(l.getText());
    }

    @Test
    void aFilterChangeRecomputesAfterAPauseAndRefreshRecomputesAtOnce(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#reportTable").queryAs(TableView.class);
        ComboBox<Long> manager = robot.lookup("#reportManager").queryAs(ComboBox.class);
        robot.interact(() -> manager.setValue(fx.boris));
        assertThat(table.getItems()).as("not yet: the user may still be changing the filter").hasSize(3);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.interact(() -> manager.setValue(null));
        robot.clickOn("#reportRefresh");
        assertThat(table.getItems()).hasSize(3);
    }

    @Test
    void chartAndDrillDownOnDoubleClick(FxRobot robot) {
        JFreeChart chart = robot.lookup("#reportChart").queryAs(ChartViewer.class).getChart();
        assertThat(chart.getTitle()).as("the tab names the report").isNull();
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        assertThat(bars.getBarPainter()).isInstanceOf(StandardBarPainter.class);
        assertThat(chart.getCategoryPlot().getDataset().getColumnCount()).isEqualTo(2);
        assertThat(robot.lookup("#reportSummary").queryLabeled().getText()).isEmpty();
        TableCell<?, ?> revenue = robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> c.getTableColumn() != null && "col-revenue".equals(c.getTableColumn().getId()))
                .filter(c -> "1,250.00".equals(c.getText())).findFirst().orElseThrow();
        fx.workspace.keys.clear();
        fx.workspace.contents.clear();
        robot.doubleClickOn(revenue);
        assertThat(fx.workspace.keys).containsExactly("drill:manager-rating:revenue:" + fx.anna);
        DrillView drill = (DrillView) fx.workspace.contents.get(0);
        TableView<java.util.List<Object>> items = robot.from(drill).lookup("#drillTable").queryAs(TableView.class);
        assertThat(items.getItems()).hasSize(2);
        // the deal's human columns, never its id: title, client, manager, stage, created, amount
        assertThat(items.getColumns()).extracting(TableColumn::getText)
                .containsExactly("Title", "Client", "Manager", "Stage", "Created", "Amount");
        assertThat(items.getColumns().get(1).getCellData(0)).isEqualTo("Acme");
        assertThat(items.getColumns().get(2).getCellData(0)).isEqualTo("Anna");
        assertThat(items.getColumns().get(3).getCellData(0)).isEqualTo("Won");
        assertThat(robot.from(drill).lookup("#drillTotal").queryLabeled().getText()).isEqualTo("2 records, sum 1,250.00");
        // the export names the figure and the row as the user sees them, not the row's internal key
        var target = (org.deskcrm.service.export.ExportTarget.Table) drill.exportTarget();
        assertThat(target.filters()).anySatisfy(f -> assertThat(f).containsExactly("Figure", "Revenue / Anna"));
        assertThat(robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .anyMatch(c -> "Total".equals(c.getText()))).isTrue();
    }
}
