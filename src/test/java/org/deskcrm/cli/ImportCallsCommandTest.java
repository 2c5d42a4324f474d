package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import-calls} end to end through {@link Cli} on a real H2 file database, run twice. */
class ImportCallsCommandTest {
    @TempDir
    Path dir;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        } finally {
            Locale.setDefault(saved);
        }
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String db() {
        return "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
    }

    int calls() {
        try (AppContext ctx = AppContext.open(new DatabaseConfig(db(), null, null))) {
            return ctx.callService().count(CallFilter.ALL);
        }
    }

    @Test
    void asteriskFileTwiceAddsNothingTheSecondTime() throws Exception {
        Path file = dir.resolve("Master.csv");
        try (InputStream in = getClass().getResourceAsStream("/calls/asterisk-master.csv")) {
            Files.write(file, in.readAllBytes());
        }
        assertThat(run("import-calls", file.toString(), "--db", db())).as(err.toString()).isZero();
        Matcher first = counts(out());
        int added = Integer.parseInt(first.group(2).replace(",", ""));
        assertThat(added).isPositive();
        assertThat(first.group(3)).isEqualTo("0");
        assertThat(calls()).isEqualTo(added);

        assertThat(run("import-calls", file.toString(), "--db", db(), "--format", "asterisk")).isZero();
        Matcher second = counts(out());
        assertThat(second.group(2)).isEqualTo("0");
        assertThat(second.group(3).replace(",", "")).isEqualTo(String.valueOf(added));
        assertThat(calls()).isEqualTo(added);
    }

    /** read N; added N, skipped ... N; ... unknown numbers N */
    private static Matcher counts(String text) {
        Matcher m = Pattern.compile("read ([\\d,]+); added ([\\d,]+), skipped as already imported ([\\d,]+); "
                + "matched to clients [\\d,]+, unknown numbers ([\\d,]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m;
    }

    @Test
    void mappedWindows1251FileWithAMappingAndADefaultDirection() throws Exception {
        Path file = dir.resolve("calls.csv");
        String csv = "Дата;Телефон;Итог;Длительность\n"
                + "2026-03-02 10:00:00;+7 916 100-00-01;ANSWERED;60\n"
                + "2026-03-02 11:00:00;+7 916 100-00-02;NO ANSWER;0\n";
        Files.write(file, csv.getBytes(Charset.forName("windows-1251")));
        String mapping = "start=Дата,number=Телефон,status=Итог,duration=Длительность";
        assertThat(run("import-calls", file.toString(), "--db", db(), "--format", "mapped", "--mapping", mapping,
                "--direction", "in", "--encoding", "windows-1251")).as(err.toString()).isZero();
        assertThat(counts(out()).group(2)).isEqualTo("2");
        assertThat(counts(out()).group(4)).isEqualTo("2");

        Path profile = dir.resolve("pbx.properties");
        Files.writeString(profile, "start=Дата\nnumber=Телефон\nstatus=Итог\nduration=Длительность\n"
                + "direction.default=in\n", StandardCharsets.UTF_8);
        assertThat(run("import-calls", file.toString(), "--db", db(), "--format", "mapped", "--mapping",
                profile.toString())).as(err.toString()).isZero();
        assertThat(counts(out()).group(2)).isEqualTo("0");
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void badLinesAreListedAndNothingIsSaved() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "Start,Number\nyesterday,+79161000001\n2026-03-02 10:00:00,+79161000002\n");
        assertThat(run("import-calls", file.toString(), "--db", db(), "--format", "mapped",
                "--mapping", "start=Start,number=Number", "--direction", "out")).isEqualTo(1);
        assertThat(out()).contains("Line 2: “yesterday” is not a date and time.");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 lines cannot be imported (first at line 2)");
        assertThat(calls()).isZero();
        assertThat(run("import-calls", file.toString(), "--db", db(), "--format", "mapped")).isEqualTo(2);
        assertThat(run("import-calls", file.toString(), "--db", db(), "--format", "pdf")).isEqualTo(2);
    }

    @Test
    void helpListsTheCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("import-calls", "--format asterisk|mapped", "--encoding");
    }

    /** 10 000 Asterisk rows through the command, twice; prints the measured rows per second. */
    @Test
    void tenThousandRows() throws Exception {
        Path file = dir.resolve("big.csv");
        Files.writeString(file, asterisk(10_000), StandardCharsets.UTF_8);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        assertThat(run("import-calls", file.toString(), "--db", db())).as(err.toString()).isZero();
        System.out.printf("import-calls 10k, first run (CPU of the importing thread %.1f s, incl. opening the DB): %s%n",
                (threads.getCurrentThreadCpuTime() - cpu) / 1e9, out().strip());
        assertThat(counts(out()).group(2)).isEqualTo("10,000");
        assertThat(run("import-calls", file.toString(), "--db", db())).isZero();
        System.out.println("import-calls 10k, second run: " + out().strip());
        assertThat(counts(out()).group(2)).isEqualTo("0");
        assertThat(calls()).isEqualTo(10_000);
    }

    /** Asterisk Master.csv rows: 1 499 outside numbers calling extensions 101-110, every fifth missed. */
    static String asterisk(int rows) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime t = LocalDateTime.of(2026, 1, 5, 9, 0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            String ext = String.valueOf(101 + i % 10);
            String outside = "8916" + String.format("%07d", 1_000_000 + i % 1499);
            boolean incoming = i % 3 != 0;
            boolean missed = i % 5 == 0;
            String src = incoming ? outside : ext;
            String dst = incoming ? ext : outside;
            LocalDateTime start = t.plusMinutes(7L * i);
            int billsec = missed ? 0 : 30 + i % 300;
            sb.append(String.format("\"\",\"%s\",\"%s\",\"from-trunk\",\"\"\"%s\"\" <%s>\",\"SIP/a-%d\",\"SIP/b-%d\","
                            + "\"Dial\",\"SIP/%s,30\",\"%s\",\"%s\",\"%s\",%d,%d,\"%s\",\"DOCUMENTATION\",\"17000%05d.%d\",\"\"%n",
                    src, dst, src, src, i, i, dst, f.format(start), missed ? "" : f.format(start.plusSeconds(5)),
                    f.format(start.plusSeconds(5 + billsec)), billsec + 5, billsec, missed ? "NO ANSWER" : "ANSWERED",
                    i, i));
        }
        return sb.toString();
    }
}
