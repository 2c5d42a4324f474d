package org.deskcrm.service.export;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An exported .xlsx opened by LibreOffice headless ({@code soffice --convert-to csv}): the values it reads
 * are the values written — text, numbers, dates, and the totals formula's result. Skipped when
 * {@code soffice} is not on the PATH (.ci/run installs it where it can).
 */
class LibreOfficeExportTest {
    static final int ROWS = 500;
    @TempDir
    Path dir;

    static String soffice() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                if (Files.isExecutable(Path.of(d, name))) {
                    return Path.of(d, name).toString();
                }
            }
        }
        return null;
    }

    @Test
    void libreOfficeReadsTheValuesWritten() throws Exception {
        String soffice = soffice();
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
        Path xlsx = dir.resolve("generated.xlsx");
        try (AppContext ctx = new AppContext(TestDatabases.h2())) {
            long admin = ctx.ensureReferenceData(Locale.ENGLISH);
            ctx.exports().export(GeneratedRows.list(ROWS, Locale.ENGLISH), xlsx, admin, Progress.NONE);
        }
        Process p = new ProcessBuilder(soffice, "-env:UserInstallation=file://" + dir.resolve("lo-profile").toAbsolutePath(),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false",
                "--outdir", dir.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        Path csv = dir.resolve("generated.csv");
        assertThat(csv).as(Files.readString(dir.resolve("soffice.log"))).exists();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int header = XlsxTableWriter.headerRowIndex(1);
        assertThat(lines.get(0)).startsWith("Generated");
        assertThat(lines.get(1)).startsWith("Rows,500");
        assertThat(lines.get(header)).isEqualTo("ID,Name,Owner,Amount,Date,At,Minutes");
        for (int i = 1; i <= ROWS; i += 97) {
            GeneratedRows.Gen g = GeneratedRows.row(i);
            String[] cells = lines.get(header + i).split(",");
            assertThat(Long.parseLong(cells[0])).isEqualTo(g.id());
            assertThat(cells[1]).isEqualTo(g.name());
            assertThat(new BigDecimal(cells[3].replace("\"", ""))).isEqualByComparingTo(g.amount());
            assertThat(cells[4]).isEqualTo(g.date().toString()); // shown as formatted: yyyy-mm-dd
            assertThat(cells[5].substring(0, 16)).isEqualTo(g.at().toString().replace('T', ' ').substring(0, 16));
            assertThat(Integer.parseInt(cells[6])).isEqualTo(g.minutes());
        }
        String[] totals = lines.get(header + ROWS + 1).split(",");
        assertThat(totals[0]).isEqualTo("Total");
        assertThat(new BigDecimal(totals[3])).isEqualByComparingTo(GeneratedRows.amountSum(ROWS));
        long minutes = 0;
        for (int i = 1; i <= ROWS; i++) {
            minutes += GeneratedRows.row(i).minutes();
        }
        assertThat(Long.parseLong(totals[6])).isEqualTo(minutes);
    }
}
