package org.deskcrm.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests: a fresh in-memory H2 per call, and one embedded PostgreSQL server per
 * test JVM (binaries from Maven Central) with a fresh database per call.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /**
     * A fresh in-memory H2 database that ends when the returned {@link Database} is closed:
     * a suite of hundreds of them otherwise kept every one in the heap until the JVM ran out of it.
     */
    public static Database h2() {
        return Database.open(DatabaseConfig.inMemoryUntilClosed("test" + COUNTER.incrementAndGet()), 4);
    }

    public static synchronized DatabaseConfig postgresConfig() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
            }
            String name = "t" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return new DatabaseConfig(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Database postgres() {
        return Database.open(postgresConfig(), 4);
    }
}
