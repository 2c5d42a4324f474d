package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportProfile;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code import} command end to end through {@link Cli} on a real H2 file database, with a saved profile. */
class ImportCommandTest {
    @TempDir
    Path dir;
    private Locale locale;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void english() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(locale);
    }

    int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    String url() {
        return "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
    }

    long clients() {
        try (AppContext ctx = AppContext.open(new DatabaseConfig(url(), null, null))) {
            return new ImportLookupRepository(ctx.database()).count("client");
        }
    }

    @Test
    void importsWithASavedProfileDryRunFirstThenForReal() throws Exception {
        try (AppContext ctx = AppContext.open(new DatabaseConfig(url(), null, null))) {
            long admin = ctx.ensureReferenceData(Locale.ENGLISH);
            ctx.imports().profiles().save(new ImportProfile(null, "from 1C", ImportTarget.CLIENTS,
                    ImportSettings.defaults().withColumns(Map.of("name", "Наименование", "phone", "Телефон"))
                            .withDuplicates(DuplicateMode.SKIP), 0), admin);
        }
        Path file = dir.resolve("clients.csv");
        Files.write(file, "Наименование;Телефон\r\nООО «Ромашка»;8 (912) 345-67-89\r\nИП Сидоров;+7 912 000-00-01\r\n"
                .getBytes(Charset.forName("windows-1251")));
        assertThat(run("import", "clients", file.toString(), "--profile", "from 1C", "--db", url(), "--dry-run"))
                .as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Dry run", "2 rows", "2 would be created");
        assertThat(clients()).isZero();

        assertThat(run("import", "clients", file.toString(), "--profile", "from 1C", "--db", url()))
                .as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported clients: 2 rows, 2 created");
        assertThat(clients()).isEqualTo(2);

        assertThat(run("import", "clients", file.toString(), "--profile", "from 1C", "--db", url())).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 created", "2 skipped");
        assertThat(clients()).isEqualTo(2);
    }

    @Test
    void aBadFilePrintsItsCellsWritesTheReportAndChangesNothing() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "name,inn\nGood,\nBad,1234567890\n", StandardCharsets.UTF_8);
        assertThat(run("import", "clients", file.toString(), "--db", url())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("row 3, inn: Bad INN \"1234567890\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 invalid cells", "bad.csv.errors.csv");
        List<String> report = Files.readAllLines(Path.of(file + ".errors.csv"), StandardCharsets.UTF_8);
        assertThat(report).hasSize(2);
        assertThat(report.get(1)).startsWith("3;inn;\"Bad INN");
        assertThat(clients()).isZero();

        assertThat(run("import", "clients", dir.resolve("missing.csv").toString(), "--db", url())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot be read");
        assertThat(run("import", "clients", file.toString(), "--profile", "nope", "--db", url())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no import profile \"nope\"");
        assertThat(run("import", "planets", file.toString(), "--db", url())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("import clients|contacts|deals|deal-history|calls|sales");
    }

    @Test
    void helpListsTheImportCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("import", "--profile NAME", "--dry-run");
    }
}
