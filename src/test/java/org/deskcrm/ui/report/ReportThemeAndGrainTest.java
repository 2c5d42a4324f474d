package org.deskcrm.ui.report;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.report.Grain;
import org.deskcrm.model.report.Row;
import org.deskcrm.service.report.ReportData;
import org.deskcrm.ui.shell.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.Color;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real report views on H2 in a window with the dark theme: the chart paints in the theme's colours and
 * follows a theme switch; the activity tab offers rows by day or week; lifecycle statuses read in words.
 */
@ExtendWith(ApplicationExtension.class)
class ReportThemeAndGrainTest {
    static ReportUiFixture fx;
    ReportView activity;
    ReportView lifecycle;
    ReportView rating;
    Scene scene;

    @BeforeAll
    static void open() {
        fx = new ReportUiFixture();
        ReportData data = new ReportData(fx.ctx);
        data.call(fx.anna, CallDirection.OUT, CallStatus.ANSWERED, Instant.parse("2026-03-05T09:00:00Z"), 60);
        data.call(fx.anna, CallDirection.OUT, CallStatus.ANSWERED, Instant.parse("2026-03-10T09:00:00Z"), 60);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    static String css(String resource) {
        return Theme.class.getResource(resource).toExternalForm();
    }

    @Start
    void start(Stage stage) {
        activity = fx.screens().view("activity");
        lifecycle = fx.screens().view("lifecycle");
        rating = fx.screens().view("manager-rating");
        scene = new Scene(new VBox(activity, lifecycle, rating), 1200, 900);
        scene.getStylesheets().setAll(css(Theme.BASE_CSS), css(Theme.DARK.cssResource()));
        stage.setScene(scene);
        stage.show();
    }

    private JFreeChart chart(FxRobot robot) {
        return robot.from(rating).lookup("#reportChart").queryAs(ChartViewer.class).getChart();
    }

    @Test
    void theChartPaintsInTheDarkThemeAndFollowsASwitch(FxRobot robot) {
        JFreeChart chart = chart(robot);
        assertThat(chart.getBackgroundPaint()).isEqualTo(ChartPalette.DARK.background());
        assertThat(chart.getCategoryPlot().getBackgroundPaint()).isEqualTo(ChartPalette.DARK.background());
        assertThat(chart.getCategoryPlot().getDomainAxis().getTickLabelPaint()).isEqualTo(ChartPalette.DARK.text());
        assertThat(((BarRenderer) chart.getCategoryPlot().getRenderer()).getSeriesPaint(0)).isEqualTo(ChartPalette.DARK.bar());
        robot.interact(() -> scene.getStylesheets().setAll(css(Theme.BASE_CSS), css(Theme.LIGHT.cssResource())));
        assertThat(chart(robot).getBackgroundPaint()).isEqualTo(Color.WHITE);
        assertThat(chart(robot).getCategoryPlot().getRangeAxis().getTickLabelPaint()).isEqualTo(ChartPalette.LIGHT.text());
        robot.interact(() -> scene.getStylesheets().setAll(css(Theme.BASE_CSS), css(Theme.DARK.cssResource())));
        assertThat(chart(robot).getBackgroundPaint()).isEqualTo(ChartPalette.DARK.background());
    }

    @Test
    void activityRowsByWeek(FxRobot robot) throws Exception {
        ComboBox<Grain> grain = robot.from(activity).lookup("#reportGrain").queryAs(ComboBox.class);
        assertThat(grain.getItems()).containsExactly(Grain.PERIOD, Grain.DAY, Grain.WEEK);
        assertThat(grain.getValue()).isEqualTo(Grain.PERIOD);
        TableView<Row> table = robot.from(activity).lookup("#reportTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2); // anna, totals
        robot.interact(() -> grain.setValue(Grain.WEEK));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(Row::key)
                .containsExactly(fx.anna + "|2026-03-02", fx.anna + "|2026-03-09", fx.anna + "|2026-03-16", "total");
        assertThat(robot.from(activity).lookup(".column-header .label").queryAll().stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText())).contains("Week from");
        assertThat(robot.from(rating).lookup("#reportGrain").tryQuery()).as("the rating has no time rows").isEmpty();
    }

    @Test
    void lifecycleStatusesReadInWords(FxRobot robot) {
        assertThat(robot.from(lifecycle).lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .map(TableCell::getText)).contains("Potential", "New one-time", "Regular", "Churned");
    }
}
