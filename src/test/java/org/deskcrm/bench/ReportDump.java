package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.model.report.Grain;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.service.report.Report;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

/**
 * A developer's check (not part of the benchmark): prints the named reports' every cell, totals, summary and
 * the size of a few drill-downs, so that two builds can be compared figure by figure on the same database.
 * Usage: ReportDump jdbcUrl outFile report...
 */
public final class ReportDump {
    private ReportDump() {
    }

    public static void main(String[] args) throws Exception {
        try (AppContext ctx = AppContext.open(new DatabaseConfig(args[0], "sa", ""));
             PrintStream out = new PrintStream(args[1], "UTF-8")) {
            List<String> names = List.of(args).subList(2, args.length);
            LocalDate to = LocalDate.now(ctx.businessZone());
            for (ReportFilter f : List.of(ReportFilter.period(to.minusYears(1).plusDays(1), to),
                    ReportFilter.period(to.minusMonths(2), to.minusMonths(1)).withGrain(Grain.WEEK))) {
                for (Report r : ctx.reports().all()) {
                    if (!names.contains(r.name())) {
                        continue;
                    }
                    ReportTable t = r.run(f);
                    out.println("== " + r.name() + " " + f.from() + ".." + f.to() + " rows " + t.rows().size());
                    for (Row row : t.rows()) {
                        out.println(row.key() + " " + row.values());
                    }
                    out.println("totals " + t.totals().values());
                    out.println("summary " + t.summary());
                    int n = 0;
                    for (Row row : t.rows()) {
                        if (n++ % Math.max(1, t.rows().size() / 4) != 0) {
                            continue;
                        }
                        for (var c : t.columns()) {
                            if (c.summable()) {
                                try {
                                    var d = r.drill(f, c.key(), row.key());
                                    out.println("drill " + row.key() + " " + c.key() + " " + d.items().stream().map(i -> i.id()).toList()
                                            + " " + d.value());
                                } catch (RuntimeException e) {
                                    out.println("drill " + row.key() + " " + c.key() + " " + e.getMessage());
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
