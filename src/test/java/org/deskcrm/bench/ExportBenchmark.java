package org.deskcrm.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The floor of a list export: every deal read with plain JDBC (streamed) and written by a bare SXSSF
 * workbook with typed cells (numbers, dates). The app's own export of the same list is plugged in through
 * {@link BenchHooks.ListExport}; target: the app ≥ 0.8× the floor's rows/s.
 */
final class ExportBenchmark implements Benchmark {
    static final double TARGET_SHARE = 0.8;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public void run(BenchEnv env, Results results) throws Exception {
        Path raw = env.work().resolve("deals-raw.xlsx");
        rawSxssf(env, raw); // warm-up
        long t0 = System.nanoTime();
        long rows = rawSxssf(env, raw);
        double rawRate = rows / ((System.nanoTime() - t0) / 1e9);
        results.add("export", "raw SXSSF floor (deal list)", String.format("%,.0f rows/s", rawRate), null, null,
                String.format("%,d rows, %,d KB", rows, Files.size(raw) / 1024));
        if (env.hooks().export().isEmpty()) {
            results.notMeasured("export", "app export (deal list)", "≥ 0.8× floor",
                    "export feature not on this branch: plug it into BenchHooks.defaults()");
            return;
        }
        Path app = env.work().resolve("deals-app.xlsx");
        env.hooks().export().get().exportDeals(env.ctx(), app);
        long t1 = System.nanoTime();
        long appRows = env.hooks().export().get().exportDeals(env.ctx(), app);
        double appRate = appRows / ((System.nanoTime() - t1) / 1e9);
        results.add("export", "app export (deal list)", String.format("%,.0f rows/s (%.2f× floor)", appRate,
                appRate / rawRate), "≥ 0.8× floor", appRate >= TARGET_SHARE * rawRate,
                String.format("%,d rows, %,d KB", appRows, Files.size(app) / 1024));
    }

    private static long rawSxssf(BenchEnv env, Path file) throws Exception {
        long rows = 0;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
             Connection c = env.ctx().database().dataSource().getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            Sheet sheet = wb.createSheet("deals");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            Row header = sheet.createRow(0);
            String[] names = {"id", "title", "client", "stage", "amount", "created", "expected close"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            try (PreparedStatement ps = c.prepareStatement("select d.id, d.title, cl.name, s.name, d.amount,"
                    + " d.created_at, d.expected_close from deal d join client cl on cl.id = d.client_id"
                    + " join stage s on s.id = d.stage_id order by d.id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row r = sheet.createRow((int) ++rows);
                        r.createCell(0).setCellValue(rs.getLong(1));
                        r.createCell(1).setCellValue(rs.getString(2));
                        r.createCell(2).setCellValue(rs.getString(3));
                        r.createCell(3).setCellValue(rs.getString(4));
                        Cell a = r.createCell(4);
                        a.setCellValue(rs.getBigDecimal(5).doubleValue());
                        a.setCellStyle(money);
                        Cell cr = r.createCell(5);
                        cr.setCellValue(rs.getObject(6, java.time.OffsetDateTime.class).toLocalDateTime());
                        cr.setCellStyle(date);
                        java.sql.Date ec = rs.getDate(7);
                        if (ec != null) {
                            Cell e = r.createCell(6);
                            e.setCellValue(ec.toLocalDate());
                            e.setCellStyle(date);
                        }
                    }
                }
            }
            c.rollback();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return rows;
    }
}
