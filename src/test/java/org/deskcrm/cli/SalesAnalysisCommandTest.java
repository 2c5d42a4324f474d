package org.deskcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report sales-analysis --by ATTRIBUTE} end to end through {@link Cli} on the demo company. */
class SalesAnalysisCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    @Test
    void groupsByTheChosenAttributeAndRefusesAnUnknownOne() throws Exception {
        // a file database: every command opens and closes it, as in use (see ReportCommandTest)
        String db = "jdbc:h2:file:" + dir.resolve("sales").toAbsolutePath();
        assertThat(run("demo", "--db", db)).isZero();
        LocalDate today = LocalDate.now();
        String from = today.minusMonths(12).toString();
        String to = today.toString();
        Path byManager = dir.resolve("manager.csv");
        Path rating = dir.resolve("rating.csv");
        assertThat(run("report", "sales-analysis", "--db", db, "--from", from, "--to", to, "--by", "manager",
                "--out", byManager.toString())).as(err.toString()).isZero();
        assertThat(run("report", "manager-rating", "--db", db, "--from", from, "--to", to,
                "--out", rating.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(byManager, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFManager,Won deals,Revenue,Lost deals,Win rate");
        String total = lines.stream().filter(l -> l.startsWith("Total,")).findFirst().orElseThrow();
        String ratingTotal = Files.readAllLines(rating, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("Total,")).findFirst().orElseThrow();
        // won deals and revenue: the second and third fields of both totals rows
        assertThat(total.split(",")[1]).isEqualTo(ratingTotal.split(",")[1]);
        assertThat(total.split(",")[2]).isEqualTo(ratingTotal.split(",")[2]);
        assertThat(Long.parseLong(total.split(",")[1])).isPositive();
        assertThat(lines).contains("Summary");

        Path byIndustry = dir.resolve("industry.xlsx");
        assertThat(run("report", "sales-analysis", "--db", db, "--from", from, "--to", to, "--by", "industry",
                "--out", byIndustry.toString())).as(err.toString()).isZero();
        assertThat(Files.size(byIndustry)).isGreaterThan(1000);
        assertThat(run("report", "sales-analysis", "--db", db, "--by", "colour", "--out", dir.resolve("x.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--by", "colour");
    }
}
