package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.DateStyle;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportCheck;
import org.deskcrm.model.io.ImportField;
import org.deskcrm.model.io.ImportPreview;
import org.deskcrm.model.io.ImportRejectedException;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTable;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.model.io.NumberStyle;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.imports.ErrorReport;
import org.deskcrm.service.imports.ImportService;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * {@code import TARGET FILE [--mapping field=Header,...|FILE.properties] [--values "field:File=App;..."]
 * [--pipeline CODE] [--create-missing] [--profile NAME|FILE.properties] [--dry-run] [--merge|--skip]
 * [--errors REPORT.csv|.xlsx]}: the window's import (same service, same saved profiles) from the command
 * line. The options are applied over the profile. Prints the counts; a dry run also prints the ignored
 * columns, the names that match nothing with the closest known names, the names it would create and the
 * first invalid cells. When the file has invalid cells, prints the first ones, writes every one to the
 * error report (default: FILE.errors.csv next to the file) and exits with 1, having written nothing.
 */
final class ImportCommand implements Cli.Command {
    private static final int SHOWN = 20;
    /** Options that take no value: a word after one of them is the next argument. */
    private static final List<String> FLAGS = List.of("dry-run", "create-missing", "merge", "skip");
    private final ResourceBundle cliTexts;

    ImportCommand(ResourceBundle cliTexts) {
        this.cliTexts = cliTexts;
    }

    @Override
    public int run(AppContext ctx, Cli.Options o, PrintStream out) {
        ResourceBundle texts = ResourceBundle.getBundle("org.deskcrm.i18n.ui.imports", Locale.getDefault());
        List<String> args = new ArrayList<>(o.positional());
        for (String flag : FLAGS) {
            String v = o.value(flag, null);
            if (v != null && !v.equals("true")) {
                args.add(v); // "--dry-run FILE": the flag took the next word as its value
            }
        }
        if (args.size() != 2 || ImportTarget.ofCode(args.get(0)) == null) {
            throw new IllegalArgumentException(cliTexts.getString("help.import"));
        }
        ImportTarget target = ImportTarget.ofCode(args.get(0));
        Path file = Path.of(args.get(1));
        boolean dry = o.values().containsKey("dry-run");
        try {
            ImportSettings settings = formats(o, settings(ctx, o, target));
            ctx.ensureReferenceData(Locale.getDefault()); // like the window at start
            Long user = null; // the command line is the system actor: the feed records no user (ADR 0014)
            byte[] bytes = ImportService.readFile(file);
            String name = file.getFileName().toString();
            if (dry) {
                return dryRun(ctx, target, settings, bytes, name, file, o, texts, out);
            }
            ImportResult r = ctx.imports().service().run(bytes, name, target, settings, false, user, Progress.NONE);
            out.println(String.format(cliTexts.getString("import.done"),
                    r.target().code(), r.rows(), r.created(), r.merged(), r.skipped(), r.millis()));
            return 0;
        } catch (ImportRejectedException e) {
            Path report = writeReport(o, file, e.issues(), texts, out);
            throw new AppException("import.failed", format(texts, e.messageKey(), e.args())
                    + " " + String.format(cliTexts.getString("import.report"), report.toAbsolutePath()));
        } catch (AppException e) {
            if (texts.containsKey(e.messageKey())) {
                throw new AppException("import.failed", e, format(texts, e.messageKey(), e.args()));
            }
            throw e;
        }
    }

    /** The profile's settings (saved by name, or a profile file) with the command line's options over them. */
    static ImportSettings settings(AppContext ctx, Cli.Options o, ImportTarget target) {
        ImportSettings s = o.values().containsKey("profile")
                ? ctx.imports().profiles().resolve(target, o.value("profile", "")).settings()
                : ImportSettings.defaults();
        String mapping = o.value("mapping", null);
        if (mapping != null) {
            Map<String, String> pairs = MappingOption.pairs(mapping);
            for (String field : pairs.keySet()) {
                field(target, field, "--mapping");
            }
            s = s.withColumns(pairs);
        }
        String values = o.value("values", null);
        if (values != null) {
            s = values(s, target, values);
        }
        if (o.values().containsKey("pipeline")) {
            s = s.withPipeline(o.value("pipeline", ""));
        }
        if (o.values().containsKey("create-missing")) {
            s = s.withCreateMissing(true);
        }
        if (o.values().containsKey("merge")) {
            s = s.withDuplicates(DuplicateMode.MERGE);
        } else if (o.values().containsKey("skip")) {
            s = s.withDuplicates(DuplicateMode.SKIP);
        }
        return s;
    }

