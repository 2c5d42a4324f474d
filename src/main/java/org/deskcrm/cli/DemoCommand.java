package org.deskcrm.cli;

import org.deskcrm.AppContext;

import java.io.PrintStream;
import java.util.ResourceBundle;

/** {@code demo}: fills the database with generated demo data (placeholder until the generator lands). */
final class DemoCommand implements Cli.Command {
    private final ResourceBundle texts;

    DemoCommand(ResourceBundle texts) {
        this.texts = texts;
    }

    @Override
    public int run(AppContext ctx, Cli.Options options, PrintStream out) {
        ctx.referenceData().ensureDefaults(java.util.Locale.getDefault());
        return 0;
    }
}
