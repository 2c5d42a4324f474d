package org.deskcrm.service.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/** A list of generated rows (never held in memory) for the streaming test and the benchmark. */
final class GeneratedRows {
    record Gen(long id, String name, String owner, BigDecimal amount, LocalDate date, LocalDateTime at, int minutes) {
    }

    static final LocalDate START = LocalDate.of(2024, 1, 1);

    private GeneratedRows() {
    }

    static Gen row(long i) {
        return new Gen(i, "Client " + i + " LLC", "Manager " + (i % 37), BigDecimal.valueOf(i % 100_000, 2),
                START.plusDays(i % 900), START.atStartOfDay().plusMinutes(i * 7 % 1_000_000), (int) (i % 120));
    }

    static List<ExportColumn<Gen>> columns() {
        return List.of(
                ExportColumn.of("ID", ColumnKind.INTEGER, Gen::id),
                ExportColumn.text("Name", Gen::name),
                ExportColumn.text("Owner", Gen::owner),
                ExportColumn.summed("Amount", ColumnKind.MONEY, Gen::amount),
                ExportColumn.of("Date", ColumnKind.DATE, Gen::date),
                ExportColumn.of("At", ColumnKind.DATETIME, Gen::at),
                ExportColumn.summed("Minutes", ColumnKind.INTEGER, Gen::minutes));
    }

    static ListExport<Gen> list(long rows, Locale locale) {
        return new ListExport<>("client", "Generated", List.<String[]>of(new String[] {"Rows", Long.toString(rows)}),
                columns(), sink -> {
                    for (long i = 1; i <= rows; i++) {
                        sink.accept(row(i));
                    }
                }, rows, locale);
    }

    /** The sum of the generated amounts 1..rows, exactly. */
    static BigDecimal amountSum(long rows) {
        BigDecimal s = BigDecimal.ZERO;
        for (long i = 1; i <= rows; i++) {
            s = s.add(BigDecimal.valueOf(i % 100_000, 2));
        }
        return s;
    }
}
