package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.GOAL;

/**
 * Every report on the demo data (SMALL, seed 7), as the administrator, as a manager and as a supervisor:
 * visibility narrows rows and never changes a row's figures, plan vs fact counts each goal once, every
 * ratio of a subset stays within 0–100 %. Runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoReportsContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    /** Reports whose rows each belong to one record (a person, a goal, a client): a row's figures are that record's. */
    static final Set<String> RECORD_ROWS = Set.of(PlanFactReport.NAME, ManagerRatingReport.NAME, "lost-by-manager",
            ActivityPlanReport.NAME, ManagerLoadReport.NAME, CallsReport.NAME);
    /** Columns that are a row's part of the table's whole: of the rows the viewer sees, not of everyone's. */
    static final Set<String> SHARES_OF_SHOWN = Set.of("share");
    /** Ratio columns that are not a part over its whole: done against a plan, return on cost, variation. */
    static final Set<String> NOT_SHARES = Set.of("done", "roi", "cv");

    AppContext ctx;
    ReportCatalog admin;
    User manager;
    long team;
    ReportFilter quarter = ReportFilter.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));

    abstract Database openDatabase();

    @BeforeAll
    void generate() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.demoData().generate(DemoSize.SMALL, Locale.ENGLISH, 7, Progress.NONE);
        admin = catalog(AccessScope::all);
        manager = ctx.users().findAll().stream().filter(u -> u.role() == Role.MANAGER && u.teamId() != null)
                .min(Comparator.comparing(User::id)).orElseThrow();
        team = manager.teamId();
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    ReportCatalog catalog(Supplier<AccessScope> scope) {
        return new ReportCatalog(new ReportSupport(ctx.database(), ctx.settings(), ctx.clock()).restrictedTo(scope));
    }

    List<ReportFilter> filters() {
        return List.of(quarter, ReportFilter.period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)),
                ReportFilter.period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void aManagersRowsCarryTheAdministratorsFigures() {
        sameRowsAsTheAdministrator(catalog(() -> AccessScope.owner(manager.id(), team)), manager.id(), null);
    }

    @Test
    void aSupervisorsRowsCarryTheAdministratorsFigures() {
        sameRowsAsTheAdministrator(catalog(() -> AccessScope.team(team)), null, team);
    }

    /**
     * For every report and filter: the scoped table equals the administrator's with the same people chosen in
     * the filter (plan vs fact: its rows are a part of those), and each row of a record-row report carries
     * exactly the administrator's unfiltered figures for that row.
     */
    private void sameRowsAsTheAdministrator(ReportCatalog scoped, Long managerId, Long teamId) {
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (ReportFilter f : filters()) {
            for (Report r : scoped.all()) {
                ReportTable mine = r.run(f);
                ReportTable chosen = admin.get(r.name()).run(managerId != null ? f.withManager(managerId) : f.withTeam(teamId));
                if (r.name().equals(PlanFactReport.NAME)) {
                    for (Row row : mine.rows()) {
                        soft.assertThat(chosen.hasRow(row.key())).as("%s row %s", r.name(), row.key()).isTrue();
                    }
                } else {
                    soft.assertThat(mine.rows()).as("%s %s", r.name(), f).isEqualTo(chosen.rows());
                    soft.assertThat(mine.totals()).as("%s %s totals", r.name(), f).isEqualTo(chosen.totals());
                    soft.assertThat(mine.summary()).as("%s %s summary", r.name(), f).isEqualTo(chosen.summary());
                }
                if (RECORD_ROWS.contains(r.name())) {
                    ReportTable all = admin.get(r.name()).run(f);
                    for (Row row : mine.rows()) {
                        soft.assertThat(all.hasRow(row.key())).as("%s row %s", r.name(), row.key()).isTrue();
                        if (!all.hasRow(row.key())) {
                            continue;
                        }
                        for (Column c : mine.columns()) {
                            if (c.type() != ColumnType.TEXT && !SHARES_OF_SHOWN.contains(c.key())) {
                                soft.assertThat(mine.value(row.key(), c.key())).as("%s row %s %s", r.name(), row.key(), c.key())
                                        .isEqualTo(all.value(row.key(), c.key()));
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        soft.assertAll();
        assertThat(compared).as("figures compared").isGreaterThan(100);
    }

    @Test
    void aManagerSeesOnlyOwnPlanRowsWithOwnFacts() {
        ReportTable all = admin.get(PlanFactReport.NAME).run(quarter);
        ReportTable mine = catalog(() -> AccessScope.owner(manager.id(), team)).get(PlanFactReport.NAME).run(quarter);
        String name = manager.fullName();
        assertThat(mine.rows()).isNotEmpty();
        assertThat(mine.rows()).allSatisfy(r -> {
            assertThat(r.values().get(0)).isEqualTo(name);
            assertThat(r.values().get(1)).isEqualTo("manager");
        });
        long own = all.rows().stream().filter(r -> name.equals(r.values().get(0))).count();
        assertThat(mine.rows()).hasSize((int) own);
        // the administrator sees other managers' facts differ from this one's: the bug copied one into all
        Set<Object> facts = new java.util.HashSet<>();
        all.rows().stream().filter(r -> "calls".equals(r.values().get(2))).forEach(r -> facts.add(r.values().get(6)));
        assertThat(facts).hasSizeGreaterThan(1);
    }

    @Test
    void aManagersClientAnalysisCountsOwnClientsOnly() {
        ReportTable mine = catalog(() -> AccessScope.owner(manager.id(), team)).get(ClientAnalysisReport.NAME).run(quarter);
        long statuses = mine.summary().entrySet().stream().filter(e -> e.getKey().startsWith("lifecycle."))
                .mapToLong(e -> (Long) e.getValue()).sum();
        int own = ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.CLIENT,
                org.deskcrm.persistence.jooq.Tables.CLIENT.OWNER_ID.eq(manager.id())
                        .and(org.deskcrm.persistence.jooq.Tables.CLIENT.ARCHIVED.isFalse()));
        assertThat(own).isPositive();
        assertThat(statuses).isEqualTo(own);
    }

    /** The administrator's status counts (every client by status, less the archived ones) equal a count of the active clients. */
    @Test
    void clientAnalysisCountsTheActiveClientsByStatus() {
        var c = org.deskcrm.persistence.jooq.Tables.CLIENT;
        var dsl = ctx.database().dsl();
        List<Long> archived = dsl.select(c.ID).from(c).where(c.ARCHIVED.isFalse()).orderBy(c.ID).limit(5).fetch(c.ID);
        dsl.update(c).set(c.ARCHIVED, true).where(c.ID.in(archived)).execute();
        try {
            Map<String, Long> expected = new java.util.TreeMap<>();
            dsl.select(c.LIFECYCLE_CODE, org.jooq.impl.DSL.count()).from(c).where(c.ARCHIVED.isFalse())
                    .groupBy(c.LIFECYCLE_CODE).forEach(r -> expected.put("lifecycle." + r.value1(), (long) r.value2()));
            Map<String, Object> shown = new java.util.TreeMap<>();
            admin.get(ClientAnalysisReport.NAME).run(quarter).summary().forEach((k, v) -> {
                if (k.startsWith("lifecycle.")) {
                    shown.put(k, v);
                }
            });
            assertThat(expected).isNotEmpty();
            assertThat(shown).isEqualTo(expected);
        } finally {
            dsl.update(c).set(c.ARCHIVED, false).where(c.ID.in(archived)).execute();
        }
    }

    @Test
    void planVsFactCountsEachGoalOnce() {
        ReportTable t = admin.get(PlanFactReport.NAME).run(quarter);
        // independently: the goals starting in the quarter, summed from the table by owner kind
        BigDecimal managers = BigDecimal.ZERO;
        BigDecimal teams = BigDecimal.ZERO;
        for (var g : ctx.database().dsl().selectFrom(GOAL).where(GOAL.METRIC_CODE.eq("revenue"))
                .and(GOAL.PERIOD_START.between(quarter.from(), quarter.to())).fetch()) {
            if (g.getUserId() != null) {
                managers = managers.add(g.getTarget());
            } else {
                teams = teams.add(g.getTarget());
            }
        }
        assertThat(teams.signum()).as("the demo has team goals").isPositive();
        assertThat((BigDecimal) t.summary().get("revenue_target")).isEqualByComparingTo(managers);
        assertThat((BigDecimal) t.summary().get("revenue_team_target")).isEqualByComparingTo(teams);
        BigDecimal managerFacts = BigDecimal.ZERO;
        for (Row r : t.rows()) {
            if ("revenue".equals(r.values().get(2)) && "manager".equals(r.values().get(1))) {
                managerFacts = managerFacts.add((BigDecimal) r.values().get(6));
            }
        }
        assertThat((BigDecimal) t.summary().get("revenue_fact")).isEqualByComparingTo(managerFacts);
    }

    @Test
    void everyShareStaysWithinZeroAndOneHundredPercent() {
        List<String> out = new ArrayList<>();
        for (ReportCatalog c : List.of(admin, catalog(() -> AccessScope.owner(manager.id(), team)))) {
            for (ReportFilter f : filters()) {
                for (Report r : c.all()) {
                    out.addAll(sharesOutOfRange(r.run(f)));
                }
            }
        }
        assertThat(out).isEmpty();
    }

    /** Cells of share columns (and share summaries) outside [0, 1], as "report row column value". */
    static List<String> sharesOutOfRange(ReportTable t) {
        List<String> out = new ArrayList<>();
        List<Row> rows = new ArrayList<>(t.rows());
        rows.add(t.totals());
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            if (c.type() != ColumnType.RATIO || NOT_SHARES.stream().anyMatch(c.key()::endsWith)) {
                continue;
            }
            for (Row r : rows) {
                Object v = r.values().get(i);
                if (v != null && (((BigDecimal) v).signum() < 0 || ((BigDecimal) v).compareTo(BigDecimal.ONE) > 0)) {
                    out.add(t.report() + " " + r.key() + " " + c.key() + " " + v);
                }
            }
        }
        Object winRate = t.summary().get("win_rate");
        if (winRate instanceof BigDecimal b && (b.signum() < 0 || b.compareTo(BigDecimal.ONE) > 0)) {
            out.add(t.report() + " win_rate " + b);
        }
        return out;
    }

    /**
     * Every report's headers, rows, totals, summary labels and filters as written to CSV and .xlsx (the
     * summary labels are the window's too), in English and Russian: no message key and no unfilled {n}.
     */
    @Test
    void noMessageKeyReachesAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Pattern key = Pattern.compile("(?<![\\w.@/])[a-z][a-z_]*\\.[a-zA-Z_]+(?![\\w])|\\{\\d");
        List<String> found = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            ReportTexts texts = new ReportTexts(locale);
            ReportExport export = new ReportExport(texts, new org.deskcrm.persistence.report.ReportLookups(ctx.database()));
            for (Report r : admin.all()) {
                ReportTable t = r.run(quarter);
                List<String> shown = new ArrayList<>();
                t.summary().keySet().forEach(k -> shown.add(texts.summary(k)));
                java.nio.file.Path csv = dir.resolve(r.name() + "-" + locale + ".csv");
                export.write(t, csv);
                shown.addAll(java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8));
                java.nio.file.Path xlsx = dir.resolve(r.name() + "-" + locale + ".xlsx");
                export.write(t, xlsx);
                try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(xlsx))) {
                    for (var row : wb.getSheetAt(0)) {
                        for (var cell : row) {
                            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                                shown.add(cell.getStringCellValue());
                            }
                        }
                    }
                }
                for (String text : shown) {
                    if (key.matcher(text).find()) {
                        found.add(locale + " " + r.name() + ": " + text);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theRatingListsPeopleWhoSellOrHaveData() {
        ReportTable t = admin.get(ManagerRatingReport.NAME).run(quarter);
        Map<Long, String> roles = ctx.database().dsl().select(APP_USER.ID, APP_USER.ROLE_CODE).from(APP_USER)
                .fetchMap(APP_USER.ID, APP_USER.ROLE_CODE);
        for (Row r : t.rows()) {
            if (r.key().equals(org.deskcrm.model.report.Pick.NONE_KEY)) {
                continue;
            }
            long id = Long.parseLong(r.key());
            boolean hasData = !Objects.equals(t.value(r.key(), "won_deals"), 0L) || !Objects.equals(t.value(r.key(), "leads"), 0L)
                    || !Objects.equals(t.value(r.key(), "calls"), 0L);
            assertThat("manager".equals(roles.get(id)) || hasData).as("row %s", r.key()).isTrue();
        }
    }

    /**
     * Every row of every report (each filter, as written to CSV and to .xlsx, in English and Russian) has a
     * label in its first column: a name, "(none)" for records without one, "Total" for the totals row.
     */
    @Test
    void everyExportedRowHasALabel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        List<String> unlabelled = new ArrayList<>();
        int checked = 0;
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            ReportTexts texts = new ReportTexts(locale);
            ReportExport export = new ReportExport(texts, new org.deskcrm.persistence.report.ReportLookups(ctx.database()));
            for (ReportFilter f : filters()) {
                for (Report r : admin.all()) {
                    ReportTable t = r.run(f);
                    String where = locale + " " + r.name() + " " + f.from() + ": ";
                    java.nio.file.Path csv = dir.resolve("labels.csv");
                    export.write(t, csv);
                    List<String> lines = java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8);
                    // header, one line per row, the totals line; the summary (if any) follows
                    for (int i = 1; i <= t.rows().size() + 1; i++) {
                        String line = lines.get(i);
                        checked++;
                        if (line.isEmpty() || line.startsWith(",")) {
                            unlabelled.add(where + "csv line " + (i + 1) + " " + line);
                        }
                    }
                    java.nio.file.Path xlsx = dir.resolve("labels.xlsx");
                    export.write(t, xlsx);
                    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(xlsx))) {
                        var sheet = wb.getSheetAt(0);
                        int header = -1;
                        for (var row : sheet) {
                            var first = row.getCell(0);
                            if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                                    && first.getStringCellValue().equals(texts.column(t.columns().get(0).key()))) {
                                header = row.getRowNum();
                                break;
                            }
                        }
                        assertThat(header).as(where + "xlsx header").isGreaterThanOrEqualTo(0);
                        for (int i = header + 1; i <= header + t.rows().size() + 1; i++) {
                            var row = sheet.getRow(i);
                            var first = row == null ? null : row.getCell(0);
                            checked++;
                            String text = first == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(first);
                            if (text.isBlank()) {
                                unlabelled.add(where + "xlsx row " + (i + 1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(unlabelled).isEmpty();
    }
}
