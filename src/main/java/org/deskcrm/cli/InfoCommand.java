package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.StatsRepository;

import java.io.PrintStream;

/** Prints where the data lives, the schema version and how many records of each kind there are. */
final class InfoCommand implements Cli.Command {
    @Override
    public int run(AppContext ctx, Cli.Options options, PrintStream out) {
        StatsRepository stats = new StatsRepository(ctx.database());
        out.println("database: " + ctx.database().config().url());
        out.println("dialect:  " + ctx.database().dialect());
        stats.schemaVersion().ifPresent(v -> out.println("schema:   V" + v));
        stats.tableCounts().forEach((table, n) -> out.printf("%-20s %,d%n", table, n));
        return 0;
    }
}
