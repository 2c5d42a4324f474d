package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.user.User;
import org.deskcrm.service.call.CallCsvMapping;
import org.deskcrm.service.call.CallField;
import org.deskcrm.service.call.CallImportException;
import org.deskcrm.service.call.CallImportFormat;
import org.deskcrm.service.call.CallImportResult;
import org.deskcrm.service.call.CallImportService;
import org.deskcrm.service.call.ImportIssue;
import org.deskcrm.service.common.Progress;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * {@code import-calls FILE [--format asterisk|mapped] [--mapping field=Header,... | --mapping FILE.properties]
 * [--direction in|out] [--encoding auto|utf-8|windows-1251] [--as LOGIN]}: the window's call import
 * ({@link CallImportService#importCalls}) from the command line, e.g. a nightly job reading the PBX's
 * Master.csv. One transaction; importing the same file again adds nothing. Prints what was added,
 * skipped as already imported, matched and left unknown.
 */
final class ImportCallsCommand implements Cli.Command {
    /** How many invalid lines are printed before "... and N more". */
    static final int MAX_ISSUES_SHOWN = 20;

    private final ResourceBundle texts;

    ImportCallsCommand(ResourceBundle texts) {
        this.texts = texts;
    }

    @Override
    public int run(AppContext ctx, Cli.Options o, PrintStream out) {
        if (o.positional().isEmpty()) {
            throw new IllegalArgumentException(texts.getString("help.import-calls"));
        }
        Path file = Path.of(o.positional().get(0));
        CallImportFormat format = format(o.value("format", "asterisk"));
        CallCsvMapping mapping = format == CallImportFormat.CSV ? mapping(o) : null;
        Long userId = user(ctx, o.value("as", null));
        byte[] data = recode(CallImportService.read(file), o.value("encoding", "auto"));
        long started = System.nanoTime();
        CallImportResult r;
        try {
            r = ctx.callImport().importCalls(data, format, mapping, userId, Progress.NONE);
        } catch (CallImportException e) {
            printIssues(e, out);
            throw e;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(String.format(texts.getString("importCalls.done"), file.getFileName(), r.read(), r.added(),
                r.duplicates(), r.matched(), r.unknown(), r.missedOpened(), r.missedReturned()));
        out.println(String.format(texts.getString("importCalls.elapsed"), seconds,
                seconds > 0 ? r.read() / seconds : 0.0));
        return 0;
    }

    static CallImportFormat format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "asterisk" -> CallImportFormat.ASTERISK;
            case "mapped", "csv" -> CallImportFormat.CSV;
            default -> throw new IllegalArgumentException("--format: asterisk or mapped expected: " + name);
        };
    }

    /**
     * The column mapping: {@code --mapping start=calldate,number=Phone,...} (field names of
     * {@link CallField}, any case) or a .properties file with the same keys; {@code --direction}
     * (or {@code direction.default} in the file) for files without a direction.
     */
    CallCsvMapping mapping(Cli.Options o) {
        String spec = o.value("mapping", null);
        if (spec == null) {
            throw new IllegalArgumentException(texts.getString("importCalls.error.noMapping"));
        }
        Map<String, String> pairs = MappingOption.pairs(spec);
        String dir = o.value("direction", pairs.remove("direction.default"));
        CallCsvMapping m = new CallCsvMapping(Map.of(), dir == null ? null : direction(dir));
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            try {
                m = m.with(CallField.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("--mapping: unknown field " + e.getKey()
                        + " (id, start, src, dst, number, direction, status, duration, extension, recording, note)");
            }
        }
        return m;
    }

    private static CallDirection direction(String code) {
        try {
            CallDirection d = CallDirection.ofCode(code.strip());
            if (d != CallDirection.INTERNAL) {
                return d;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--direction: in or out expected: " + code);
    }

    /**
     * The file as UTF-8: "auto" keeps the import's own detection (UTF-8 when valid, else
     * Windows-1251); a named charset decodes the bytes with it first.
     */
    static byte[] recode(byte[] data, String encoding) {
        if (encoding.equalsIgnoreCase("auto")) {
            return data;
        }
        Charset cs;
        try {
            cs = Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding: unknown character set " + encoding);
        }
        return new String(data, cs).getBytes(StandardCharsets.UTF_8);
    }

    private Long user(AppContext ctx, String login) {
        if (login == null) {
            return null;
        }
        return ctx.users().findByLogin(login).map(User::id)
                .orElseThrow(() -> new IllegalArgumentException("--as: no user " + login));
    }

    /** Every unusable line (up to {@link #MAX_ISSUES_SHOWN}) in the window's words. */
    private void printIssues(CallImportException e, PrintStream out) {
        ResourceBundle calls = ResourceBundle.getBundle("org.deskcrm.i18n.ui.call", Locale.getDefault());
        int shown = 0;
        for (ImportIssue issue : e.issues()) {
            if (shown++ == MAX_ISSUES_SHOWN) {
                out.println(String.format(texts.getString("importCalls.moreIssues"), e.issues().size() - MAX_ISSUES_SHOWN));
                break;
            }
            String pattern = calls.containsKey(issue.messageKey()) ? calls.getString(issue.messageKey()) : issue.messageKey();
            out.println("  " + org.deskcrm.model.common.Messages.format(pattern, Locale.getDefault(), issue.args().toArray()));
        }
    }
}
