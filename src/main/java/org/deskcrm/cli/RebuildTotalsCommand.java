package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.totals.ActivityTotals;
import org.deskcrm.persistence.totals.CallTotals;
import org.deskcrm.persistence.totals.DealTotals;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Recomputes the stored deal totals and call totals from the records in the business time zone (the call totals
 * with the first-call window of the settings), printing each step with its time, and says how many totals rows
 * differed from the records (and were repaired).
 */
final class RebuildTotalsCommand implements Cli.Command {
    private final ResourceBundle texts;

    RebuildTotalsCommand(ResourceBundle texts) {
        this.texts = texts;
    }

    @Override
    public int run(AppContext ctx, Cli.Options options, PrintStream out) {
        ZoneId zone = ctx.settings().businessZone();
        long started = System.nanoTime();
        DealTotals.Rebuild r = new DealTotals(ctx.database().dsl()).rebuild(zone, steps(out, started, ""));
        out.println(String.format(texts.getString("totals.done"), r.rows(), zone.getId(), seconds(started)));
        outcome(out, r, "totals.built");
        long callsStarted = System.nanoTime();
        CallTotals calls = new CallTotals(ctx.database().dsl());
        CallTotals.Basis basis = calls.settingsBasis();
        DealTotals.Rebuild c = calls.rebuild(basis, steps(out, started, "totals.call."));
        out.println(String.format(texts.getString("totals.call.done"), c.rows(), basis.windowDays(),
                seconds(callsStarted)));
        outcome(out, c, "totals.call.built");
        long activitiesStarted = System.nanoTime();
        DealTotals.Rebuild a = new ActivityTotals(ctx.database().dsl()).rebuild(zone,
                steps(out, started, "totals.activity."));
        out.println(String.format(texts.getString("totals.activity.done"), a.rows(), seconds(activitiesStarted)));
        outcome(out, a, "totals.activity.built");
        return 0;
    }

    /** Prints each step of a register's rebuild (its text: {@code keys} + the step) with the seconds since start. */
    private Consumer<String> steps(PrintStream out, long started, String keys) {
        return step -> out.printf("%6.1f s  %s%n", seconds(started), texts.getString(keys + step));
    }

    /** How many rows differed from the records, or that the register was built for the first time. */
    private void outcome(PrintStream out, DealTotals.Rebuild r, String builtKey) {
        out.println(r.wasBuilt() ? String.format(texts.getString("totals.repaired"), r.repaired())
                : texts.getString(builtKey));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
