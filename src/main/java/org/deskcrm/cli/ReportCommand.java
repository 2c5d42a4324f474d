package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.report.ReportLookups;
import org.deskcrm.service.report.Report;
import org.deskcrm.service.report.ReportCatalog;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.export.ExportTarget;
import org.deskcrm.service.report.ReportTexts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * {@code report NAME --from YYYY-MM-DD --to YYYY-MM-DD [--pipeline CODE|ID] [--manager LOGIN|ID]
 * [--team NAME|ID] [--source NAME|ID] [--band hot|warm|cold] [--by period|day|week|ATTRIBUTE] --out FILE.csv|FILE.xlsx}: the same
 * report code as the window, written to a file (e.g. a scheduled export for the accountant), through the
 * same export service: the acting user ({@code --as}, else the administrator) needs the export right and
 * the export is written to the event feed.
 * Without a name it lists the reports.
 */
final class ReportCommand implements Cli.Command {
    private final ResourceBundle cliTexts;

    ReportCommand(ResourceBundle cliTexts) {
        this.cliTexts = cliTexts;
    }

    @Override
    public int run(AppContext ctx, Cli.Options o, PrintStream out) throws Exception {
        ReportTexts texts = new ReportTexts(Locale.getDefault());
        ReportCatalog catalog = ctx.reports();
        if (o.positional().isEmpty()) {
            out.println(texts.get("report.cli.list"));
            for (Report r : catalog.all()) {
                out.printf("  %-16s %s%n", r.name(), texts.title(r.name()));
            }
            return 0;
        }
        try {
            Report report = catalog.get(o.positional().get(0));
            ReportLookups lookups = new ReportLookups(ctx.database());
            ReportFilter filter = filter(o, lookups, catalog.support().today(), report);
            String outFile = o.value("out", null);
            if (outFile == null) {
                throw new IllegalArgumentException(cliTexts.getString("help.report"));
            }
            ReportTable table = report.run(filter);
            Path path = Path.of(outFile);
            // the export right is checked and the export written to the event feed, with the filter and row count
            ctx.exports().export(new ExportTarget.Report(table), path, ExportCommand.actingUser(ctx), Locale.getDefault(),
                    Progress.NONE);
            out.println(texts.format("report.cli.written", report.name(), table.rows().size(), path.toAbsolutePath()));
            return 0;
        } catch (AppException e) {
            throw new IllegalArgumentException(texts.format(e.messageKey(), e.args()), e);
        }
    }

    /** The filter from the options; the period defaults to the current month. */
    static ReportFilter filter(Cli.Options o, ReportLookups lookups, LocalDate today) {
        return filter(o, lookups, today, null);
    }

    /** The same, where {@code --by} names an attribute for a report that groups deals by one (sales analysis). */
    static ReportFilter filter(Cli.Options o, ReportLookups lookups, LocalDate today, Report report) {
        LocalDate from = date(o, "from", today.withDayOfMonth(1));
        LocalDate to = date(o, "to", today.withDayOfMonth(today.lengthOfMonth()));
        ReportFilter f = ReportFilter.period(from, to);
        String pipeline = o.value("pipeline", null);
        if (pipeline != null) {
            f = f.withPipeline(id(pipeline, "pipeline", lookups.pipelineByCode(pipeline), lookups.pipelineNames()));
        }
        String manager = o.value("manager", null);
        if (manager != null) {
            f = f.withManager(id(manager, "manager", lookups.userByLogin(manager), lookups.userNames()));
        }
        String team = o.value("team", null);
        if (team != null) {
            f = f.withTeam(id(team, "team", byName(lookups.teamNames(), team), lookups.teamNames()));
        }
        String source = o.value("source", null);
        if (source != null) {
            f = f.withSource(id(source, "source", byName(lookups.sourceNames(), source), lookups.sourceNames()));
        }
        String grain = o.value("by", null);
        if (grain != null && report != null && !report.attributes().isEmpty()) {
            try {
                f = f.withAttribute(org.deskcrm.model.report.DealAttribute.ofCode(grain));
            } catch (IllegalArgumentException e) {
                throw new AppException("error.report.badOption", "by", grain);
            }
        } else if (grain != null) {
            try {
                f = f.withGrain(org.deskcrm.model.report.Grain.ofCode(grain));
            } catch (IllegalArgumentException e) {
                throw new AppException("error.report.badOption", "by", grain);
            }
        }
        String band = o.value("band", null);
        if (band != null) {
            try {
                f = f.withBand(ScoreBand.ofCode(band));
            } catch (IllegalArgumentException e) {
                throw new AppException("error.report.badOption", "band", band);
            }
        }
        return f;
    }

    private static LocalDate date(Cli.Options o, String name, LocalDate fallback) {
        String v = o.value(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new AppException("error.report.badOption", name, v);
        }
    }

    private static Optional<Long> byName(Map<Long, String> names, String name) {
        return names.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(name)).map(Map.Entry::getKey).findFirst();
    }

    /** By code, login or name first; else a numeric id that exists. */
    private static long id(String value, String option, Optional<Long> byKey, Map<Long, String> existing) {
        if (byKey.isPresent()) {
            return byKey.get();
        }
        try {
            long id = Long.parseLong(value);
            if (existing.containsKey(id)) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // not an id either
        }
        throw new AppException("error.report.badOption", option, value);
    }
}
