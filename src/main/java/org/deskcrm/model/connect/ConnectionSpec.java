package org.deskcrm.model.connect;

import java.util.Objects;

/**
 * A database to connect to as the user filled it in: the kind and its fields. {@code database} is the
 * H2 server's database path, the shared file's folder, or PostgreSQL's database name; unused fields are empty.
 */
public record ConnectionSpec(ConnectionKind kind, String host, int port, String database, String user,
                             String password) {
    public static final int H2_DEFAULT_PORT = 9092;
    public static final int POSTGRES_DEFAULT_PORT = 5432;
    /** The file name (without .mv.db) of a shared H2 database inside its folder. */
    public static final String SHARED_FILE_NAME = "deskcrm";

    public ConnectionSpec {
        Objects.requireNonNull(kind, "kind");
        host = host == null ? "" : host.strip();
        database = database == null ? "" : database.strip();
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
    }

    public static ConnectionSpec local() {
        return new ConnectionSpec(ConnectionKind.LOCAL, "", 0, "", "", "");
    }

    /** The JDBC URL; empty for {@link ConnectionKind#LOCAL}, whose file the application knows. */
    public String url() {
        return switch (kind) {
            case LOCAL -> "";
            case H2_SERVER -> "jdbc:h2:tcp://" + host + ":" + port + "/" + database;
            case H2_SHARED_FILE -> "jdbc:h2:file:" + java.nio.file.Path.of(database).resolve(SHARED_FILE_NAME)
                    .toAbsolutePath() + ";AUTO_SERVER=TRUE";
            case POSTGRES -> "jdbc:postgresql://" + host + ":" + port + "/" + database;
        };
    }

    /** The fields the kind needs that are empty or out of range, as resource-bundle keys (empty when complete). */
    public java.util.List<String> missing() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        if (kind == ConnectionKind.H2_SERVER || kind == ConnectionKind.POSTGRES) {
            if (host.isEmpty()) {
                keys.add("connect.field.host");
            }
            if (port <= 0 || port > 65535) {
                keys.add("connect.field.port");
            }
        }
        if (kind != ConnectionKind.LOCAL && database.isEmpty()) {
            keys.add(kind == ConnectionKind.H2_SHARED_FILE ? "connect.field.folder" : "connect.field.database");
        }
        if (kind == ConnectionKind.POSTGRES && user.isEmpty()) {
            keys.add("connect.field.user");
        }
        return keys;
    }

    /** The same connection without its password (what is remembered unless the user asks otherwise). */
    public ConnectionSpec withoutPassword() {
        return new ConnectionSpec(kind, host, port, database, user, "");
    }

    /** For logs: never the password. */
    @Override
    public String toString() {
        return "ConnectionSpec[" + kind + " " + url() + ", user=" + user + "]";
    }
}
