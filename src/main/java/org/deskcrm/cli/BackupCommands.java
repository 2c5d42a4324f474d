package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.backup.BackupInfo;
import org.deskcrm.model.common.AppException;
import org.deskcrm.service.common.Progress;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code backup FILE} writes a consistent backup of the whole database to one file;
 * {@code restore FILE [--force]} replaces the database's contents with a backup's (an empty database,
 * or any with {@code --force}), in one transaction. Messages come from the window's {@code trust} bundle.
 */
final class BackupCommands {
    private final ResourceBundle texts = ResourceBundle.getBundle("org.deskcrm.i18n.ui.trust", Locale.getDefault());

    Cli.Command backup() {
        return (ctx, options, out) -> {
            if (options.positional().size() != 1) {
                out.println(text("backup.cli.usageBackup"));
                return 2;
            }
            Path file = Path.of(options.positional().get(0));
            long start = System.nanoTime();
            return guarded(out, () -> {
                BackupInfo info = ctx.backup().backup(file, new Printer(out));
                out.println(text("backup.cli.written", file.toAbsolutePath(), info.totalRows(), info.rows().size(),
                        info.schemaVersion(), seconds(start)));
            });
        };
    }

    Cli.Command restore() {
        return (ctx, options, out) -> {
            if (options.positional().size() != 1) {
                out.println(text("backup.cli.usageRestore"));
                return 2;
            }
            Path file = Path.of(options.positional().get(0));
            long start = System.nanoTime();
            return guarded(out, () -> {
                BackupInfo info = ctx.backup().restore(file, options.flag("force"), new Printer(out));
                out.println(text("backup.cli.restored", file.toAbsolutePath(), info.vendor(), info.createdAt(),
                        info.schemaVersion(), info.totalRows(), seconds(start)));
            });
        };
    }

    private int guarded(PrintStream out, Runnable work) {
        try {
            work.run();
            return 0;
        } catch (AppException e) {
            String message = texts.containsKey(e.messageKey()) ? text(e.messageKey(), e.args()) : e.getMessage();
            out.println(text("backup.cli.error", message));
            return 1;
        }
    }

    private static String seconds(long start) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
    }

    private String text(String key, Object... args) {
        return org.deskcrm.model.common.Messages.format(texts.getString(key), Locale.getDefault(), args);
    }

    /** A line at every tenth of the rows. */
    private final class Printer implements Progress {
        private final PrintStream out;
        private long lastTenth = -1;

        Printer(PrintStream out) {
            this.out = out;
        }

        @Override
        public void update(String stepKey, long done, long total) {
            long tenth = total > 0 ? done * 10 / total : 10;
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.println(text("backup.cli.progress", text(stepKey), done, total));
            }
        }
    }
}
