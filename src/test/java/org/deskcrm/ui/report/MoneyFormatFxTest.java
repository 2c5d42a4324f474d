package org.deskcrm.ui.report;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.service.home.HomeTile;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.home.HomePreferences;
import org.deskcrm.ui.home.HomeView;
import org.deskcrm.ui.home.HomeViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money is written one way per locale, with the business currency: every money cell of a report table,
 * the report's summary and a dashboard tile in English ($1,650.00) and in Russian (1 650,00 ₽); an
 * exported workbook keeps amounts as numbers whose format carries the currency.
 */
@ExtendWith(ApplicationExtension.class)
class MoneyFormatFxTest {
    /** $1,650.00 and -$5.00. */
    static final Pattern EN = Pattern.compile("-?\\$\\d{1,3}(,\\d{3})*\\.\\d{2}");
    /** 1 650,00 ₽ (grouped and spaced by no-break spaces) and -5,00 ₽. */
    static final Pattern RU = Pattern.compile("-?\\d{1,3}([\\u00A0\\u202F]\\d{3})*,\\d{2}[\\u00A0\\u202F]₽");
    static ReportUiFixture fx;
    static Preferences prefs;

    @BeforeAll
    static void open() {
        fx = new ReportUiFixture();
        prefs = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
    }

    @AfterAll
    static void close() throws Exception {
        fx.close();
        prefs.removeNode();
    }

    @Test
    void moneyInTablesSummariesAndTilesFollowsTheLocaleAndTheCurrency(FxRobot robot) {
        check(robot, Locale.forLanguageTag("en-US"), Currency.getInstance("USD"), EN, "$1,650.00");
        check(robot, Locale.forLanguageTag("ru"), Currency.getInstance("RUB"), RU, "1\u00A0650,00\u00A0₽");
    }

    private void check(FxRobot robot, Locale locale, Currency currency, Pattern money, String revenue) {
        I18n i18n = new I18n(locale);
        ReportScreens screens = new ReportScreens(fx.ctx.reports(), new SameThreadExecutor(), i18n, fx.workspace)
                .withCurrency(() -> currency);
        ReportView rating = show(robot, () -> screens.view("manager-rating"));
        ReportTable t = fx.ctx.reports().get("manager-rating").run(march());
        Set<String> moneyColumns = t.columns().stream().filter(c -> c.type() == ColumnType.MONEY)
                .map(c -> "col-" + c.key()).collect(Collectors.toSet());
        assertThat(moneyColumns).isNotEmpty();
        List<String> cells = new ArrayList<>();
        for (Node n : robot.from(rating).lookup(".table-cell").queryAll()) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (cell.getTableColumn() != null && moneyColumns.contains(cell.getTableColumn().getId())
                    && cell.getText() != null && !cell.getText().isEmpty()) {
                cells.add(cell.getText());
            }
        }
        assertThat(cells).as("money cells in %s", locale).hasSizeGreaterThanOrEqualTo(3).allMatch(s -> money.matcher(s).matches());
        assertThat(cells).as("the total revenue, by hand 1000 + 250 + 400").contains(revenue);
        org.jfree.chart.JFreeChart chart = robot.from(rating).lookup("#reportChart")
                .queryAs(org.jfree.chart.fx.ChartViewer.class).getChart();
        String tick = ((org.jfree.chart.axis.NumberAxis) chart.getCategoryPlot().getRangeAxis()).getNumberFormatOverride()
                .format(1650);
        assertThat(tick).as("the chart's axis").matches(money).isEqualTo(revenue);

        ReportView funnel = show(robot, () -> screens.view("funnel"));
        String summary = robot.from(funnel).lookup("#reportSummary").queryAs(Label.class).getText();
        assertThat(money.matcher(summary).find()).as("won amount in the summary: %s", summary).isTrue();
        assertThat(summary).contains(revenue);

        HomeViewModel home = new HomeViewModel(fx.ctx.home(), new SameThreadExecutor(), Runnable::run, i18n,
                () -> fx.ctx.reports().support().today(), new HomePreferences(prefs.node(locale.toLanguageTag())),
                HomeTile.SUPERVISOR, () -> null);
        HomeView view = show(robot, () -> new HomeView(home, currency, f -> { }));
        robot.interact(home::refresh);
        String tile = robot.from(view).lookup("#homeValue-revenue").queryAs(Label.class).getText();
        assertThat(tile).matches(money).isEqualTo(revenue);
    }

    @Test
    void exportedAmountsAreNumbersInTheCurrencysFormat(@TempDir Path dir) throws Exception {
        ReportTable t = fx.ctx.reports().get("manager-rating").run(march());
        for (String[] c : List.of(new String[] {"en", "USD", "\"$\""}, new String[] {"ru", "RUB", "\"₽\""})) {
            fx.ctx.currency().change(c[1]);
            Path file = dir.resolve("rating-" + c[0] + ".xlsx");
            fx.ctx.reports().support().exporter(Locale.forLanguageTag(c[0])).write(t, file);
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
                XSSFSheet sheet = wb.getSheetAt(0);
                String first = new org.deskcrm.service.report.ReportTexts(Locale.forLanguageTag(c[0])).column(t.columns().get(0).key());
                int header = -1;
                for (var row : sheet) {
                    if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                            && row.getCell(0).getStringCellValue().equals(first)) {
                        header = row.getRowNum();
                        break;
                    }
                }
                assertThat(header).isGreaterThanOrEqualTo(0);
                List<Double> revenue = new ArrayList<>();
                for (int i = 0; i < t.columns().size(); i++) {
                    Column col = t.columns().get(i);
                    if (col.type() != ColumnType.MONEY) {
                        continue;
                    }
                    for (int r = header + 1; r <= header + t.rows().size() + 1; r++) {
                        Cell cell = sheet.getRow(r).getCell(i);
                        if (cell == null || cell.getCellType() == CellType.BLANK) {
                            continue;
                        }
                        assertThat(cell.getCellType()).as("%s %s row %d", c[0], col.key(), r).isIn(CellType.NUMERIC, CellType.FORMULA);
                        assertThat(cell.getCellStyle().getDataFormatString()).as("%s %s", c[0], col.key()).contains(c[2], "0.00");
                        if (col.key().equals("revenue")) {
                            revenue.add(cell.getNumericCellValue());
                        }
                    }
                }
                assertThat(revenue).as("rows and total, by hand").contains(1250.0, 400.0, 1650.0);
            }
        }
    }

    private static ReportFilter march() {
        return ReportFilter.period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    }

    private static <T extends javafx.scene.Parent> T show(FxRobot robot, java.util.function.Supplier<T> make) {
        List<T> made = new ArrayList<>();
        robot.interact(() -> {
            T root = make.get();
            made.add(root);
            Stage s = new Stage();
            s.setScene(new Scene(root, 1260, 700));
            s.show();
        });
        return made.get(0);
    }
}
