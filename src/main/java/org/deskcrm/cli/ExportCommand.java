package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.model.user.User;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.export.ExportResult;
import org.deskcrm.service.export.ExportTarget;
import org.deskcrm.service.export.ExportTexts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * {@code export clients|deals|calls|tasks --out FILE.xlsx|FILE.csv [filters] [--as LOGIN]}: the same
 * export as the window's "Export to Excel" (same service, same right check, same audit event), acting
 * as the user {@code --as} (default: the administrator). Filters: clients {@code --owner --status
 * --source --tag --text --archived --sort name|created|last_purchase --desc}; deals {@code --owner
 * --pipeline --from --to --band}; calls {@code --from --to --direction --status --manager --unmatched};
 * tasks {@code --view today|tomorrow|overdue|all|requests --assignee}. Dates are YYYY-MM-DD, {@code --to}
 * inclusive, in the business time zone. Prints the row count and the seconds taken.
 */
final class ExportCommand implements Cli.Command {
    private final ResourceBundle cliTexts;
    private final PrintStream err;

    ExportCommand(ResourceBundle cliTexts, PrintStream err) {
        this.cliTexts = cliTexts;
        this.err = err;
    }

    @Override
    public int run(AppContext ctx, Cli.Options o, PrintStream out) {
        ExportTexts texts = new ExportTexts(Locale.getDefault());
        String out1 = o.value("out", null);
        if (o.positional().isEmpty() || out1 == null) {
            throw new IllegalArgumentException(cliTexts.getString("help.export"));
        }
        try {
            ExportTarget target = target(ctx, o, o.positional().get(0));
            Long user = actingUser(ctx);
            ExportResult r = ctx.exports().export(target, Path.of(out1), user, Locale.getDefault(), Progress.NONE);
            out.println(texts.format("export.done", r.rows(), r.file().toAbsolutePath(),
                    String.format(Locale.ROOT, "%.2f", r.seconds())));
            return 0;
        } catch (AppException e) {
            err.println(String.format(cliTexts.getString("error.prefix"), texts.format(e.messageKey(), e.args())));
            return e.messageKey().equals("export.error.option") ? 2 : 1;
        }
    }

    /**
     * Who the command acts as: the person signed in by {@code --as LOGIN} or by their own PostgreSQL login
     * (their export right and visibility apply), else nobody: the system actor (ADR 0014), which the event
     * feed records with no user, not as the administrator.
     */
    static Long actingUser(AppContext ctx) {
        return ctx.session().userId();
    }

    static ExportTarget target(AppContext ctx, Cli.Options o, String list) {
        ZoneId zone = ctx.businessZone();
        switch (list) {
            case "clients" -> {
                ClientFilter f = ClientFilter.ALL.withArchived(o.flag("archived"));
                if (o.value("owner", null) != null) {
                    f = f.withOwner(user(ctx, o, "owner"));
                }
                if (o.value("status", null) != null) {
                    f = f.withLifecycle(parse(o, "status", LifecycleStatus::ofCode));
                }
                if (o.value("source", null) != null) {
                    f = f.withSource(byName(o, "source", ctx.pipelines().leadSources()));
                }
                f = f.withTag(o.value("tag", null));
                ClientSort sort = parse(o, "sort", s -> ClientSort.valueOf(s.toUpperCase(Locale.ROOT)));
                return new ExportTarget.Clients(new ClientQuery(f, o.value("text", null), sort, o.flag("desc")));
            }
            case "deals" -> {
                Long pipeline = null;
                String p = o.value("pipeline", null);
                if (p != null) {
                    pipeline = ctx.pipelines().findAll().stream()
                            .filter(x -> x.code().equalsIgnoreCase(p) || x.name().equalsIgnoreCase(p)
                                    || String.valueOf(x.id()).equals(p))
                            .map(Pipeline::id).findFirst().orElseThrow(() -> bad("pipeline", p));
                }
                DealFilter f = new DealFilter(o.value("owner", null) == null ? null : user(ctx, o, "owner"), pipeline,
                        from(o, zone), to(o, zone), parse(o, "band", ScoreBand::ofCode));
                return new ExportTarget.Deals(f);
            }
            case "calls" -> {
                CallFilter f = new CallFilter(from(o, zone), to(o, zone), parse(o, "direction", CallDirection::ofCode),
                        parse(o, "status", CallStatus::ofCode),
                        o.value("manager", null) == null ? null : user(ctx, o, "manager"), null, o.flag("unmatched"));
                return new ExportTarget.Calls(f);
            }
            case "tasks" -> {
                TaskView view = parse(o, "view", s -> TaskView.valueOf(s.toUpperCase(Locale.ROOT)));
                Long assignee = o.value("assignee", null) == null ? null : user(ctx, o, "assignee");
                return new ExportTarget.Tasks(view == null ? TaskView.ALL : view, assignee, null);
            }
            default -> throw new AppException("export.error.option", "LIST", list);
        }
    }

    private static <T> T parse(Cli.Options o, String name, Function<String, T> parser) {
        String v = o.value(name, null);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw bad(name, v);
        }
    }

    private static long user(AppContext ctx, Cli.Options o, String option) {
        String v = o.value(option, null);
        return ctx.users().findByLogin(v).map(User::id).or(() -> {
            try {
                return ctx.users().findById(Long.parseLong(v)).map(User::id);
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).orElseThrow(() -> bad(option, v));
    }

    private static long byName(Cli.Options o, String option, Map<Long, String> names) {
        String v = o.value(option, null);
        return names.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(v) || String.valueOf(e.getKey()).equals(v))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> bad(option, v));
    }

    private static Instant from(Cli.Options o, ZoneId zone) {
        LocalDate d = date(o, "from");
        return d == null ? null : d.atStartOfDay(zone).toInstant();
    }

    /** The end of the inclusive {@code --to} day. */
    private static Instant to(Cli.Options o, ZoneId zone) {
        LocalDate d = date(o, "to");
        return d == null ? null : d.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(Cli.Options o, String name) {
        String v = o.value(name, null);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw bad(name, v);
        }
    }

    private static AppException bad(String option, String value) {
        return new AppException("export.error.option", "--" + option, value);
    }
}
