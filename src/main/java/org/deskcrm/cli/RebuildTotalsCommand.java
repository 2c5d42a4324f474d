package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.totals.DealTotals;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ResourceBundle;

/**
 * Recomputes the stored deal totals from the deal records in the business time zone, printing each step with
 * its time, and says how many totals rows differed from the records (and were repaired).
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
        DealTotals.Rebuild r = new DealTotals(ctx.database()).rebuild(zone, step ->
                out.printf("%6.1f s  %s%n", (System.nanoTime() - started) / 1e9, texts.getString(step)));
        out.println(String.format(texts.getString("totals.done"), r.rows(), zone.getId(),
                (System.nanoTime() - started) / 1e9));
        out.println(r.wasBuilt() ? String.format(texts.getString("totals.repaired"), r.repaired())
                : texts.getString("totals.built"));
        return 0;
    }
}
