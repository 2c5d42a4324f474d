package org.deskcrm;

import org.deskcrm.cli.Cli;

/**
 * The jar's entry point. With a command ({@code demo}, {@code info}, ... see {@code --help}) it runs
 * headless on the command line; otherwise it opens the window. Not a JavaFX Application itself, so
 * the jar runs from a plain classpath.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (Cli.isCommandLine(args)) {
            System.exit(new Cli(System.out, System.err).run(args));
        }
        DeskCrmApp.main(args);
    }
}
