package org.deskcrm.service.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.AppContext;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;
import org.jooq.DSLContext;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.persistence.jooq.Tables.AUDIT_EVENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/**
 * Exports of real lists from a demo database, read back with POI: cell types and formats, the live
 * totals, the frozen header and autofilter, the filters above the table; the export right, the audit
 * event, and that a cancelled or refused export leaves no file. Runs on H2 ({@link H2ExportTest}) and on
 * a real PostgreSQL ({@link PostgresExportTest}), where the cursor read needs its transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExportContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    static final Locale EN = Locale.ENGLISH;

    AppContext ctx;
    DSLContext dsl;
    long admin;
    long noRight;
    @TempDir
    Path dir;

    abstract Database openDatabase();

    @BeforeAll
    void generate() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        dsl = ctx.database().dsl();
        ctx.demoData().generate(new DemoSize(120, 400, 600, 1), EN, 11, Progress.NONE);
        admin = ctx.ensureReferenceData(EN);
        noRight = ctx.users().insert(new User(null, "nox", "Nora Noexport", null, Role.MANAGER, null, false, true, 0),
                null);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    private long exportEvents() {
        return dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(AuditAction.EXPORT.code()));
    }

    @Test
    void dealsToXlsxHaveTypedCellsLiveTotalsFrozenHeaderAndFilters() throws Exception {
        long pipeline = ctx.pipelines().findAll().get(0).id();
        DealFilter filter = DealFilter.pipeline(pipeline);
        Path file = dir.resolve("deals.xlsx");
        ExportResult r = ctx.exports().export(new ExportTarget.Deals(filter), file, admin, EN, Progress.NONE);

        int expected = dsl.fetchCount(DEAL, DEAL.PIPELINE_ID.eq(pipeline));
        BigDecimal amount = dsl.select(DSL.sum(DEAL.AMOUNT)).from(DEAL).where(DEAL.PIPELINE_ID.eq(pipeline))
                .fetchOne(0, BigDecimal.class);
        assertThat(r.rows()).isEqualTo(expected).isPositive();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Deals");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Pipeline");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo(ctx.pipelines().findAll().get(0).name());
            int h = XlsxTableWriter.headerRowIndex(1);
            Row header = sheet.getRow(h);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("ID");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Amount");
            assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (h + 1));
            CellRangeAddress filterRange = CellRangeAddress.valueOf(
                    sheet.getCTWorksheet().getAutoFilter().getRef());
            assertThat(filterRange.getFirstRow()).isEqualTo(h);
            assertThat(filterRange.getLastRow()).isEqualTo(h + expected);
            assertThat(filterRange.getLastColumn()).isEqualTo(10);

            Row first = sheet.getRow(h + 1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(10))).isTrue();
            assertThat(first.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(8 * 256);

            Row totals = sheet.getRow(h + expected + 1);
            Cell sum = totals.getCell(6);
            assertThat(sum.getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(sum.getCellFormula()).isEqualTo("SUM(G" + (h + 2) + ":G" + (h + expected + 1) + ")");
            assertThat(sum.getNumericCellValue()).isCloseTo(amount.doubleValue(), org.assertj.core.data.Offset.offset(0.01));
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // the formula really sums the cells
            assertThat(sum.getNumericCellValue()).isCloseTo(amount.doubleValue(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
        }
    }

    @Test
    void callsToCsvFollowTheLocale() throws Exception {
        Path en = dir.resolve("calls.csv");
        CallFilter f = CallFilter.ALL.withDirection(CallDirection.IN);
        ExportResult r = ctx.exports().export(new ExportTarget.Calls(f), en, admin, EN, Progress.NONE);
        int expected = dsl.fetchCount(PHONE_CALL, PHONE_CALL.DIRECTION.eq("in"));
        assertThat(r.rows()).isEqualTo(expected).isPositive();
        byte[] bytes = Files.readAllBytes(en);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF); // the UTF-8 byte-order mark for Excel
        List<String> lines = Files.readAllLines(en, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(expected + 1);
        assertThat(lines.get(0)).isEqualTo("\uFEFFID,Started,Direction,Status,\"Duration, s\",Phone,Client,Manager,Result");
        assertThat(lines.get(1)).matches("\\d+,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,incoming,.*");

        Path ru = dir.resolve("calls_ru.csv");
        ctx.exports().export(new ExportTarget.Calls(f), ru, admin, Locale.forLanguageTag("ru"), Progress.NONE);
        List<String> ruLines = Files.readAllLines(ru, StandardCharsets.UTF_8);
        assertThat(ruLines.get(0)).startsWith("\uFEFFID;Начало;Направление");
        assertThat(ruLines.get(1)).matches("\\d+;\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d;входящий;.*");
    }

    @Test
    void clientsAndTasksExportWhatTheListShows() throws Exception {
        ClientQuery q = new ClientQuery(ClientFilter.ALL.withArchived(true), null, ClientSort.CREATED, true);
        Path clients = dir.resolve("clients.xlsx");
        ExportResult r = ctx.exports().export(new ExportTarget.Clients(q), clients, admin, EN, Progress.NONE);
        assertThat(r.rows()).isEqualTo(ctx.clientList().count(q))
                .isEqualTo(dsl.fetchCount(org.deskcrm.persistence.jooq.Tables.CLIENT));
        try (InputStream in = Files.newInputStream(clients); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheetAt(0);
            int h = XlsxTableWriter.headerRowIndex(1);
            assertThat((long) s.getLastRowNum()).isEqualTo(h + r.rows()); // no totals row: no summed column
            long firstId = (long) s.getRow(h + 1).getCell(0).getNumericCellValue();
            long firstListed = ctx.clientList().page(q, null, 1).items().get(0).id();
            assertThat(firstId).isEqualTo(firstListed); // the list's order
        }
        Path tasks = dir.resolve("tasks.csv");
        ExportResult t = ctx.exports().export(new ExportTarget.Tasks(TaskView.ALL, null, null), tasks, admin, EN,
                Progress.NONE);
        assertThat(t.rows()).isEqualTo(dsl.fetchCount(TASK)).isPositive();
    }

    @Test
    void everyExportIsInTheEventFeedWithFiltersAndRowCount() {
        long before = exportEvents();
        DealFilter f = DealFilter.ALL.withBand(org.deskcrm.model.deal.ScoreBand.HOT);
        ExportResult r = ctx.exports().export(new ExportTarget.Deals(f), dir.resolve("hot.xlsx"), admin, EN,
                Progress.NONE);
        assertThat(exportEvents()).isEqualTo(before + 1);
        AuditEvent e = ctx.audit().between(NOW.minusSeconds(1), NOW.plusSeconds(1), 100).stream()
                .filter(x -> x.action() == AuditAction.EXPORT).findFirst().orElseThrow();
        assertThat(e.userId()).isEqualTo(admin);
        assertThat(e.entity()).isEqualTo("deal");
        assertThat(e.details()).contains("hot.xlsx", r.rows() + " rows", "Band: hot");
    }

    @Test
    void aUserWithoutTheRightIsRefusedNothingWrittenNothingAudited() {
        long before = exportEvents();
        Path file = dir.resolve("refused.xlsx");
        assertThatThrownBy(() -> ctx.exports().export(new ExportTarget.Clients(ClientQuery.DEFAULT), file, noRight, EN,
                Progress.NONE))
                .isInstanceOf(AppException.class)
                .satisfies(e -> assertThat(((AppException) e).messageKey()).isEqualTo("export.error.forbidden"))
                .satisfies(e -> assertThat(new ExportTexts(EN).format(((AppException) e).messageKey(),
                        ((AppException) e).args())).contains("Nora Noexport", "no right to export"));
        assertThat(file).doesNotExist();
        assertThat(exportEvents()).isEqualTo(before);
        assertThat(ctx.exports().canExport(noRight)).isFalse();
        assertThat(ctx.exports().canExport(admin)).isTrue();
    }

    @Test
    void aCancelledExportLeavesNoFileAndKeepsAnOlderOne() throws Exception {
        long before = exportEvents();
        Path file = dir.resolve("cancelled.xlsx");
        Files.writeString(file, "older");
        Progress cancelAfter50 = new Progress() {
            int calls;

            @Override
            public void update(String stepKey, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return ++calls > 50;
            }
        };
        assertThatThrownBy(() -> ctx.exports().export(new ExportTarget.Calls(CallFilter.ALL), file, admin, EN,
                cancelAfter50)).isInstanceOf(CancellationException.class);
        assertThat(Files.readString(file)).isEqualTo("older");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".deskcrm-export-"));
        }
        assertThat(exportEvents()).isEqualTo(before);
    }

    @Test
    void aReportExportChecksTheRightAndIsAudited() {
        long before = exportEvents();
        var table = ctx.reports().get("manager-rating").run(org.deskcrm.model.report.ReportFilter.period(
                java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2026, 3, 31)));
        Path file = dir.resolve("rating.xlsx");
        ExportResult r = ctx.exports().export(new ExportTarget.Report(table), file, admin, EN, Progress.NONE);
        assertThat(file).exists();
        assertThat(r.rows()).isEqualTo(table.rows().size());
        assertThat(exportEvents()).isEqualTo(before + 1);
        assertThatThrownBy(() -> ctx.exports().export(new ExportTarget.Report(table), dir.resolve("no.xlsx"), noRight,
                EN, Progress.NONE)).isInstanceOf(AppException.class);
        assertThat(dir.resolve("no.xlsx")).doesNotExist();
    }

    @Test
    void aWrongExtensionIsALocalizedErrorBeforeAnyWork() {
        assertThatThrownBy(() -> ctx.exports().export(new ExportTarget.Deals(DealFilter.ALL), dir.resolve("x.pdf"),
                admin, EN, Progress.NONE))
                .isInstanceOf(AppException.class)
                .satisfies(e -> assertThat(((AppException) e).messageKey()).isEqualTo("export.error.format"));
    }
}
