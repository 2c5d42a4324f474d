package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.StatsRepository;

import java.io.PrintStream;

/**
 * Prints where the data lives, the schema version, how many records of each kind there are, and what
 * the start-up schema check found and repaired (ADR 0010).
 */
final class InfoCommand implements Cli.Command {
    @Override
    public int run(AppContext ctx, Cli.Options options, PrintStream out) {
        StatsRepository stats = new StatsRepository(ctx.database());
        out.println("database: " + ctx.database().config().url());
        out.println("dialect:  " + ctx.database().dialect());
        stats.schemaVersion().ifPresent(v -> out.println("schema:   V" + v));
        stats.tableCounts().forEach((table, n) -> out.printf("%-20s %,d%n", table, n));
        ctx.database().schemaReport().describe().forEach(out::println);
        return 0;
    }
}
