package org.deskcrm.service.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.AppContext;
import org.deskcrm.model.report.DealAttribute;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_LINE;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/**
 * Sales analysis and every report's export on the demo company: the analysis's totals equal the
 * manager rating's (revenue rule), the lost-deals report's and the velocity report's cycle for the same
 * filter, its groups equal a computation over the raw rows, and no report writes a row without a label to
 * CSV or .xlsx. Runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SalesAnalysisDemoContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    AppContext ctx;
    DSLContext dsl;
    ReportCatalog reports;
    @TempDir
    Path dir;

    abstract Database openDatabase();

    @BeforeAll
    void generate() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        dsl = ctx.database().dsl();
        ctx.demoData().generate(new DemoSize(120, 900, 300, 1), Locale.ENGLISH, 11, Progress.NONE);
        ctx.ensureReferenceData(Locale.ENGLISH);
        // a deal may have no client; products have groups, people offices (some of them)
        dsl.update(DEAL).setNull(DEAL.CLIENT_ID).where(DEAL.ID.mod(7L).eq(0L)).execute();
        dsl.update(PRODUCT).set(PRODUCT.PRODUCT_GROUP, "Series " + "A").where(PRODUCT.ID.mod(2L).eq(0L)).execute();
        dsl.update(PRODUCT).set(PRODUCT.PRODUCT_GROUP, "Series B").where(PRODUCT.ID.mod(3L).eq(0L)).execute();
        dsl.update(APP_USER).set(APP_USER.OFFICE, "North").where(APP_USER.ID.mod(2L).eq(0L)).execute();
        reports = new ReportCatalog(new ReportSupport(ctx.database(), ctx.settings(), ctx.clock()));
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    static List<ReportFilter> filters() {
        return List.of(ReportFilter.period(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 3, 31)),
                ReportFilter.period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void totalsEqualManagerRatingLostDealsAndVelocityForEveryAttribute() {
        int compared = 0;
        for (ReportFilter base : filters()) {
            ReportTable rating = reports.get(ManagerRatingReport.NAME).run(base);
            ReportTable lost = reports.get("lost-by-manager").run(base);
            for (Long pipeline : ctx.reports().support().pipelineNames().keySet()) {
                ReportFilter pf = base.withPipeline(pipeline);
                ReportTable velocity = reports.get(VelocityReport.NAME).run(pf);
                ReportTable a = reports.get(SalesAnalysisReport.NAME).run(pf);
                assertThat(a.value(ReportTable.TOTALS, "avg_cycle_days")).isEqualTo(velocity.value("cycle", "avg_days"));
                assertThat(a.value(ReportTable.TOTALS, "median_cycle_days"))
                        .isEqualTo(velocity.value("cycle", "median_days"));
                assertThat(a.value(ReportTable.TOTALS, "won_deals")).isEqualTo(velocity.value("cycle", "deals"));
            }
            for (DealAttribute by : DealAttribute.values()) {
                ReportTable a = reports.get(SalesAnalysisReport.NAME).run(base.withAttribute(by));
                assertThat(a.value(ReportTable.TOTALS, "revenue")).as("%s %s", by, base)
                        .isEqualTo(rating.value(ReportTable.TOTALS, "revenue"));
                assertThat(a.value(ReportTable.TOTALS, "won_deals")).isEqualTo(rating.value(ReportTable.TOTALS, "won_deals"));
                assertThat(a.value(ReportTable.TOTALS, "lost_deals")).isEqualTo(lost.value(ReportTable.TOTALS, "deals"));
                compared++;
            }
        }
        BigDecimal revenue = (BigDecimal) reports.get(ManagerRatingReport.NAME).run(filters().get(0))
                .value(ReportTable.TOTALS, "revenue");
        assertThat(revenue).isPositive();
        assertThat(compared).isEqualTo(2 * DealAttribute.values().length);
    }

    /**
     * By product and by product group, the table from the stored closed deals by product (ADR 0037) is the table
     * counted from the closed deals themselves, row for row, with the same totals and cycles.
     */
    @Test
    void byProductAndGroupTheStoredTotalsGiveTheTableTheRecordsGive() {
        org.deskcrm.persistence.totals.DealTotals totals = new org.deskcrm.persistence.totals.DealTotals(dsl);
        java.time.ZoneId zone = totals.builtZone().orElseThrow();
        org.deskcrm.persistence.report.ProductSales stored = new org.deskcrm.persistence.report.ProductSales(ctx.database());
        List<ReportFilter> asked = new ArrayList<>();
        List<ReportTable> fromTotals = new ArrayList<>();
        for (ReportFilter base : filters()) {
            assertThat(stored.fromTotals(new org.deskcrm.model.report.ReportScope(base, zone))).isTrue();
            assertThat(stored.fromTotals(new org.deskcrm.model.report.ReportScope(
                    base.withPipeline(ctx.reports().support().pipelineNames().keySet().iterator().next()), zone))).isFalse();
            for (DealAttribute by : List.of(DealAttribute.PRODUCT, DealAttribute.PRODUCT_GROUP)) {
                asked.add(base.withAttribute(by));
                fromTotals.add(reports.get(SalesAnalysisReport.NAME).run(base.withAttribute(by)));
            }
        }
        assertThat(fromTotals.get(1).hasRow("v:Series A")).isTrue();
        assertThat(fromTotals.get(0).rows().size()).isGreaterThan(3);
        totals.invalidate(); // the report now counts the records
        try {
            for (int i = 0; i < asked.size(); i++) {
                ReportTable counted = reports.get(SalesAnalysisReport.NAME).run(asked.get(i));
                assertThat(fromTotals.get(i).rows()).as("%s", asked.get(i)).isEqualTo(counted.rows());
                assertThat(fromTotals.get(i).totals()).as("%s", asked.get(i)).isEqualTo(counted.totals());
            }
        } finally {
            totals.rebuild(zone, step -> { });
        }
    }

    @Test
    void velocityStaysEqualTheRawHistoryWithAndWithoutAManager() {
        long manager = dsl.select(DEAL.OWNER_ID).from(DEAL).groupBy(DEAL.OWNER_ID).orderBy(DSL.count().desc(), DEAL.OWNER_ID)
                .limit(1).fetchOne(DEAL.OWNER_ID);
        int stagesWithStays = 0;
        for (ReportFilter base : filters()) {
            for (Long pipeline : ctx.reports().support().pipelineNames().keySet()) {
                for (Long owner : java.util.Arrays.asList(null, manager)) {
                    ReportFilter f = owner == null ? base.withPipeline(pipeline) : base.withPipeline(pipeline).withManager(owner);
                    ReportTable velocity = reports.get(VelocityReport.NAME).run(f);
                    Instant from = f.from().atStartOfDay(ctx.reports().support().zone()).toInstant();
                    Instant to = f.to().plusDays(1).atStartOfDay(ctx.reports().support().zone()).toInstant();
                    Map<Long, List<BigDecimal>> days = new HashMap<>();
                    var h = DEAL_STAGE_HISTORY;
                    dsl.select(h.TO_STAGE_ID, h.CHANGED_AT, h.LEFT_AT).from(h).join(DEAL).on(DEAL.ID.eq(h.DEAL_ID))
                            .where(DEAL.PIPELINE_ID.eq(pipeline))
                            .and(owner == null ? DSL.noCondition() : DEAL.OWNER_ID.eq(owner))
                            .and(h.LEFT_AT.ge(from.atOffset(ZoneOffset.UTC))).and(h.LEFT_AT.lt(to.atOffset(ZoneOffset.UTC)))
                            .forEach(r -> days.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(BigDecimal.valueOf(
                                    java.time.Duration.between(r.value2(), r.value3()).getSeconds())
                                    .divide(BigDecimal.valueOf(86_400), 2, java.math.RoundingMode.HALF_UP)));
                    for (Row row : velocity.rows()) {
                        if (row.key().equals(VelocityReport.CYCLE)) {
                            continue;
                        }
                        List<BigDecimal> v = days.getOrDefault(Long.valueOf(row.key()), List.of()).stream().sorted().toList();
                        assertThat(velocity.value(row.key(), "deals")).as("%s %s", f, row.key()).isEqualTo((long) v.size());
                        if (!v.isEmpty()) {
                            stagesWithStays++;
                            BigDecimal avg = v.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                                    .divide(BigDecimal.valueOf(v.size()), 2, java.math.RoundingMode.HALF_UP);
                            int n = v.size();
                            BigDecimal median = n % 2 == 1 ? v.get(n / 2) : v.get(n / 2 - 1).add(v.get(n / 2))
                                    .divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP);
                            assertThat(velocity.value(row.key(), "avg_days")).isEqualTo(avg);
                            assertThat(velocity.value(row.key(), "median_days")).isEqualTo(median);
                            assertThat(reports.get(VelocityReport.NAME).drill(f, "deals", row.key()).items()).hasSize(n);
                        }
                    }
                }
            }
        }
        assertThat(stagesWithStays).isGreaterThan(10);
    }

    /** Won deals of the period straight from the tables: id, amount, client, owner's office. */
    private List<Record> wonDeals(ReportFilter f) {
        Instant from = f.from().atStartOfDay(ctx.reports().support().zone()).toInstant();
        Instant to = f.to().plusDays(1).atStartOfDay(ctx.reports().support().zone()).toInstant();
        return dsl.select(DEAL.ID, DEAL.AMOUNT, DEAL.CLIENT_ID, APP_USER.OFFICE).from(DEAL)
                .join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID)).join(APP_USER).on(APP_USER.ID.eq(DEAL.OWNER_ID))
                .where(STAGE.KIND_CODE.eq("won"))
                .and(DEAL.CLOSED_AT.ge(from.atOffset(ZoneOffset.UTC))).and(DEAL.CLOSED_AT.lt(to.atOffset(ZoneOffset.UTC)))
                .fetch().stream().map(r -> (Record) r).toList();
    }

    @Test
    void aDealWhoseLinesTieBelongsToItsFirstLinesProduct() {
        // the product of the deal's first line has the larger id: neither "last line" nor "lowest product" passes
        long second = ctx.pipelines().addProduct(null, "Tie second", "pcs", new BigDecimal("500"));
        long first = ctx.pipelines().addProduct(null, "Tie first", "pcs", new BigDecimal("500"));
        var pipeline = ctx.pipelines().findAll().get(0);
        long owner = dsl.select(APP_USER.ID).from(APP_USER).orderBy(APP_USER.ID).limit(1).fetchOne(APP_USER.ID);
        var deals = ctx.dealFeature().deals();
        var saved = deals.create(org.deskcrm.model.deal.Deal.draft("Tie", null, owner, pipeline.id(),
                pipeline.stages().get(0).id(), BigDecimal.ZERO), List.of(
                new org.deskcrm.model.deal.DealLine(null, first, null, BigDecimal.ONE, new BigDecimal("500.00"), BigDecimal.ZERO),
                new org.deskcrm.model.deal.DealLine(null, second, null, BigDecimal.ONE, new BigDecimal("500.00"), BigDecimal.ZERO)),
                owner);
        deals.move(saved.id(), saved.version(), pipeline.stageOfKind(org.deskcrm.model.deal.StageKind.WON).id(), null, null,
                owner);
        var s = new org.deskcrm.model.report.ReportScope(ReportFilter.period(LocalDate.ofInstant(NOW, ZoneOffset.UTC),
                LocalDate.ofInstant(NOW, ZoneOffset.UTC)), ctx.reports().support().zone());
        var facts = new org.deskcrm.persistence.report.SalesFacts(ctx.database());
        var closed = facts.closed(s, false);
        int at = java.util.stream.IntStream.range(0, closed.size()).filter(i -> closed.get(i).id() == saved.id())
                .findFirst().orElseThrow();
        assertThat(closed.get(at).won()).isTrue();
        assertThat(facts.mainProducts(closed)[at]).isEqualTo(first);
    }

    @Test
    void groupsEqualASumOverTheRawRows() {
        ReportFilter f = filters().get(0);
        Map<Long, String> groupOf = new HashMap<>();
        dsl.select(PRODUCT.ID, PRODUCT.PRODUCT_GROUP).from(PRODUCT).forEach(r -> groupOf.put(r.value1(), r.value2()));
        // the main product of a deal: its line of the largest amount, the first one on a tie
        Map<Long, Long> mainProduct = new HashMap<>();
        Map<Long, BigDecimal> best = new HashMap<>();
        dsl.select(DEAL_LINE.DEAL_ID, DEAL_LINE.PRODUCT_ID, DEAL_LINE.AMOUNT).from(DEAL_LINE).orderBy(DEAL_LINE.ID)
                .forEach(r -> {
                    BigDecimal b = best.get(r.value1());
                    if (b == null || r.value3().compareTo(b) > 0) {
                        best.put(r.value1(), r.value3());
                        mainProduct.put(r.value1(), r.value2());
                    }
                });
        Map<String, BigDecimal> byGroup = new HashMap<>();
        Map<String, BigDecimal> byOffice = new HashMap<>();
        BigDecimal noClient = BigDecimal.ZERO;
        long noClientCount = 0;
        for (Record r : wonDeals(f)) {
            BigDecimal amount = r.get(DEAL.AMOUNT);
            Long product = mainProduct.get(r.get(DEAL.ID));
            String group = product == null ? null : groupOf.get(product);
            byGroup.merge(group == null ? "none" : "v:" + group, amount, BigDecimal::add);
            String office = r.get(APP_USER.OFFICE);
            byOffice.merge(office == null ? "none" : "v:" + office, amount, BigDecimal::add);
            if (r.get(DEAL.CLIENT_ID) == null) {
                noClient = noClient.add(amount);
                noClientCount++;
            }
        }
        assertThat(noClientCount).isPositive();
        assertThat(byGroup).containsKeys("v:Series A", "v:Series B");
        assertGroups(f.withAttribute(DealAttribute.PRODUCT_GROUP), byGroup);
        assertGroups(f.withAttribute(DealAttribute.OFFICE), byOffice);
        ReportTable industry = reports.get(SalesAnalysisReport.NAME).run(f.withAttribute(DealAttribute.INDUSTRY));
        assertThat((BigDecimal) industry.value(SalesAnalysisReport.NO_CLIENT, "revenue")).isEqualByComparingTo(noClient);
        assertThat(industry.value(SalesAnalysisReport.NO_CLIENT, "won_deals")).isEqualTo(noClientCount);
        assertThat(industry.rows().stream().filter(r -> r.key().equals(SalesAnalysisReport.NO_CLIENT)).findFirst()
                .orElseThrow().values().get(0)).isEqualTo("no_client");
        Drill d = reports.get(SalesAnalysisReport.NAME).drill(industry.filter(), "revenue", SalesAnalysisReport.NO_CLIENT);
        assertThat(d.sum()).isEqualByComparingTo(noClient);
    }

    private void assertGroups(ReportFilter f, Map<String, BigDecimal> expected) {
        ReportTable t = reports.get(SalesAnalysisReport.NAME).run(f);
        Map<String, BigDecimal> actual = new HashMap<>();
        for (Row r : t.rows()) {
            if (((Long) r.values().get(1)) > 0) {
                actual.put(r.key(), ((BigDecimal) r.values().get(2)).setScale(2));
            }
        }
        Map<String, BigDecimal> scaled = new HashMap<>();
        expected.forEach((k, v) -> scaled.put(k, v.setScale(2)));
        assertThat(actual).isEqualTo(scaled);
    }

    @Test
    void everyRowOfEveryReportIsLabelledInCsvAndXlsx() throws Exception {
        ReportExport export = reports.support().exporter(Locale.ENGLISH);
        int rows = 0;
        for (Report r : reports.all()) {
            ReportTable t = r.run(filters().get(0));
            Path csv = dir.resolve(r.name() + ".csv");
            Path xlsx = dir.resolve(r.name() + ".xlsx");
            export.write(t, csv);
            export.write(t, xlsx);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                assertThat(firstField(line.replace("\uFEFF", ""))).as("%s CSV row %s", r.name(), line).isNotBlank();
                rows++;
            }
            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                Sheet sheet = wb.getSheetAt(0);
                DataFormatter fmt = new DataFormatter();
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    boolean any = false;
                    for (Cell c : row) {
                        any |= c.getCellType() != CellType.BLANK && !fmt.formatCellValue(c).isBlank();
                    }
                    Cell first = row.getCell(0);
                    if (any) {
                        assertThat(first == null ? "" : fmt.formatCellValue(first)).as("%s xlsx row %d", r.name(),
                                row.getRowNum()).isNotBlank();
                    }
                }
            }
        }
        assertThat(rows).isGreaterThan(reports.all().size() * 2);
    }

    @Test
    void csvCarriesTheSummaryFigures() throws Exception {
        ReportTable t = reports.get(SalesAnalysisReport.NAME).run(filters().get(0));
        Path csv = dir.resolve("summary.csv");
        reports.support().exporter(Locale.ENGLISH).write(t, csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        BigDecimal won = BigDecimal.valueOf((Long) t.value(ReportTable.TOTALS, "won_deals"));
        BigDecimal lost = BigDecimal.valueOf((Long) t.value(ReportTable.TOTALS, "lost_deals"));
        String winRate = won.divide(won.add(lost), 4, java.math.RoundingMode.HALF_UP).toPlainString();
        assertThat(lines).contains("Summary", "Win rate," + winRate);
        ReportTable funnel = reports.get(FunnelCohortReport.NAME).run(filters().get(0));
        reports.support().exporter(Locale.ENGLISH).write(funnel, csv);
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).anyMatch(l -> l.startsWith("Win rate,"));
    }

    /** The first field of a CSV line (RFC 4180 quoting). */
    private static String firstField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (c == '"') {
                break;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
