package org.deskcrm.ui.imports;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.cli.migration.Company;
import org.deskcrm.cli.migration.CompanyFigures;
import org.deskcrm.cli.migration.CompanyLosses;
import org.deskcrm.cli.migration.MigrationAcceptanceContract;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.model.report.DealAttribute;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.report.SalesAnalysisReport;
import org.deskcrm.service.report.VelocityReport;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.assertj.core.api.SoftAssertions;
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
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's company ({@link Company}: 8 800 opportunities, 35 agents under 6 managers, 86 accounts, the
 * pipeline's "GTXPro" for the catalogue's "GTX Pro", deals without an account, open deals without an
 * engage date), with each lost deal's reason and stage ({@link CompanyLosses}), goes in through the
 * import wizard's window on H2 — people, products, clients, deals, one wizard per file, as a user opens
 * it: the file, the target, the column mapping, the value step (teams and two lost reasons created,
 * "GTXPro" and the file's stage words mapped to the application's), the preview, the run. Then the
 * reports over the database the window wrote give what {@link CompanyFigures} and {@link CompanyLosses}
 * compute from the files with plain Java: stage counts, won count and revenue per agent, manager,
 * product and close month, the won cycle in days, lost deals per agent, per stage and per reason, the
 * deals without a client. The migration acceptance (MigrationAcceptanceContract) does the same through
 * the command line.
 */
@ExtendWith(ApplicationExtension.class)
class CompanyImportWizardFxTest {
    /** The file's stage words → the default "sales" pipeline's stages, as the command line's acceptance maps them. */
    static final Map<String, String> STAGES = Map.of(Company.PROSPECTING, MigrationAcceptanceContract.PROSPECTING_STAGE,
            Company.ENGAGING, MigrationAcceptanceContract.ENGAGING_STAGE, "Negotiation", "Negotiation");
    static AppContext ctx;
    static FxTaskExecutor executor;
    static long admin;
    static final Company company = Company.generate(MigrationAcceptanceContract.SEED,
            MigrationAcceptanceContract.OPPORTUNITIES);
    static final CompanyFigures expected = new CompanyFigures(company);
    static final CompanyLosses losses = new CompanyLosses(company);
    @TempDir
    static Path dir;
    Stage stage;
    ImportWizardViewModel vm;
    final I18n i18n = new I18n(Locale.ENGLISH);

    @BeforeAll
    static void open() {
        ctx = new AppContext(TestDatabases.h2());
        admin = ctx.ensureReferenceData(Locale.ENGLISH);
        executor = new FxTaskExecutor(2);
    }

    @AfterAll
    static void close() {
        executor.close();
        ctx.close();
    }

    @Start
    void start(Stage s) {
        stage = s;
        stage.setScene(new Scene(new Label(), 1200, 760));
        stage.show();
    }

    /** A wizard in the window, as the menu's "Import…" opens one for each file. */
    void openWizard() {
        ImportScreens screens = new ImportScreens(ctx.imports().service(), ctx.imports().profiles(), executor, i18n,
                () -> admin);
        vm = screens.viewModel(ImportTarget.CLIENTS, () -> { });
        stage.setScene(new Scene(new ImportWizardView(vm, i18n), 1200, 760));
    }

