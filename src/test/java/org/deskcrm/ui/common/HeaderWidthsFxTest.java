package org.deskcrm.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column titles widen to fit once the table is laid out; a title that fits keeps its column's width; a cell
 * cut by its column gets its whole text as a tooltip when the mouse is over it, and loses it once it fits.
 */
@ExtendWith(ApplicationExtension.class)
class HeaderWidthsFxTest {
    private TableView<String> table;
    private TableColumn<String, String> probability;
    private TableColumn<String, String> duration;
    private TableColumn<String, String> name;

    private static TableColumn<String, String> column(String title, double width) {
        TableColumn<String, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue()));
        return c;
    }

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        probability = column("Вероятность, %", 40);
        duration = column("Длительность", 45);
        name = column("Name", 300);
        table.getColumns().setAll(List.of(probability, duration, name));
        table.getItems().setAll("Missed call Evergreen Supply LLC, not returned for 105 days, twice in a row");
        StackPane root = new StackPane(table);
        HeaderWidths.fitIn(root);
        Scene scene = new Scene(root, 700, 300);
        CutTextTooltips.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static Label titleOf(FxRobot robot, String text) {
        return robot.lookup(".column-header .label").match((Label l) -> text.equals(l.getText())).query();
    }

    @Test
    void cutTitlesWidenAndACutCellShowsItsWholeTextUnderTheMouse(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        for (String title : List.of("Вероятность, %", "Длительность", "Name")) {
            Label label = titleOf(robot, title);
            assertThat(CutTextTooltips.shownText(label)).as(title).isEqualTo(title);
        }
        assertThat(probability.getWidth()).isGreaterThan(40);
        assertThat(duration.getWidth()).isGreaterThan(45);
        assertThat(name.getWidth()).isEqualTo(300);

        javafx.scene.control.TableCell<?, ?> cell = robot.lookup(".table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> c.getTableColumn() == name && c.getItem() != null).query();
        assertThat(CutTextTooltips.isCut(cell)).isTrue();
        assertThat(cell.getTooltip()).isNull();
        robot.moveTo(cell);
        assertThat(cell.getTooltip().getText()).isEqualTo(table.getItems().get(0));

        robot.interact(() -> name.setPrefWidth(650)); // now it fits: the tooltip goes
        robot.moveTo(titleOf(robot, "Name")).moveTo(cell);
        assertThat(CutTextTooltips.isCut(cell)).isFalse();
        assertThat(cell.getTooltip()).isNull();
    }
}
