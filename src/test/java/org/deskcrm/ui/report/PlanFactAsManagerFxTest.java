package org.deskcrm.ui.report;

import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.service.report.ReportData;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan vs fact in the window, signed in as a manager: only the manager's own goal, with the manager's own
 * fact (Anna sold 1,250 in March, Boris 400), and the summary labelled in words, English and Russian.
 */
@ExtendWith(ApplicationExtension.class)
class PlanFactAsManagerFxTest {
    private static final Pattern KEY = Pattern.compile("(?<![\\w.])[a-z][a-z_]*\\.[a-zA-Z_]+|\\{\\d");
    private static ReportUiFixture fx;
    private Stage stage;

    @BeforeAll
    static void open() {
        fx = new ReportUiFixture();
        ReportData data = new ReportData(fx.ctx);
        LocalDate march = LocalDate.of(2026, 3, 1);
        data.goal(fx.anna, null, GoalMetric.REVENUE, march, "2000");
        data.goal(fx.boris, null, GoalMetric.REVENUE, march, "1000");
        fx.ctx.session().signIn(fx.ctx.users().findById(fx.anna).orElseThrow());
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(fx.screens().view("plan-fact"), 1100, 600));
        stage.show();
    }

    @Test
    void aManagerSeesOwnGoalWithOwnFactInEnglishAndRussian(FxRobot robot) {
        TableView<?> table = robot.lookup("#reportTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2); // Anna's goal and the totals; not Boris's goal
        assertThat(texts(robot)).contains("Anna", "1,250").doesNotContain("Boris", "400");
        String summary = robot.lookup("#reportSummary").queryLabeled().getText();
        assertThat(summary).contains("Revenue: target of managers: 2,000").contains("Revenue: fact of managers: 1,250");
        assertThat(KEY.matcher(summary).find()).as(summary).isFalse();
        shot(robot, "plan-fact-manager-en.png");

        I18n ru = new I18n(Locale.forLanguageTag("ru"));
        robot.interact(() -> stage.getScene().setRoot(
                new ReportScreens(fx.ctx.reports(), new SameThreadExecutor(), ru, fx.workspace).view("plan-fact")));
        String russian = robot.lookup("#reportSummary").queryLabeled().getText();
        assertThat(russian).contains("Выручка: план менеджеров");
        assertThat(KEY.matcher(russian).find()).as(russian).isFalse();
        assertThat(robot.lookup("#reportTable").queryAs(TableView.class).getItems()).hasSize(2);
        shot(robot, "plan-fact-manager-ru.png");
    }

    /** With {@code -Dscreens.dir=docs/screenshots}, writes what the window shows (for the docs). */
    private void shot(FxRobot robot, String name) {
        String dir = System.getProperty("screens.dir");
        if (dir == null) {
            return;
        }
        robot.interact(() -> {
            try {
                javafx.scene.image.WritableImage img = stage.getScene().snapshot(null);
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                        new java.io.File(dir, name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static List<String> texts(FxRobot robot) {
        return robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .map(TableCell::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }
}
