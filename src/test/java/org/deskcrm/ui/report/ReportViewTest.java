package org.deskcrm.ui.report;

import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.deskcrm.model.report.DrillItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The manager rating tab on a real H2 database: refresh, totals row, chart, double-click drill-down. */
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
    void refreshShowsRowsTotalsAndChartAndDrillsDownOnDoubleClick(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#reportFrom").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 3, 1));
            robot.lookup("#reportTo").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 3, 31));
        });
        robot.clickOn("#reportRefresh");
        TableView<?> table = robot.lookup("#reportTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3); // anna, boris, totals
        assertThat(robot.lookup("#reportChart").tryQuery()).isPresent();
        assertThat(robot.lookup("#reportSummary").queryLabeled().getText()).isEmpty();
        TableCell<?, ?> revenue = robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> c.getTableColumn() != null && "col-revenue".equals(c.getTableColumn().getId()))
                .filter(c -> "1,250.00".equals(c.getText())).findFirst().orElseThrow();
        robot.doubleClickOn(revenue);
        assertThat(fx.workspace.keys).containsExactly("drill:manager-rating:revenue:" + fx.anna);
        DrillView drill = (DrillView) fx.workspace.contents.get(0);
        TableView<DrillItem> items = robot.from(drill).lookup("#drillTable").queryAs(TableView.class);
        assertThat(items.getItems()).extracting(DrillItem::id).contains(fx.d1).hasSize(2);
        assertThat(robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .anyMatch(c -> "Total".equals(c.getText()))).isTrue();
    }
}
