package org.deskcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backup FILE} and {@code restore FILE [--force]} on file databases, as a user runs them. */
class BackupCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void backsUpRestoresIntoAnEmptyDatabaseAndNeedsForceOverWork(@TempDir Path dir) {
        String source = "jdbc:h2:file:" + dir.resolve("source").toAbsolutePath();
        String target = "jdbc:h2:file:" + dir.resolve("target").toAbsolutePath();
        Path file = dir.resolve("crm-backup.zip");
        assertThat(run("demo", "--clients", "20", "--deals", "40", "--calls", "50", "--years", "1", "--locale", "en",
                "--db", source)).as(printed()).isZero();

        assertThat(run("backup", file.toString(), "--db", source)).as(printed()).isZero();
        assertThat(file).exists();
        assertThat(printed()).contains(file.toAbsolutePath().toString());

        assertThat(run("restore", file.toString(), "--db", target)).as(printed()).isZero();
        assertThat(run("info", "--db", target)).isZero();
        assertThat(printed()).containsPattern("client\\D+20\\b").containsPattern("deal\\D+40\\b");

        assertThat(run("restore", file.toString(), "--db", target)).isEqualTo(1);
        assertThat(printed()).contains("--force");
        assertThat(run("restore", file.toString(), "--force", "--db", target)).as(printed()).isZero();

        assertThat(run("backup", "--db", target)).isEqualTo(2); // no file named: usage (never the home folder's database)
        assertThat(run("restore", dir.resolve("missing.zip").toString(), "--db", target)).isEqualTo(1);
    }
}