    /** {@code field:File value=App value;...}: each file value of a reference field mapped to a known name ("*": create it). */
    static ImportSettings values(ImportSettings s, ImportTarget target, String spec) {
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            int eq = part.lastIndexOf('=');
            if (colon <= 0 || eq < colon + 2) {
                throw new IllegalArgumentException("--values: field:FileValue=AppValue expected: " + part.strip());
            }
            ImportField f = field(target, part.substring(0, colon).strip(), "--values");
            if (f.ref() == null) {
                throw new IllegalArgumentException("--values: " + f.key() + " is not a field that names something");
            }
            s = s.withValue(f.ref(), part.substring(colon + 1, eq).strip(), part.substring(eq + 1).strip());
        }
        return s;
    }

    private static ImportField field(ImportTarget target, String key, String option) {
        return target.fields().stream().filter(f -> f.key().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(option + ": " + target.code() + " has no field " + key
                        + " (" + String.join(", ", target.fields().stream().map(ImportField::key).toList()) + ")"));
    }

    private int dryRun(AppContext ctx, ImportTarget target, ImportSettings settings, byte[] bytes, String name,
                       Path file, Cli.Options o, ResourceBundle texts, PrintStream out) {
        long started = System.nanoTime();
        ImportService service = ctx.imports().service();
        ImportTable table = service.read(bytes, name, settings);
        if (table.rows().isEmpty()) {
            throw new AppException("imports.error.noRows");
        }
        ImportCheck check = service.check(table, target, settings, Progress.NONE);
        ImportPreview p = check.preview();
        boolean merge = settings.duplicates() == DuplicateMode.MERGE;
        int dup = p.existingDuplicates() + p.fileDuplicates();
        out.println(String.format(cliTexts.getString("import.dryRun"), target.code(), table.rows().size(),
                p.newRows(), merge ? dup : 0, merge ? 0 : dup, (System.nanoTime() - started) / 1_000_000));
        printDetails(check, texts, out);
        if (p.valid()) {
            return 0;
        }
        Path report = writeReport(o, file, p.issues(), texts, out);
        out.println(String.format(cliTexts.getString("import.report"), report.toAbsolutePath()));
        return 1;
    }

    /** The preview's details: ignored columns, unmatched names with suggestions, names to create. */
    private void printDetails(ImportCheck check, ResourceBundle texts, PrintStream out) {
        if (!check.ignoredColumns().isEmpty()) {
            out.println(String.format(cliTexts.getString("import.ignored"), String.join(", ", check.ignoredColumns())));
        }
        check.suggestions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String kind = texts.getString("imports.kind." + e.getKey().name().toLowerCase(Locale.ROOT));
            e.getValue().forEach((value, closest) -> out.println(closest.isEmpty()
                    ? String.format(cliTexts.getString("import.unmatched"), kind, value)
                    : String.format(cliTexts.getString("import.unmatchedSuggest"), kind, value,
                    String.join(", ", closest))));
        });
        for (Map.Entry<RefKind, Set<String>> e : check.toCreate().entrySet()) {
            String kind = texts.getString("imports.kind." + e.getKey().name().toLowerCase(Locale.ROOT));
            out.println(String.format(cliTexts.getString("import.toCreate"), kind, String.join(", ", e.getValue())));
        }
    }

    private Path writeReport(Cli.Options o, Path file, List<CellIssue> issues, ResourceBundle texts, PrintStream out) {
        Path report = Path.of(o.value("errors", file + ".errors.csv"));
        List<String> headers = List.of(texts.getString("imports.report.row"),
                texts.getString("imports.report.column"), texts.getString("imports.report.reason"));
        ErrorReport.write(report, issues, headers, i -> reason(texts, i));
        for (CellIssue i : issues.subList(0, Math.min(SHOWN, issues.size()))) {
            out.println(String.format(cliTexts.getString("import.issue"), i.row(), i.column(), reason(texts, i)));
        }
        return report;
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
        return texts.containsKey(key) ? org.deskcrm.model.common.Messages.format(texts.getString(key), texts.getLocale(), args) : key;
    }
}
