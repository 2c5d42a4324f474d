package org.deskcrm;

import org.deskcrm.persistence.DatabaseConfig;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the window was started with: {@code --db URL [--user U --password P]} and {@code --lang ru|en}
 * (also as {@code --db=URL}), or the system properties {@code deskcrm.db}, {@code deskcrm.user},
 * {@code deskcrm.password}, {@code deskcrm.lang}. Without a database the embedded one in the data folder is used.
 */
public record StartupOptions(String dbUrl, String user, String password, String language) {

    public static StartupOptions parse(List<String> args, Properties system) {
        String db = system.getProperty("deskcrm.db");
        String user = system.getProperty("deskcrm.user");
        String password = system.getProperty("deskcrm.password");
        String lang = system.getProperty("deskcrm.lang");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 2) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else if (a.startsWith("--") && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                name = a.substring(2);
                value = args.get(++i);
            } else {
                continue;
            }
            switch (name) {
                case "db" -> db = value;
                case "user" -> user = value;
                case "password" -> password = value;
                case "lang" -> lang = value;
                default -> {
                    // options of other parts (JavaFX, the command line) are not ours
                }
            }
        }
        return new StartupOptions(blankToNull(db), user, password, blankToNull(lang));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The database to open; throws IllegalArgumentException for a malformed URL. */
    public DatabaseConfig database() {
        return dbUrl == null ? DatabaseConfig.embedded(AppPaths.dataDir()) : new DatabaseConfig(dbUrl, user, password);
    }

    public Optional<String> lang() {
        return Optional.ofNullable(language);
    }
}
