package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.DateStyle;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRejectedException;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.NumberStyle;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.imports.ErrorReport;
import org.deskcrm.service.imports.ImportService;

import java.io.PrintStream;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code import TARGET FILE [--profile NAME] [--dry-run] [--merge|--skip] [--errors REPORT.csv|.xlsx]}:
 * the window's import (same service, same saved profiles) from the command line. Prints the counts;
 * when the file has invalid cells, prints the first ones, writes every one to the error report
 * (default: FILE.errors.csv next to the file) and exits with 1, having written nothing.
 */
final class ImportCommand implements Cli.Command {
    private static final int SHOWN = 20;
    private final ResourceBundle cliTexts;

    ImportCommand(ResourceBundle cliTexts) {
        this.cliTexts = cliTexts;
    }

    @Override
    public int run(AppContext ctx, Cli.Options o, PrintStream out) {
        ResourceBundle texts = ResourceBundle.getBundle("org.deskcrm.i18n.ui.imports", Locale.getDefault());
        List<String> args = new ArrayList<>(o.positional());
        String dry = o.value("dry-run", null);
        if (dry != null && !dry.equals("true")) {
            args.add(dry); // "--dry-run FILE": the flag took the next word as its value
        }
        if (args.size() != 2 || ImportTarget.ofCode(args.get(0)) == null) {
            throw new IllegalArgumentException(cliTexts.getString("help.import"));
        }
        ImportTarget target = ImportTarget.ofCode(args.get(0));
        Path file = Path.of(args.get(1));
        try {
            ImportSettings settings = o.values().containsKey("profile")
                    ? ctx.imports().profiles().require(target, o.value("profile", "")).settings()
                    : ImportSettings.defaults();
            if (o.flag("merge")) {
                settings = settings.withDuplicates(DuplicateMode.MERGE);
            } else if (o.flag("skip")) {
                settings = settings.withDuplicates(DuplicateMode.SKIP);
            }
            settings = formats(o, settings);
            long user = ctx.ensureReferenceData(Locale.getDefault()); // like the window at start: the admin acts
            ImportResult r = ctx.imports().service().run(ImportService.readFile(file), file.getFileName().toString(),
                    target, settings, dry != null, user, Progress.NONE);
            out.println(String.format(cliTexts.getString(r.dryRun() ? "import.dryRun" : "import.done"),
                    r.target().code(), r.rows(), r.created(), r.merged(), r.skipped(), r.millis()));
            return 0;
        } catch (ImportRejectedException e) {
            Path report = Path.of(o.value("errors", file + ".errors.csv"));
            List<String> headers = List.of(texts.getString("imports.report.row"),
                    texts.getString("imports.report.column"), texts.getString("imports.report.reason"));
            ErrorReport.write(report, e.issues(), headers, i -> reason(texts, i));
            for (CellIssue i : e.issues().subList(0, Math.min(SHOWN, e.issues().size()))) {
                out.println(String.format(cliTexts.getString("import.issue"), i.row(), i.column(), reason(texts, i)));
            }
            throw new AppException("import.failed", format(texts, e.messageKey(), e.args())
                    + " " + String.format(cliTexts.getString("import.report"), report.toAbsolutePath()));
        } catch (AppException e) {
            if (texts.containsKey(e.messageKey())) {
                throw new AppException("import.failed", e, format(texts, e.messageKey(), e.args()));
            }
            throw e;
        }
    }

    /** {@code --number-format point|comma|auto} and {@code --date-format dd.MM.yyyy|MM/dd/yyyy|...|auto}. */
    private ImportSettings formats(Cli.Options o, ImportSettings settings) {
        NumberStyle numbers = settings.numberStyle();
        DateStyle dates = settings.dateStyle();
        if (o.values().containsKey("number-format")) {
            numbers = NumberStyle.ofCode(o.value("number-format", ""));
        }
        if (o.values().containsKey("date-format")) {
            dates = DateStyle.ofCode(o.value("date-format", ""));
        }
        if (numbers == null || dates == null) {
            throw new IllegalArgumentException(cliTexts.getString("help.import"));
        }
        return settings.withFormats(numbers, dates);
    }

    static String reason(ResourceBundle texts, CellIssue i) {
        return format(texts, i.messageKey(), i.args().toArray());
    }

    private static String format(ResourceBundle texts, String key, Object[] args) {
        return texts.containsKey(key) ? new MessageFormat(texts.getString(key), texts.getLocale()).format(args) : key;
    }
}
