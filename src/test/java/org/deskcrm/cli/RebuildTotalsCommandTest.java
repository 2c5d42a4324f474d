package org.deskcrm.cli;

import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rebuild-totals}: the demo load leaves deal, call and activity totals that agree with its records; a
 * tampered row of each is found, counted as repaired and put right; the steps are printed.
 */
class RebuildTotalsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    @Test
    void repairsATamperedRowAndSaysSo(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
        ResourceBundle texts = ResourceBundle.getBundle("org.deskcrm.i18n.cli", Locale.getDefault());
        assertThat(run("demo", "--clients", "20", "--deals", "80", "--calls", "10", "--years", "1",
                "--locale", "en", "--db", url)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String won = "select count(*) from deal d join stage s on s.id = d.stage_id where s.kind_code = 'won' and d.closed_at is not null";
        try (Database db = Database.open(new DatabaseConfig(url, "sa", ""))) {
            var dsl = db.dsl();
            assertThat(sum(db, "created", true)).isEqualTo(80L);
            assertThat(sum(db, "created", false)).isEqualTo(80L);
            assertThat(rolledUp(db, "created")).isEqualTo(80L);
            assertThat(sum(db, "won", true)).isEqualTo(((Number) dsl.fetchValue(won)).longValue());
            dsl.execute("insert into deal_total (kind, day_no, owner_id, pipeline_id, source_id, score_band, lost_reason_id,"
                    + " stage_id, deal_count, amount) select 'created', 20000101, owner_id, pipeline_id, 0, 'cold', 0, 0, 3, 100"
                    + " from deal where id = (select min(id) from deal)");
            assertThat(sum(db, "created", true)).isEqualTo(83L);
            assertThat(calls(db, true)).as("the demo's calls in the call totals' day rows")
                    .isEqualTo(((Number) dsl.fetchValue("select count(*) from phone_call")).longValue());
            assertThat(calls(db, false)).isEqualTo(calls(db, true));
            dsl.execute("insert into call_total (day_no, user_id, direction, status_code, call_count, duration_sec,"
                    + " returned_count, first_count, resolved_count) values (20000101, 0, 'in', 'answered', 2, 60, 0, 1, 1)");
            assertThat(activities(db, true)).as("the demo's activities in the activity totals' day rows")
                    .isPositive().isEqualTo(((Number) dsl.fetchValue("select count(*) from activity")).longValue());
            assertThat(activities(db, false)).isEqualTo(activities(db, true));
            dsl.execute("insert into activity_total (kind_code, day_no, user_id, activity_count) values ('meeting', 20000101, 0, 4)");
        }

        assertThat(run("rebuild-totals", "--db", url)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains(texts.getString("totals.step.read"), texts.getString("totals.step.write"))
                .contains(texts.getString("totals.call.totals.step.read"), texts.getString("totals.call.totals.step.write"))
                .contains(texts.getString("totals.activity.totals.step.read"),
                        texts.getString("totals.activity.totals.step.write"));
        assertThat(printed.split(String.format(texts.getString("totals.repaired"), 1), -1))
                .as("one deal row, one call row and one activity row repaired").hasSize(4);
        try (Database db = Database.open(new DatabaseConfig(url, "sa", ""))) {
            assertThat(sum(db, "created", true)).isEqualTo(80L);
            assertThat(calls(db, true)).isEqualTo(((Number) db.dsl().fetchValue("select count(*) from phone_call")).longValue());
            assertThat(activities(db, true)).isEqualTo(((Number) db.dsl().fetchValue("select count(*) from activity")).longValue());
        }
        assertThat(run("rebuild-totals", "--db", url)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(String.format(texts.getString("totals.repaired"), 0));
    }

    /** The activities counted by the day rows (yyyymmdd) or by the month rows (yyyymm) of the activity totals. */
    private static long activities(Database db, boolean days) {
        Object n = db.dsl().fetchValue("select sum(activity_count) from activity_total where day_no " + (days ? ">" : "<") + " 1000000");
        return n == null ? 0 : ((Number) n).longValue();
    }

    /** The calls counted by the day rows (yyyymmdd) or by the month rows (yyyymm) of the call totals. */
    private static long calls(Database db, boolean days) {
        Object n = db.dsl().fetchValue("select sum(call_count) from call_total where day_no " + (days ? ">" : "<") + " 1000000");
        return n == null ? 0 : ((Number) n).longValue();
    }

    /** The deals counted by the day rows (yyyymmdd) or by the month rows (yyyymm) of a kind. */
    /** The kind's count in its day rows, or in its month rows (yyyymm; the roll-ups, −yyyymm, apart). */
    private static long sum(Database db, String kind, boolean days) {
        Object n = db.dsl().fetchValue("select sum(deal_count) from deal_total where kind = ? and "
                + (days ? "day_no > 1000000" : "day_no between 1 and 999999"), kind);
        return n == null ? 0 : ((Number) n).longValue();
    }

    /** The kind's count in its month roll-up rows (every source and band). */
    private static long rolledUp(Database db, String kind) {
        Object n = db.dsl().fetchValue("select sum(deal_count) from deal_total where kind = ? and day_no < 0", kind);
        return n == null ? 0 : ((Number) n).longValue();
    }
}
