package org.deskcrm.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives: a JDBC URL with optional credentials.
 * The default is an embedded H2 file database in the user's data folder.
 */
public record DatabaseConfig(String url, String user, String password) {

    /** Options every H2 URL needs so that jOOQ's lower-case names and NULL ordering match PostgreSQL. */
    static final String H2_OPTIONS = ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("Not a JDBC URL: " + url);
        }
        // H2's default administrator, as for the embedded database: "--db jdbc:h2:file:..." alone works
        user = user == null || user.isEmpty() ? (url.startsWith("jdbc:h2:") ? "sa" : "") : user;
        password = password == null ? "" : password;
    }

    /** The embedded file database {@code <dataDir>/deskcrm.mv.db}. */
    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig("jdbc:h2:file:" + dataDir.resolve("deskcrm").toAbsolutePath(), "sa", "");
    }

    /** A private in-memory H2 database (tests, dry runs). */
    public static DatabaseConfig inMemory(String name) {
        return new DatabaseConfig(IN_MEMORY + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A private in-memory H2 database that ends when the last {@link Database} open on it is closed. */
    public static DatabaseConfig inMemoryUntilClosed(String name) {
        return new DatabaseConfig(IN_MEMORY + name, "sa", "");
    }

    private static final String IN_MEMORY = "jdbc:h2:mem:";

    /** An H2 database held in this process's memory. */
    public boolean isInMemory() {
        return url.startsWith(IN_MEMORY);
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL actually used to connect: H2 URLs get the options the schema relies on. */
    public String effectiveUrl() {
        if (!isH2()) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(url);
        if (!upper.contains("DATABASE_TO_LOWER")) {
            sb.append(";DATABASE_TO_LOWER=TRUE");
        }
        if (!upper.contains("DEFAULT_NULL_ORDERING")) {
            sb.append(";DEFAULT_NULL_ORDERING=HIGH");
        }
        // H2 keeps the parsed form of the last 8 statements of a connection by default; a deal move or a logged
        // call runs more distinct statements than that, so each was parsed again on every write (a quarter of
        // a write's time, measured with the totals benchmark). The first process to open the file sets it.
        if (!upper.contains("QUERY_CACHE_SIZE")) {
            sb.append(";QUERY_CACHE_SIZE=64");
        }
        // H2 keeps a kept statement's last result for an identical repeat (OPTIMIZE_REUSE_RESULTS, left on): that is
        // also how a subquery of "x IN (SELECT …)" runs once per statement rather than once per row — with it off,
        // the lifecycle report took 1.8 s instead of 0.1 s at 100 000 deals and over five minutes at 1 000 000
        // (ADR 0024). Large reads stream instead (CursorReader.streamed), which keeps no result.
        // H2 keeps commits in memory for up to WRITE_DELAY ms (500 by default): a killed process would
        // lose transactions it had already reported as committed (found by the kill -9 harness)
        if (!upper.startsWith("JDBC:H2:MEM:") && !upper.contains("WRITE_DELAY")) {
            sb.append(";WRITE_DELAY=0");
        }
        return sb.toString();
    }

    /** The URL without the password, for logs and the status bar. */
    @Override
    public String toString() {
        return "DatabaseConfig[" + url + ", user=" + user + "]";
    }
}