    void waitFor(ImportWizardViewModel.Step step) throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !vm.busyProperty().get()
                && (vm.stepProperty().get() == step || !vm.errorProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.errorProperty().get()).as("error before %s", step).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(step);
    }

    void idle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the user decides in the value step for one name of the file: a known name, or create it. */
    record Decision(RefKind kind, String fileValue, String mapTo) {
        static Decision create(RefKind kind, String fileValue) {
            return new Decision(kind, fileValue, null);
        }
    }

    /**
     * One file through one wizard: choose it, choose the target (and the pipeline of deal stages), map the
     * columns, decide every name that matches nothing, check the preview has no invalid cell, import.
     * Returns the seconds from choosing the file to the result.
     */
    @SuppressWarnings("unchecked")
    double importThroughTheWizard(FxRobot robot, Path file, ImportTarget target, String pipeline,
                                  Map<String, String> columns, List<Decision> decisions) throws Exception {
        robot.interact(this::openWizard);
        long started = System.nanoTime();
        robot.interact(() -> vm.load(file)); // what the file chooser hands over
        waitFor(ImportWizardViewModel.Step.TARGET);
        ComboBox<ImportTarget> targets = robot.lookup("#import-target").queryAs(ComboBox.class);
        robot.interact(() -> targets.setValue(target));
        if (pipeline != null) {
            ComboBox<String> pipelines = robot.lookup("#import-pipeline").queryAs(ComboBox.class);
            assertThat(pipelines.isVisible()).as("the pipeline choice of a deal import").isTrue();
            assertThat(pipelines.getItems()).contains(pipeline);
            robot.interact(() -> pipelines.setValue(pipeline));
        }
        idle(); // choosing the target reads its profiles
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.MAPPING);
        for (Map.Entry<String, String> c : columns.entrySet()) {
            ComboBox<String> box = robot.lookup("#import-column-" + c.getKey()).queryAs(ComboBox.class);
            assertThat(box.getItems()).as("the columns offered for %s", c.getKey()).contains(c.getValue());
            robot.interact(() -> box.setValue(c.getValue()));
        }
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.VALUES);
        List<String> offered = vm.values().stream().map(v -> v.kind() + ":" + v.fileValue()).toList();
        assertThat(offered).as("the names that match nothing")
                .containsExactlyInAnyOrderElementsOf(decisions.stream().map(d -> d.kind() + ":" + d.fileValue()).toList());
        for (Decision d : decisions) {
            int r = offered.indexOf(d.kind() + ":" + d.fileValue());
            if (d.mapTo() == null) {
                CheckBox create = robot.lookup("#import-create-" + r).queryAs(CheckBox.class);
                assertThat(create.isVisible()).as("create offered for %s", d.fileValue()).isTrue();
                robot.clickOn(create);
                assertThat(create.isSelected()).isTrue();
            } else {
                ComboBox<String> to = robot.lookup("#import-value-" + r).queryAs(ComboBox.class);
                assertThat(to.getItems()).as("the names offered for %s", d.fileValue()).contains(d.mapTo());
                robot.interact(() -> to.setValue(d.mapTo()));
            }
        }
        robot.clickOn("#import-next");
        waitFor(ImportWizardViewModel.Step.PREVIEW);
        assertThat(vm.issues()).as("invalid cells of %s", file.getFileName()).extracting(i -> i.row() + " "
                + i.column() + ": " + vm.reason(i)).isEmpty();
        robot.clickOn("#import-run");
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> vm.doneProperty().get() || !vm.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(vm.errorProperty().get()).as("the import of %s", file.getFileName()).isEmpty();
        System.out.printf(Locale.ROOT, "wizard %s: %.2f s (%s)%n", file.getFileName(), seconds, vm.resultProperty().get());
        return seconds;
    }

    @Test
    void theCompanyGoesInThroughTheWizardAndEveryReportEqualsTheFiles(FxRobot robot) throws Exception {
        Map<String, Path> files = company.write(dir);
        Path pipelineFile = losses.writePipeline(dir);
        String sales = ctx.pipelines().findByCode(MigrationAcceptanceContract.PIPELINE).orElseThrow().name();
        Map<String, Double> seconds = new LinkedHashMap<>();

        seconds.put("users", importThroughTheWizard(robot, files.get("sales_teams"), ImportTarget.USERS, null,
                Map.of("fullName", "sales_agent", "supervisor", "manager", "team", "manager", "office", "regional_office"),
                company.agents().stream().map(Company.Agent::manager).distinct()
                        .map(m -> Decision.create(RefKind.TEAM, m)).toList()));
        seconds.put("products", importThroughTheWizard(robot, files.get("products"), ImportTarget.PRODUCTS, null,
                Map.of("name", "product", "group", "series", "price", "sales_price"), List.of()));
        seconds.put("clients", importThroughTheWizard(robot, files.get("accounts"), ImportTarget.CLIENTS, null,
                Map.of("name", "account", "externalId", "account", "industry", "sector", "region", "office_location"),
                List.of()));
        Map<String, String> dealColumns = new LinkedHashMap<>();
        dealColumns.put("title", "opportunity_id");
        dealColumns.put("externalId", "opportunity_id");
        dealColumns.put("owner", "sales_agent");
        dealColumns.put("product", "product");
        dealColumns.put("client", "account");
        dealColumns.put("stage", "deal_stage");
        dealColumns.put("createdOn", "engage_date");
        dealColumns.put("closedOn", "close_date");
        dealColumns.put("amount", "close_value");
        dealColumns.put("lostReason", "lost_reason");
        dealColumns.put("lostAtStage", "lost_at_stage");
        seconds.put("deals", importThroughTheWizard(robot, pipelineFile, ImportTarget.DEALS, sales, dealColumns,
                List.of(new Decision(RefKind.PRODUCT, "GTXPro", "GTX Pro"),
                        new Decision(RefKind.STAGE, Company.PROSPECTING, STAGES.get(Company.PROSPECTING)),
                        new Decision(RefKind.STAGE, Company.ENGAGING, STAGES.get(Company.ENGAGING)),
                        Decision.create(RefKind.LOST_REASON, "Went silent"),
                        Decision.create(RefKind.LOST_REASON, "Merged into another deal"))));
        System.out.printf(Locale.ROOT, "wizard total: %.2f s %s%n",
                seconds.values().stream().mapToDouble(Double::doubleValue).sum(), seconds);

        SoftAssertions soft = new SoftAssertions(); // every figure that differs is reported, not only the first
        long pipelineId = ctx.pipelines().findByCode(MigrationAcceptanceContract.PIPELINE).orElseThrow().id();
        ReportFilter period = ReportFilter.period(Company.FIRST, Company.LAST);
        ReportFilter inSales = period.withPipeline(pipelineId);

        // every opportunity is a deal, those without an account without a client
        soft.assertThat(ctx.database().dsl().fetchCount(org.jooq.impl.DSL.table("deal")))
                .isEqualTo(company.opportunities().size());
        soft.assertThat(ctx.database().dsl().fetchCount(org.jooq.impl.DSL.table("deal"),
                org.jooq.impl.DSL.field("client_id").isNull())).as("deals without a client")
                .isEqualTo((int) expected.withoutAccount);

        // funnel: the stage counts, won and lost with the won money, and where each lost deal was lost
        ReportTable funnel = run("funnel", inSales);
        soft.assertThat(count(funnel, "Needs identified", "deals")).isEqualTo(expected.stage(Company.PROSPECTING));
        soft.assertThat(count(funnel, "Proposal sent", "deals")).isEqualTo(expected.stage(Company.ENGAGING));
        soft.assertThat(count(funnel, "Won", "deals")).isEqualTo(expected.won.count());
        soft.assertThat(money(funnel, "Won", "amount")).isEqualByComparingTo(expected.won.amount());
        soft.assertThat(count(funnel, "Lost", "deals")).isEqualTo(expected.lost);
        for (Map.Entry<String, Long> e : losses.lostByStage.entrySet()) {
            soft.assertThat(count(funnel, STAGES.get(e.getKey()), "lost_here")).as("funnel's lost at %s", e.getKey())
                    .isEqualTo(e.getValue());
        }

        // lost by stage and by reason: none at "(none)"
        ReportTable byStage = run("lost-by-stage", inSales);
        soft.assertThat(byStage.rows()).extracting(r -> r.values().get(0)).doesNotContainNull()
                .hasSize(losses.lostByStage.size());
        losses.lostByStage.forEach((st, n) -> soft.assertThat(count(byStage, STAGES.get(st), "deals"))
                .as("lost at %s", st).isEqualTo(n));
        ReportTable byReason = run("lost-by-reason", period);
        soft.assertThat(byReason.rows()).extracting(r -> r.values().get(0)).doesNotContainNull()
                .hasSize(losses.lostByReason.size());
        losses.lostByReason.forEach((reason, n) -> soft.assertThat(count(byReason, reason, "deals"))
                .as("lost for %s", reason).isEqualTo(n));

        // lost per agent
        ReportTable lostByManager = run("lost-by-manager", period);
        expected.lostByAgent.forEach((agent, n) -> soft.assertThat(count(lostByManager, agent, "deals"))
                .as("lost deals of %s", agent).isEqualTo(n));
        soft.assertThat(lostByManager.rows()).hasSize(expected.lostByAgent.size());
        soft.assertThat((Long) lostByManager.value(ReportTable.TOTALS, "deals")).isEqualTo(expected.lost);

        // won count and revenue per agent, per manager (the team), per product, per close month
        ReportTable rating = run("manager-rating", period);
        assertTallies(soft, rating, expected.wonByAgent, "won_deals", "revenue");
        assertTallies(soft, run("sales-analysis", period.withAttribute(DealAttribute.TEAM)), expected.wonByManager,
                "won_deals", "revenue");
        ReportTable byProduct = run("sales-analysis", period.withAttribute(DealAttribute.PRODUCT));
        assertTallies(soft, byProduct, expected.wonByProduct, "won_deals", "revenue");
        soft.assertThat(byProduct.rows()).extracting(r -> r.values().get(0)).doesNotContain("GTXPro");
        for (YearMonth m = YearMonth.from(Company.FIRST); !m.isAfter(YearMonth.from(Company.LAST)); m = m.plusMonths(1)) {
            ReportTable month = run("manager-rating", ReportFilter.period(m.atDay(1), m.atEndOfMonth()));
            CompanyFigures.Tally want = expected.wonByCloseMonth.getOrDefault(m, new CompanyFigures.Tally(0, BigDecimal.ZERO));
            soft.assertThat((Long) month.value(ReportTable.TOTALS, "won_deals")).as("won in %s", m).isEqualTo(want.count());
            soft.assertThat((BigDecimal) month.value(ReportTable.TOTALS, "revenue")).as("revenue of %s", m)
                    .isEqualByComparingTo(want.amount());
        }

        // the won cycle in days: from the engage date to the close date
        ReportTable velocity = run("velocity", inSales);
        soft.assertThat((Long) velocity.value(VelocityReport.CYCLE, "deals")).isEqualTo(expected.won.count());
        soft.assertThat((BigDecimal) velocity.value(VelocityReport.CYCLE, "avg_days")).as("average won cycle")
                .isEqualByComparingTo(expected.averageWonCycleDays);
        soft.assertThat((BigDecimal) velocity.value(VelocityReport.CYCLE, "median_days")).as("median won cycle")
                .isEqualByComparingTo(expected.medianWonCycleDays);

        // the deals without an account are counted under "no client"
        ReportTable byClient = run("sales-analysis", period.withAttribute(DealAttribute.CLIENT));
        soft.assertThat(byClient.hasRow(SalesAnalysisReport.NO_CLIENT)).as("the row of deals without a client").isTrue();
        if (byClient.hasRow(SalesAnalysisReport.NO_CLIENT)) {
            soft.assertThat((Long) byClient.value(SalesAnalysisReport.NO_CLIENT, "won_deals"))
                    .isEqualTo(expected.wonWithoutAccount.count());
            soft.assertThat((BigDecimal) byClient.value(SalesAnalysisReport.NO_CLIENT, "revenue"))
                    .isEqualByComparingTo(expected.wonWithoutAccount.amount());
        }
        soft.assertAll();
    }

    static ReportTable run(String report, ReportFilter filter) {
        return ctx.reports().get(report).run(filter);
    }

    /** The row whose first cell (its name) is {@code label}, or null. */
    static Row row(ReportTable t, String label) {
        return t.rows().stream().filter(r -> label.equals(r.values().get(0))).findFirst().orElse(null);
    }

    /** A count of the row of that name (-1 when the report has no such row). */
    static long count(ReportTable t, String label, String column) {
        Row r = row(t, label);
        Object v = r == null ? -1L : r.values().get(t.index(column));
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** An amount of the row of that name (null when the report has no such row). */
    static BigDecimal money(ReportTable t, String label, String column) {
        Row r = row(t, label);
        Object v = r == null ? null : r.values().get(t.index(column));
        return r != null && v == null ? BigDecimal.ZERO : (BigDecimal) v;
    }

    /** Each group's won count and revenue, and the totals of all of them. */
    static void assertTallies(SoftAssertions soft, ReportTable t, Map<String, CompanyFigures.Tally> want,
                              String countColumn, String moneyColumn) {
        want.forEach((name, tally) -> {
            soft.assertThat(count(t, name, countColumn)).as("%s of %s in %s", countColumn, name, t.report())
                    .isEqualTo(tally.count());
            soft.assertThat(money(t, name, moneyColumn)).as("%s of %s in %s", moneyColumn, name, t.report())
                    .isEqualByComparingTo(tally.amount());
        });
        soft.assertThat((Long) t.value(ReportTable.TOTALS, countColumn)).isEqualTo(expected.won.count());
        soft.assertThat((BigDecimal) t.value(ReportTable.TOTALS, moneyColumn)).isEqualByComparingTo(expected.won.amount());
    }
}
