package org.deskcrm.ui.report;

import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.DrillField;
import org.deskcrm.model.report.DrillGrid;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;
import org.deskcrm.service.export.ExportTarget;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.RecordingWorkspace;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.export.ExportRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/**
 * Every report and drill-down on the demo company, in the window's own views: exported headers equal the
 * headers the window shows (English and Russian), drill-down grids show the records' human columns, and the
 * manager rating lists no administrator row of zeros.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsOnDemoDataFxTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    /** A message key ({@code report.col.x}, {@code won_deals}), a missing key ({@code !x!}), an argument, an index. */
    static final Pattern INTERNAL = Pattern.compile(
            "(?<![\\w.])[a-z][a-z0-9]*[._][a-z_][a-z0-9_.]*|!\\S+!|\\{\\d|/\\s*\\d+\\s*$|^\\d+$");
    static AppContext ctx;
    static long admin;
    @TempDir
    static Path dir;

    @BeforeAll
    static void demo() {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.demoData().generate(DemoSize.SMALL, Locale.ENGLISH, 7, Progress.NONE);
        admin = ctx.users().findByLogin("admin").orElseThrow().id();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static <T> T fx(Callable<T> work) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }

    /** A report's tab as the window builds it, with the table it shows and the headers of its columns. */
    record Shown(ReportView view, ReportTable table, List<String> headers) {
    }

    private static Shown open(ReportScreens screens, String name) {
        return fx(() -> {
            ReportView view = screens.view(name);
            new javafx.scene.Scene(view, 1100, 600);
            view.applyCss(); // the split pane shows its table once skinned
            ExportTarget[] captured = new ExportTarget[1];
            view.addEventHandler(ExportRequest.EXPORT, e -> {
                captured[0] = e.target();
                e.consume();
            });
            Button export = (Button) view.lookup("#reportExport");
            export.fire();
            TableView<?> table = (TableView<?>) view.lookup("#reportTable");
            List<String> headers = table.getColumns().stream().map(TableColumn::getText).toList();
            return new Shown(view, captured[0] == null ? null : ((ExportTarget.Report) captured[0]).table(), headers);
        });
    }

    @Test
    void everyExportedHeaderIsTheWindowsHeaderInEnglishAndRussian() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            I18n i18n = new I18n(locale);
            ReportScreens screens = new ReportScreens(ctx.reports(), new SameThreadExecutor(), i18n, new RecordingWorkspace());
            for (String name : screens.names()) {
                Shown shown = open(screens, name);
                String what = name + " (" + locale + ")";
                assertThat(shown.table()).as(what + " computes on the demo data").isNotNull();
                assertThat(shown.headers()).as(what).isNotEmpty();
                for (String h : shown.headers()) {
                    assertThat(INTERNAL.matcher(h).find()).as(what + ": header " + h).isFalse();
                }
                for (var row : name.equals("events") ? List.<org.deskcrm.model.report.Row>of() : shown.table().rows()) {
                    // (the event feed's rows are free text: file names, details)
                    String label = fx(() -> shown.view().rowLabel(shown.table(), row.key()));
                    assertThat(INTERNAL.matcher(label).find()).as(what + ": a drill-down's row " + label).isFalse();
                }
                Path xlsx = dir.resolve(name + "-" + locale + ".xlsx");
                Path csv = dir.resolve(name + "-" + locale + ".csv");
                ctx.exports().export(new ExportTarget.Report(shown.table()), xlsx, admin, locale, Progress.NONE);
                ctx.exports().export(new ExportTarget.Report(shown.table()), csv, admin, locale, Progress.NONE);
                assertThat(xlsxHeaders(xlsx)).as(what + " .xlsx").isEqualTo(shown.headers());
                assertThat(csvHeaders(csv)).as(what + " .csv").isEqualTo(shown.headers());
            }
        }
    }

    @Test
    void drillDownGridsShowTheRecordsHumanColumnsInTheWindowAndTheExport() throws Exception {
        I18n en = new I18n(Locale.ENGLISH);
        ReportScreens screens = new ReportScreens(ctx.reports(), new SameThreadExecutor(), en, new RecordingWorkspace());
        Map<String, DrillGrid> byKind = new LinkedHashMap<>();
        for (String name : screens.names()) {
            ReportTable t = open(screens, name).table();
            for (Column c : t.columns()) {
                if (c.drill() == DrillKind.NONE || !c.summable()) {
                    continue;
                }
                DrillGrid grid;
                try {
                    grid = ctx.reports().support().grid(ctx.reports().get(name).drill(t.filter(), c.key(), ReportTable.TOTALS));
                } catch (AppException | IllegalArgumentException e) {
                    continue; // a figure without a drill-down of its total
                }
                Set<String> kinds = grid.drill().items().stream().map(i -> i.entity()).collect(Collectors.toSet());
                if (kinds.size() == 1 && !grid.rows().isEmpty()) {
                    byKind.putIfAbsent(kinds.iterator().next(), grid);
                }
            }
        }
        assertThat(byKind.keySet()).contains("deal", "call", "client", "task", "sale");
        for (Map.Entry<String, DrillGrid> e : byKind.entrySet()) {
            String kind = e.getKey();
            DrillGrid grid = e.getValue();
            DrillView view = fx(() -> new DrillView(grid, "", en, new ReportCells(Locale.ENGLISH)));
            TableView<?> table = (TableView<?>) view.lookup("#drillTable");
            List<String> headers = fx(() -> table.getColumns().stream().map(TableColumn::getText).toList());
            List<String> expected = new ArrayList<>();
            for (DrillField f : DrillField.of(kind)) {
                expected.add(en.get("report.drill.col." + f.key()));
            }
            assertThat(headers).as(kind).doesNotContain("Id", "Record");
            if (!expected.isEmpty()) {
                assertThat(headers).as(kind).startsWith(expected.toArray(String[]::new));
            }
            for (String h : headers) {
                assertThat(INTERNAL.matcher(h).find()).as(kind + ": header " + h).isFalse();
            }
            Path file = dir.resolve("drill-" + kind + ".xlsx");
            ctx.exports().export(view.exportTarget(), file, admin, Locale.ENGLISH, Progress.NONE);
            assertThat(xlsxHeaders(file)).as(kind + " export").isEqualTo(headers);
            for (int i = 0; i < grid.rows().size(); i++) {
                long id = grid.drill().items().get(i).id();
                for (int f = 0; f < grid.fields().size(); f++) {
                    if (grid.fields().get(f).kind() != DrillField.Kind.SECONDS) {
                        assertThat(grid.rows().get(i).get(f)).as(kind + " shows no internal id").isNotEqualTo(id);
                    }
                }
            }
        }
        // the deal and call grids name what the database holds (read here by a query of their own)
        DrillGrid deals = byKind.get("deal");
        for (int i = 0; i < deals.rows().size(); i++) {
            long id = deals.drill().items().get(i).id();
            var r = ctx.database().dsl().select(DEAL.TITLE, CLIENT.NAME, APP_USER.FULL_NAME).from(DEAL)
                    .leftJoin(CLIENT).on(CLIENT.ID.eq(DEAL.CLIENT_ID)).leftJoin(APP_USER).on(APP_USER.ID.eq(DEAL.OWNER_ID))
                    .where(DEAL.ID.eq(id)).fetchOne();
            assertThat(deals.rows().get(i).subList(0, 3)).containsExactly(r.value1(), r.value2(), r.value3());
        }
        DrillGrid calls = byKind.get("call");
        for (int i = 0; i < calls.rows().size(); i++) {
            long id = calls.drill().items().get(i).id();
            var r = ctx.database().dsl().select(APP_USER.FULL_NAME, PHONE_CALL.DIRECTION, PHONE_CALL.DURATION_SEC)
                    .from(PHONE_CALL).leftJoin(APP_USER).on(APP_USER.ID.eq(PHONE_CALL.USER_ID))
                    .where(PHONE_CALL.ID.eq(id)).fetchOne();
            List<Object> row = calls.rows().get(i);
            assertThat(row.get(2)).isEqualTo(r.value1());
            assertThat(row.get(3)).isEqualTo(r.value2());
            assertThat(((Number) row.get(5)).intValue()).isEqualTo(r.value3());
        }
    }

    @Test
    void managerRatingRatesActiveManagersAndNobodyElseWithZeros() {
        // the administrator tries the phone once: a call, but no deals of his own
        new org.deskcrm.service.report.ReportData(ctx).call(admin, org.deskcrm.model.call.CallDirection.OUT,
                org.deskcrm.model.call.CallStatus.ANSWERED, NOW.minusSeconds(86_400), 30);
        ReportTable t = ctx.reports().get("manager-rating").run(
                new ReportFilter(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 3, 31), null, null, null, null, null));
        List<User> users = ctx.users().findAll();
        Set<String> activeManagers = users.stream().filter(u -> u.active() && u.role() == Role.MANAGER)
                .map(User::fullName).collect(Collectors.toSet());
        String administrator = ctx.users().findById(admin).orElseThrow().fullName();
        int won = t.index("won_deals");
        int leads = t.index("leads");
        assertThat(t.rows()).isNotEmpty();
        for (var row : t.rows()) {
            Object name = row.values().get(0);
            boolean sells = ((Number) row.values().get(won)).longValue() > 0 || ((Number) row.values().get(leads)).longValue() > 0;
            assertThat(name).as("the administrator without deals is not rated").isNotEqualTo(administrator);
            if (!sells) {
                assertThat(activeManagers).as("a row without deals is an active manager's").contains(String.valueOf(name));
            }
        }
    }

    /** The header row of an exported sheet: the row above the frozen pane. */
    static List<String> xlsxHeaders(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).as(file + " has a frozen header").isNotNull();
            Row row = sheet.getRow(pane.getHorizontalSplitPosition() - 1);
            List<String> out = new ArrayList<>();
            for (Cell c : row) {
                out.add(c.getStringCellValue());
            }
            return out;
        }
    }

    /** The first line of a CSV export (after the byte order mark), unquoted. */
    static List<String> csvHeaders(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String line = text.lines().findFirst().orElse("");
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
