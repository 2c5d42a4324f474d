package org.deskcrm.bench;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The floor of a list export: the deal list's own query (the same select list, joins and order as the
 * app's cursor) read with plain JDBC (streamed with a fetch size) and written by a bare SXSSF workbook
 * (POI's defaults: window 100, inline strings, uncompressed temporary file) into the same sheet the app
 * writes: title, bold header with a border, the same 11 columns with the same cell types and number
 * formats (id and score as whole numbers, money, date, date-time in the business zone, pipeline, stage and
 * band as names), the totals row with a cached SUM, frozen header, autofilter and column widths (the
 * sheet's XML is byte for byte the app's on the medium set). Only the app's code is missing, so the ratio
 * measures what the app adds. The app's export of the same list is plugged in through
 * {@link BenchHooks.ListExport}; target: the app ≥ 0.8× the floor's rows/s. Floor and app alternate over
 * {@value #ROUNDS} rounds (after one warm-up each) and the best round of each counts, so that a burst of load
 * on the shared machine does not decide the ratio. The same hook's .csv export is timed for comparison.
 */
final class ExportBenchmark implements Benchmark {
    static final double TARGET_SHARE = 0.8;
    static final int ROUNDS = 3;

    /** The app's deal-list query (DealQueryRepository.select with no filter) as plain SQL. */
    static final String DEAL_LIST_SQL = "select deal.id, deal.title, deal.client_id, client.name, deal.owner_id,"
            + " app_user.full_name, deal.pipeline_id, deal.stage_id, deal.amount, deal.expected_close, deal.score,"
            + " deal.score_band, deal.created_at, deal.version from deal"
            + " join client on client.id = deal.client_id join app_user on app_user.id = deal.owner_id"
            + " order by deal.stage_changed_at desc, deal.id desc";

    @Override
    public String name() {
        return "export";
    }

    @Override
    public void run(BenchEnv env, Results results) throws Exception {
        Path raw = env.work().resolve("deals-raw.xlsx");
        Path app = env.work().resolve("deals-app.xlsx");
        boolean withApp = env.hooks().export().isPresent();
        rawSxssf(env, raw); // warm-up
        if (withApp) {
            env.hooks().export().get().exportDeals(env.ctx(), app);
        }
        double rawRate = 0;
        double appRate = 0;
        long rows = 0;
        long appRows = 0;
        for (int round = 0; round < (withApp ? ROUNDS : 1); round++) {
            long t0 = System.nanoTime();
            rows = rawSxssf(env, raw);
            rawRate = Math.max(rawRate, rows / ((System.nanoTime() - t0) / 1e9));
            if (withApp) {
                long t1 = System.nanoTime();
                appRows = env.hooks().export().get().exportDeals(env.ctx(), app);
                appRate = Math.max(appRate, appRows / ((System.nanoTime() - t1) / 1e9));
            }
        }
        results.add("export", "raw SXSSF floor (deal list)", String.format("%,.0f rows/s", rawRate), null, null,
                String.format("%,d rows, %,d KB, same sheet as the app's", rows, Files.size(raw) / 1024));
        if (!withApp) {
            results.notMeasured("export", "app export (deal list)", "≥ 0.8× floor",
                    "export feature not on this branch: plug it into BenchHooks.defaults()");
            return;
        }
        results.add("export", "app export (deal list)", String.format("%,.0f rows/s (%.2f× floor)", appRate,
                appRate / rawRate), "≥ 0.8× floor", appRate >= TARGET_SHARE * rawRate,
                String.format("%,d rows, %,d KB, best of %d alternating rounds", appRows, Files.size(app) / 1024, ROUNDS));
        // the same list through the same hook as .csv (the extension picks the format): no target, for comparison
        Path csv = env.work().resolve("deals-app.csv");
        env.hooks().export().get().exportDeals(env.ctx(), csv);
        double csvRate = 0;
        long csvRows = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t = System.nanoTime();
            csvRows = env.hooks().export().get().exportDeals(env.ctx(), csv);
            csvRate = Math.max(csvRate, csvRows / ((System.nanoTime() - t) / 1e9));
        }
        results.add("export", "app export .csv (deal list)", String.format("%,.0f rows/s (%.2f× .xlsx floor)", csvRate,
                csvRate / rawRate), null, null, String.format("%,d rows, %,d KB, best of %d rounds", csvRows,
                Files.size(csv) / 1024, ROUNDS));
    }

    private static long rawSxssf(BenchEnv env, Path file) throws Exception {
        ResourceBundle texts = ResourceBundle.getBundle("org.deskcrm.i18n.ui.export", Locale.ENGLISH);
        ZoneId zone = env.ctx().businessZone();
        long rows = 0;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
             Connection c = env.ctx().database().dataSource().getConnection()) {
            Map<Long, String> pipelines = names(c, "select id, name from pipeline");
            Map<Long, String> stages = names(c, "select id, name from stage");
            Map<String, String> bands = Map.of("hot", texts.getString("export.enum.ScoreBand.HOT"),
                    "warm", texts.getString("export.enum.ScoreBand.WARM"), "cold", texts.getString("export.enum.ScoreBand.COLD"));
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            SXSSFSheet sheet = wb.createSheet(texts.getString("export.title.deal"));
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            CellStyle bold = wb.createCellStyle();
            bold.setFont(boldFont);
            CellStyle header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setBorderBottom(BorderStyle.THIN);
            DataFormat df = wb.createDataFormat();
            // the app's styles in the app's order (a plain and a totals style per format), so the sheets match
            CellStyle integer = style(wb, df, "#,##0");
            total(style(wb, df, "#,##0"), boldFont);
            CellStyle money = style(wb, df, "#,##0.00");
            CellStyle moneyTotal = total(style(wb, df, "#,##0.00"), boldFont);
            CellStyle date = style(wb, df, "yyyy-mm-dd");
            total(style(wb, df, "yyyy-mm-dd"), boldFont);
            CellStyle dateTime = style(wb, df, "yyyy-mm-dd hh:mm");
            total(style(wb, df, "yyyy-mm-dd hh:mm"), boldFont);

            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(texts.getString("export.title.deal"));
            title.setCellStyle(bold);
            String[] keys = {"id", "title", "client", "owner", "pipeline", "stage", "amount", "expectedClose", "score",
                    "band", "created"};
            Row h = sheet.createRow(2);
            for (int i = 0; i < keys.length; i++) {
                Cell cell = h.createCell(i);
                cell.setCellValue(texts.getString("export.col." + keys[i]));
                cell.setCellStyle(header);
            }
            int next = 3;
            BigDecimal sum = BigDecimal.ZERO;
            try (PreparedStatement ps = c.prepareStatement(DEAL_LIST_SQL)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row r = sheet.createRow(next++);
                        rows++;
                        number(r, 0, rs.getLong(1), integer);
                        r.createCell(1).setCellValue(rs.getString(2));
                        r.createCell(2).setCellValue(rs.getString(4));
                        r.createCell(3).setCellValue(rs.getString(6));
                        r.createCell(4).setCellValue(pipelines.get(rs.getLong(7)));
                        r.createCell(5).setCellValue(stages.get(rs.getLong(8)));
                        BigDecimal amount = rs.getBigDecimal(9);
                        sum = sum.add(amount);
                        number(r, 6, amount.doubleValue(), money);
                        java.sql.Date ec = rs.getDate(10);
                        if (ec != null) {
                            Cell e = r.createCell(7);
                            e.setCellValue(ec.toLocalDate());
                            e.setCellStyle(date);
                        }
                        number(r, 8, rs.getInt(11), integer);
                        r.createCell(9).setCellValue(bands.get(rs.getString(12)));
                        Cell cr = r.createCell(10);
                        cr.setCellValue(LocalDateTime.ofInstant(rs.getObject(13, OffsetDateTime.class).toInstant(), zone));
                        cr.setCellStyle(dateTime);
                    }
                }
            }
            c.rollback();
            Row totals = sheet.createRow(next);
            Cell label = totals.createCell(0);
            label.setCellValue("Total");
            label.setCellStyle(bold);
            Cell total = totals.createCell(6);
            total.setCellFormula("SUM(G4:G" + next + ")");
            total.setCellValue(sum.doubleValue());
            total.setCellStyle(moneyTotal);
            sheet.createFreezePane(0, 3);
            sheet.setAutoFilter(new CellRangeAddress(2, next - 1, 0, keys.length - 1));
            int[] widths = {9, 60, 34, 34, 17, 23, 17, 19, 10, 9, 19}; // what the app derives from the medium set
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
        return rows;
    }

    private static void number(Row r, int column, double value, CellStyle style) {
        Cell cell = r.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static CellStyle style(SXSSFWorkbook wb, DataFormat df, String format) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(df.getFormat(format));
        return s;
    }

    private static CellStyle total(CellStyle s, Font bold) {
        s.setFont(bold);
        s.setBorderTop(BorderStyle.THIN);
        return s;
    }

    private static Map<Long, String> names(Connection c, String sql) throws Exception {
        Map<Long, String> m = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                m.put(rs.getLong(1), rs.getString(2));
            }
        }
        return m;
    }
}
