package org.deskcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code demo} on the command line: rows per table and time; refusal without --force, localized. */
class DemoCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    /**
     * A file database, as a user has it: each run opens and closes it (an in-memory H2 kept open across
     * pools would keep constraints bound to the closed sessions of the first run).
     */
    @Test
    void generatesPrintsRowsAndRefusesToRunTwiceUnlessForced(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
        ResourceBundle texts = ResourceBundle.getBundle("org.deskcrm.i18n.cli", Locale.getDefault());

        assertThat(run("demo", "--clients", "25", "--deals", "60", "--calls", "90", "--years", "1",
                "--locale", "en", "--db", db)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).containsPattern("deal\\s+60\\R").containsPattern("client\\s+25\\R")
                .containsPattern("phone_call\\s+90\\R").contains(texts.getString("demo.elapsed").substring(0, 4));

        assertThat(run("demo", "--clients", "25", "--deals", "60", "--calls", "90", "--db", db)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(texts.getString("demo.error.notEmpty"));

        assertThat(run("demo", "--clients", "5", "--deals", "10", "--calls", "10", "--force", "--db", db))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("deal\\s+10\\R");
    }

    @Test
    void rejectsAnUnknownSize() {
        assertThat(run("demo", "--size", "huge", "--db", "jdbc:h2:mem:demo_cli2;DB_CLOSE_DELAY=-1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("huge");
    }
}
