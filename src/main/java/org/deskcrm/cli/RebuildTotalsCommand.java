package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.totals.ActivityTotals;
import org.deskcrm.persistence.totals.CallTotals;
import org.deskcrm.persistence.totals.DealTotals;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ResourceBundle;

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
        DealTotals.Rebuild r = new DealTotals(ctx.database().dsl()).rebuild(zone, step ->
                out.printf("%6.1f s  %s%n", (System.nanoTime() - started) / 1e9, texts.getString(step)));
        out.println(String.format(texts.getString("totals.done"), r.rows(), zone.getId(),
                (System.nanoTime() - started) / 1e9));
        out.println(r.wasBuilt() ? String.format(texts.getString("totals.repaired"), r.repaired())
                : texts.getString("totals.built"));
        long callsStarted = System.nanoTime();
        CallTotals calls = new CallTotals(ctx.database().dsl());
        CallTotals.Basis basis = calls.settingsBasis();
        DealTotals.Rebuild c = calls.rebuild(basis, step ->
                out.printf("%6.1f s  %s%n", (System.nanoTime() - started) / 1e9, texts.getString("totals.call." + step)));
        out.println(String.format(texts.getString("totals.call.done"), c.rows(), basis.windowDays(),
                (System.nanoTime() - callsStarted) / 1e9));
        out.println(c.wasBuilt() ? String.format(texts.getString("totals.repaired"), c.repaired())
                : texts.getString("totals.call.built"));
        long activitiesStarted = System.nanoTime();
        DealTotals.Rebuild a = new ActivityTotals(ctx.database().dsl()).rebuild(zone, step ->
                out.printf("%6.1f s  %s%n", (System.nanoTime() - started) / 1e9, texts.getString("totals.activity." + step)));
        out.println(String.format(texts.getString("totals.activity.done"), a.rows(),
                (System.nanoTime() - activitiesStarted) / 1e9));
        out.println(a.wasBuilt() ? String.format(texts.getString("totals.repaired"), a.repaired())
                : texts.getString("totals.activity.built"));
        return 0;
    }
}
