package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.AppPaths;
import org.deskcrm.model.common.AppException;
import org.deskcrm.persistence.DatabaseConfig;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The command line of the same jar: {@code java -jar deskcrm.jar COMMAND [options]}. Each command
 * opens the same {@link AppContext} as the window and calls the same services.
 */
public final class Cli {
    /** A command: its name, one-line help key, and what it does with the parsed options. */
    interface Command {
        int run(AppContext ctx, Options options, PrintStream out) throws Exception;
    }

    private final PrintStream out;
    private final PrintStream err;
    /** Where {@code --as} reads the person's password from. */
    static final String PASSWORD_VARIABLE = "DESKCRM_PASSWORD";
    private java.util.function.Function<String, String> environment = System::getenv;
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final ResourceBundle texts;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.texts = ResourceBundle.getBundle("org.deskcrm.i18n.cli", Locale.getDefault());
        commands.put("info", new InfoCommand());
        commands.put("migrate", (ctx, o, p) -> {
            p.println(String.format(texts.getString("migrate.done"), ctx.database().migrationsApplied()));
            return 0;
        });
        commands.put("demo", new DemoCommand(texts));
        commands.put("report", new ReportCommand(texts));
        commands.put("import", new ImportCommand(texts));
        commands.put("import-calls", new ImportCallsCommand(texts));
        commands.put("export", new ExportCommand(texts, err));
        BackupCommands backups = new BackupCommands();
        commands.put("backup", backups.backup());
        commands.put("restore", backups.restore());
        commands.put("rebuild-totals", new RebuildTotalsCommand(texts));
        commands.put("users", new UsersCommand(texts, name -> environment.apply(name)));
    }

    /** True when the arguments name a command (or ask for help) rather than the window. */
    public static boolean isCommandLine(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h") || !a.startsWith("-")) {
                return !a.startsWith("-psn"); // macOS process serial number is not a command
            }
            if (a.equals("--db") || a.equals("--user") || a.equals("--password") || a.equals("--lang")) {
                i++; // option with a value: the value is not a command
            }
        }
        return false;
    }

    public int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(texts.getString("help.hint"));
            return 2;
        }
        if (options.flag("help") || options.command() == null) {
            printHelp();
            return options.command() == null && !options.flag("help") ? 2 : 0;
        }
        Command command = commands.get(options.command());
        if (command == null) {
            err.println(String.format(texts.getString("error.unknownCommand"), options.command()));
            err.println(texts.getString("help.hint"));
            return 2;
        }
        DatabaseConfig config = options.databaseConfig();
        try (AppContext ctx = AppContext.open(config)) {
            String as = options.values().get("as");
            if (as == null && !ctx.database().isSchemaOwner()) {
                // a person's own PostgreSQL login: the command acts as that person, not as the system (ADR 0015)
                var person = ctx.users().findByLogin(config.user()).filter(org.deskcrm.model.user.User::active);
                if (person.isEmpty()) {
                    err.println(String.format(texts.getString("error.noPerson"), config.user()));
                    return 1;
                }
                ctx.session().signIn(person.get());
            } else if (as != null && !signIn(ctx, as)) {
                return 1;
            }
            return command.run(ctx, options, out);
        } catch (AppException e) {
            String message = texts.containsKey(e.messageKey())
                    ? String.format(texts.getString(e.messageKey()), e.args()) : e.getMessage();
            err.println(String.format(texts.getString("error.prefix"), message));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(String.format(texts.getString("error.prefix"), e.getMessage()));
            return 2;
        } catch (Exception e) {
            err.println(String.format(texts.getString("error.prefix"), e));
            return 1;
        }
    }

    /**
     * {@code --as LOGIN} signs that person in with their password (ADR 0011), read from the environment
     * variable {@code DESKCRM_PASSWORD} or asked for on the terminal without echo; never from an option,
     * which would show in the process list and the shell history. Goes through the same sign-in as the
     * window (throttled, written to the event feed).
     */
    private boolean signIn(AppContext ctx, String login) {
        String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
        char[] password = fromEnvironment != null ? fromEnvironment.toCharArray()
                : System.console() != null ? System.console().readPassword("%s: ", login) : null;
        if (password == null) {
            err.println(String.format(texts.getString("error.asPassword"), login));
            return false;
        }
        try {
            ctx.auth().signIn(login, password);
            return true;
        } catch (RuntimeException e) {
            err.println(String.format(texts.getString("error.asRefused"), login));
            return false;
        } finally {
            java.util.Arrays.fill(password, ' ');
        }
    }

    /** Reads environment variables from the given map instead of the process's (tests). */
    Cli withEnvironment(Map<String, String> variables) {
        this.environment = variables::get;
        return this;
    }

    void printHelp() {
        out.println(texts.getString("help.usage"));
        out.println();
        out.println(texts.getString("help.commands"));
        for (String name : commands.keySet()) {
            out.printf("  %-13s %s%n", name, texts.getString("help." + name));
        }
        out.println();
        out.println(texts.getString("help.options"));
        out.println("  --db URL        " + texts.getString("help.db"));
        out.println("  --user NAME     " + texts.getString("help.user"));
        out.println("  --password PW   " + texts.getString("help.password"));
        out.println("  --as LOGIN      " + texts.getString("help.as"));
        out.println("  --help          " + texts.getString("help.help"));
        out.println();
        out.println(String.format(texts.getString("help.dataDir"), AppPaths.dataDir()));
    }

    /** Parsed arguments: the command, its positional arguments and --name value options. */
    record Options(String command, List<String> positional, Map<String, String> values) {
        static Options parse(String[] args) {
            String command = null;
            List<String> positional = new ArrayList<>();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h")) {
                    values.put("help", "true");
                } else if (a.startsWith("--")) {
                    String name = a.substring(2);
                    int eq = name.indexOf('=');
                    if (eq > 0) {
                        values.put(name.substring(0, eq), name.substring(eq + 1));
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        values.put(name, args[++i]);
                    } else {
                        values.put(name, "true");
                    }
                } else if (command == null) {
                    command = a;
                } else {
                    positional.add(a);
                }
            }
            return new Options(command, positional, values);
        }

        boolean flag(String name) {
            return "true".equals(values.get(name));
        }

        String value(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int intValue(String name, int fallback) {
            String v = values.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": not a whole number: " + v);
            }
        }

        DatabaseConfig databaseConfig() {
            String url = values.get("db");
            if (url == null) {
                return DatabaseConfig.embedded(AppPaths.dataDir());
            }
            return new DatabaseConfig(url, values.get("user"), values.get("password"));
        }
    }
}
