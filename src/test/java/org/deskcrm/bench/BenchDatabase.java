package org.deskcrm.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.deskcrm.persistence.DatabaseConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The databases the benchmark runs on: {@code h2} (a file database under the work folder),
 * {@code postgresql} (an embedded PostgreSQL server whose data folder is kept under the work folder, so
 * the data set is generated once) or any JDBC URL. The data set is kept between runs, per size.
 */
final class BenchDatabase implements AutoCloseable {
    private final String label;
    private final DatabaseConfig config;
    private final EmbeddedPostgres server;

    private BenchDatabase(String label, DatabaseConfig config, EmbeddedPostgres server) {
        this.label = label;
        this.config = config;
        this.server = server;
    }

    static BenchDatabase open(String spec, String sizeName, Path work, String user, String password) throws Exception {
        if (spec.equals("h2")) {
            Path dir = work.resolve("h2-" + sizeName);
            Files.createDirectories(dir);
            return new BenchDatabase("h2", DatabaseConfig.embedded(dir), null);
        }
        if (spec.equals("postgresql") || spec.equals("pg")) {
            Path dir = work.resolve("pg-" + sizeName);
            Files.createDirectories(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("select 1 from pg_database where datname = 'deskcrm'");
                if (!rs.next()) {
                    s.execute("CREATE DATABASE deskcrm");
                }
            }
            // -Dbench.pgOptions=prepareThreshold=0 (say) adds driver options to the URL, for comparing settings
            String url = pg.getJdbcUrl("postgres", "deskcrm");
            String extra = System.getProperty("bench.pgOptions", "");
            if (!extra.isBlank()) {
                url += (url.contains("?") ? "&" : "?") + extra;
            }
            return new BenchDatabase("postgresql", new DatabaseConfig(url, "postgres", "postgres"), pg);
        }
        DatabaseConfig config = new DatabaseConfig(spec, user, password);
        return new BenchDatabase(config.isPostgres() ? "postgresql" : config.isH2() ? "h2" : "db", config, null);
    }

    String label() {
        return label;
    }

    DatabaseConfig config() {
        return config;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
