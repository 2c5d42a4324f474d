package org.deskcrm.ui.home;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.PeriodPreset;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.home.HomeTile;
import org.deskcrm.service.report.ReportData;
import org.deskcrm.ui.common.FigureFormat;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.RecordingWorkspace;
import org.deskcrm.ui.control.ControlScreens;
import org.deskcrm.ui.report.ReportScreens;
import org.deskcrm.ui.report.ReportView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home dashboard in a real window over real H2: every tile shows exactly its report's figure for
 * the same period (and the figures a person computes from the deals below), a click opens that report
 * on the same dates, and the report's period presets set the right dates.
 */
@ExtendWith(ApplicationExtension.class)
class HomeDashboardFxTest {
    /** Today, for the whole test: Monday 16 March 2026 in the business zone. */
    private static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
    private final AppContext ctx;
    private final RecordingWorkspace workspace = new RecordingWorkspace();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final org.deskcrm.ui.common.FxTaskExecutor executor = new org.deskcrm.ui.common.FxTaskExecutor(2);
    private Preferences prefs;
    private HomeViewModel vm;

    /** The data, written before the window starts (off the FX thread). */
    HomeDashboardFxTest() {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        ReportData data = new ReportData(ctx);
        long anna = data.user("anna", null);
        long boris = data.user("boris", null);
        long client = data.client("Acme", anna, Instant.parse("2026-01-10T09:00:00Z"));
        Pipeline sales = data.pipeline("sales");
        var needs = ReportData.stage(sales, "Needs identified");
        var won = ReportData.stage(sales, "Won");
        long d1 = data.deal(client, anna, sales, needs, "1000.00", null, ScoreBand.HOT, null, Instant.parse("2026-03-02T09:00:00Z"));
        data.move(d1, won, Instant.parse("2026-03-05T09:00:00Z"));
        long d2 = data.deal(client, anna, sales, needs, "250.00", null, ScoreBand.HOT, null, Instant.parse("2026-03-03T09:00:00Z"));
        data.move(d2, won, Instant.parse("2026-03-06T09:00:00Z"));
        long d3 = data.deal(client, boris, sales, needs, "400.00", null, ScoreBand.HOT, null, Instant.parse("2026-03-03T09:00:00Z"));
        data.move(d3, won, Instant.parse("2026-03-09T09:00:00Z"));
        long d4 = data.deal(client, boris, sales, needs, "999.00", null, ScoreBand.HOT, null, Instant.parse("2026-03-03T09:00:00Z"));
        data.move(d4, ReportData.stage(sales, "Lost"), data.reason("No budget"), Instant.parse("2026-03-10T09:00:00Z"));
        long d5 = data.deal(client, boris, sales, needs, "500.00", null, ScoreBand.HOT, null, Instant.parse("2026-02-02T09:00:00Z"));
        data.move(d5, won, Instant.parse("2026-02-10T09:00:00Z"));
        // won later in February than today is into March: not part of the comparison while March is under way
        long d6 = data.deal(client, boris, sales, needs, "300.00", null, ScoreBand.HOT, null, Instant.parse("2026-02-03T09:00:00Z"));
        data.move(d6, won, Instant.parse("2026-02-20T09:00:00Z"));
        data.goal(anna, null, GoalMetric.REVENUE, LocalDate.of(2026, 3, 1), "2000");
        data.goal(boris, null, GoalMetric.REVENUE, LocalDate.of(2026, 3, 1), "1000");
    }

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
        ReportScreens reports = new ReportScreens(ctx.reports(), executor, i18n, workspace);
        ControlScreens control = new ControlScreens(ctx.control(), executor, i18n, workspace,
                SettingsRepository.DEFAULT_BUSINESS_ZONE, () -> null);
        vm = new HomeViewModel(ctx.home(), executor, javafx.application.Platform::runLater, i18n, () -> ctx.reports().support().today(),
                new HomePreferences(prefs), HomeTile.SUPERVISOR, () -> null);
        HomeView view = new HomeView(vm, f -> {
            if (f.tile().report().isPresent()) {
                reports.open(f.tile().report().get(), f.filter());
            } else {
                f.tile().indicator().ifPresent(control::openList);
            }
        });
        vm.refresh();
        stage.setScene(new Scene(view, 1260, 760));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        ctx.close();
        prefs.removeNode();
    }

    private static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    /** Until every tile and both charts are computed (in the background, as in the window). */
    private void computed() throws Exception {
        WaitForAsyncUtils.waitFor(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> vm.figures().size() == vm.chosen().size() && !vm.months().isEmpty() && !vm.busyProperty().get()));
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void tilesShowTheirReportsFiguresAndWhatAPersonComputes(FxRobot robot) throws Exception {
        computed();
        FigureFormat format = new FigureFormat(Locale.ENGLISH);
        ReportFilter march = ReportFilter.period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        ReportTable rating = ctx.reports().get("manager-rating").run(march);
        ReportTable load = ctx.reports().get("manager-load").run(march);
        // by hand: March wins 1000 + 250 + 400; one loss; February 500 (one win); plans 2000 + 1000
        assertThat(text(robot, "#homeValue-revenue")).isEqualTo("1,650.00")
                .isEqualTo(format.text(rating.value(ReportTable.TOTALS, "revenue"), org.deskcrm.model.report.ColumnType.MONEY));
        assertThat(text(robot, "#homeValue-won_deals")).isEqualTo("3")
                .isEqualTo(format.text(rating.value(ReportTable.TOTALS, "won_deals"), org.deskcrm.model.report.ColumnType.COUNT));
        assertThat(text(robot, "#homeValue-win_rate")).isEqualTo("75.0%")
                .isEqualTo(format.text(load.value(ReportTable.TOTALS, "conversion"), org.deskcrm.model.report.ColumnType.RATIO));
        assertThat(text(robot, "#homeValue-pipeline_value")).isEqualTo("0.00");
        assertThat(text(robot, "#homePlan-revenue")).isEqualTo("Plan 3,000.00 · 55.0% done");
        // March is under way (today the 16th): against February 1–16 (one win, 500), not all February (800)
        assertThat(text(robot, "#homeChange-revenue")).isEqualTo("▲ 230.0% vs Feb 1 – Feb 16");
        assertThat(text(robot, "#homeChange-won_deals")).isEqualTo("▲ 200.0% vs Feb 1 – Feb 16");
        // a rate's change is in percentage points: 75 % against February 1–16's 100 % (one win, no loss)
        assertThat(text(robot, "#homeChange-win_rate")).isEqualTo("▼ 25.0 pp vs Feb 1 – Feb 16");
        // the trend: October … March, February's 800 and March's 1 650
        assertThat(vm.figures().stream().filter(f -> f.tile() == HomeTile.REVENUE).findFirst().orElseThrow().trend())
                .extracting(BigDecimal::toPlainString).containsExactly("0", "0", "0", "0", "800.00", "1650.00");
        // March is under way: its point is drawn dashed, the months before it whole
        assertThat(fx(() -> robot.lookup("#homeTile-revenue .home-sparkline-partial").queryAll().size())).isEqualTo(1);
        assertThat(vm.months()).hasSize(HomeViewModel.CHART_MONTHS);
        assertThat(vm.funnel()).isNotEmpty();
        assertThat(fx(() -> cutTexts(robot.lookup("#homeTiles").query()))).as("tile texts shown cut off").isEmpty();
    }

    /** A pipeline of a hundred million roubles is drawn smaller in its tile, never cut (the style sheet's 24 px). */
    @Test
    void aLongFigureFitsItsTile(FxRobot robot) throws Exception {
        Label value = fx(() -> {
            Label v = new Label("99 593 165,00 ₽");
            v.getStyleClass().add("home-tile-value");
            HomeView.fitValue(v, 240 - 24);
            javafx.scene.control.Button tile = new javafx.scene.control.Button(null, new javafx.scene.layout.VBox(v));
            tile.getStyleClass().add("home-tile");
            tile.setMinSize(240, 180);
            tile.setMaxSize(240, 180);
            Stage s = new Stage();
            Scene scene = new Scene(new javafx.scene.layout.StackPane(tile), 300, 220);
            scene.getStylesheets().add(HomeView.class.getResource("/org/deskcrm/ui/shell/shell.css").toExternalForm());
            s.setScene(scene);
            s.show();
            return v;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> cutTexts(value))).isEmpty();
        assertThat(fx(() -> value.getFont().getSize())).isLessThan(24).isGreaterThanOrEqualTo(12);
        fx(() -> {
            ((Stage) value.getScene().getWindow()).close();
            return null;
        });
    }

    /** Every label under {@code root} whose shown text differs from its text (an ellipsis). */
    private static java.util.List<String> cutTexts(javafx.scene.Node root) {
        java.util.List<String> cut = new java.util.ArrayList<>();
        if (root instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            javafx.scene.Node shown = l.lookup(".text");
            if (shown instanceof javafx.scene.text.Text t && !l.getText().equals(t.getText())) {
                cut.add(l.getText() + " -> " + t.getText());
            }
        }
        if (root instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(n -> cut.addAll(cutTexts(n)));
        }
        return cut;
    }

    @Test
    void aTileOpensItsReportOnTheSamePeriodAndThePresetsSetTheirDates(FxRobot robot) throws Exception {
        computed();
        robot.clickOn("#homeTile-revenue");
        assertThat(workspace.keys).containsExactly("report:manager-rating");
        ReportView report = (ReportView) workspace.contents.get(0);
        Stage second = fx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(report, 1260, 700));
            s.show();
            return s;
        });
        @SuppressWarnings("unchecked")
        ComboBox<PeriodPreset> preset = (ComboBox<PeriodPreset>) fx(() -> report.lookup("#reportPreset"));
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> preset.getValue() != null));
        assertThat(fx(() -> ((DatePicker) report.lookup("#reportFrom")).getValue())).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(fx(() -> ((DatePicker) report.lookup("#reportTo")).getValue())).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(fx(preset::getValue)).isEqualTo(PeriodPreset.THIS_MONTH);
        robot.interact(() -> preset.setValue(PeriodPreset.LAST_QUARTER));
        assertThat(fx(() -> ((DatePicker) report.lookup("#reportFrom")).getValue())).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(fx(() -> ((DatePicker) report.lookup("#reportTo")).getValue())).isEqualTo(LocalDate.of(2025, 12, 31));
        robot.interact(() -> preset.setValue(PeriodPreset.THIS_WEEK));
        assertThat(fx(() -> ((DatePicker) report.lookup("#reportFrom")).getValue())).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(fx(() -> ((DatePicker) report.lookup("#reportTo")).getValue())).isEqualTo(LocalDate.of(2026, 3, 22));
        // typing dates that are a preset's shows that preset
        robot.interact(() -> {
            ((DatePicker) report.lookup("#reportFrom")).setValue(LocalDate.of(2026, 2, 1));
            ((DatePicker) report.lookup("#reportTo")).setValue(LocalDate.of(2026, 2, 28));
        });
        assertThat(fx(preset::getValue)).isEqualTo(PeriodPreset.LAST_MONTH);
        // let the report's debounced recomputation run before the executor closes (it would fire into the next test)
        WaitForAsyncUtils.sleep(900, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> report.lookup("#reportBusy") == null || !report.lookup("#reportBusy").isVisible()));
        robot.interact(second::close);
    }

    @Test
    void hiddenAndMovedTilesAreRememberedForThePerson(FxRobot robot) throws Exception {
        computed();
        robot.interact(() -> vm.toggle(HomeTile.WIN_RATE));
        robot.interact(() -> vm.move(HomeTile.MISSED_CALLS, -10));
        robot.interact(() -> vm.move(HomeTile.OVERDUE_TASKS, -1));
        assertThat(new HomePreferences(prefs).tiles()).contains(java.util.List.of(HomeTile.REVENUE, HomeTile.WON_DEALS,
                HomeTile.PIPELINE_VALUE, HomeTile.OVERDUE_TASKS, HomeTile.MISSED_CALLS));
        computed();
        assertThat(fx(() -> robot.lookup("#homeTile-win_rate").tryQuery().isPresent())).isFalse();
        assertThat(fx(() -> robot.lookup("#homeValue-revenue").tryQuery().isPresent())).isTrue();
        assertThat(vm.figures()).extracting(f -> f.tile()).containsExactly(HomeTile.REVENUE, HomeTile.WON_DEALS,
                HomeTile.PIPELINE_VALUE, HomeTile.OVERDUE_TASKS, HomeTile.MISSED_CALLS);
    }
}
