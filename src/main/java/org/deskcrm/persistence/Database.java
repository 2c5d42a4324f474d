package org.deskcrm.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The one pooled DataSource and the one DSLContext of the application.
 * Opening it upgrades the schema with Flyway, so any database the app connects to is current, then
 * checks the schema against the migrations' definition and repairs it ({@link SchemaIntegrity}). The window
 * opens it with the comparison in the background ({@link #openCheckingInBackground}): killed bulk loads are
 * undone and identities moved before it returns, the rest runs while the person signs in, and the main
 * window waits for it ({@link #schemaReport}).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final SQLDialect dialect;
    private final int migrationsApplied;
    private final java.util.concurrent.CompletableFuture<SchemaReport> schemaCheck;
    private final boolean schemaOwner;

    private Database(DatabaseConfig config, int poolSize, SchemaIntegrity.Listener repairProgress, boolean checkLater,
                     java.util.function.Consumer<String> openingSteps) {
        this.config = config;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.effectiveUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(1);
        hc.setPoolName("deskcrm");
        // an embedded H2 file is opened by this process: a large one on a busy machine takes longer than a
        // network connection should (a 270 MB file took 12 s at load 16) — wait for it rather than fail
        // (an H2 server over tcp/ssl is a network connection like PostgreSQL: an unreachable one fails fast)
        boolean embedded = config.isH2() && !config.url().startsWith("jdbc:h2:tcp:") && !config.url().startsWith("jdbc:h2:ssl:");
        hc.setConnectionTimeout(embedded ? 120_000 : 15_000);
        hc.setInitializationFailTimeout(-1);
        if (config.isInMemory()) {
            // an in-memory database without DB_CLOSE_DELAY lives while a connection is open: never retire the last one
            hc.setMaxLifetime(0);
        }
        this.dataSource = new HikariDataSource(hc);
        try {
            this.dialect = config.isPostgres() ? SQLDialect.POSTGRES : SQLDialect.H2;
            // a person's own PostgreSQL role (ADR 0015) neither migrates nor repairs: only the owner changes the schema
            this.schemaOwner = !config.isPostgres() || SchemaOwner.isOwner(dataSource);
            this.migrationsApplied = schemaOwner ? migrate(dataSource, dialect) : SchemaOwner.requireCurrent(dataSource);
            this.schemaCheck = !schemaOwner
                    ? java.util.concurrent.CompletableFuture.completedFuture(
                            SchemaReport.skipped("connected as " + config.user() + ", not as the schema's owner"))
                    : checkLater ? checkInBackground(dataSource, dialect == SQLDialect.POSTGRES, repairProgress)
                    : java.util.concurrent.CompletableFuture.completedFuture(
                            SchemaIntegrity.checkAndRepair(dataSource, dialect == SQLDialect.POSTGRES, repairProgress));
            Settings settings = new Settings()
                    .withExecuteWithOptimisticLocking(true)
                    .withReturnIdentityOnUpdatableRecord(true)
                    // instants are bound as timestamptz values, not as formatted strings: PostgreSQL cannot estimate a
                    // range of "cast($1 as timestamptz)" from a text parameter and planned the reports' period
                    // conditions blind — at 1 000 000 deals the snapshot funnel took 1.5-2.0 s against 0.6-0.8 s for
                    // the same statement with typed parameters (the "app slower than its replay" of performance.md)
                    .withBindOffsetDateTimeType(true);
            // thread-bound transactions: a service can wrap several repository calls in one transaction
            DataSourceConnectionProvider connections = new DataSourceConnectionProvider(dataSource);
            this.dsl = DSL.using(new DefaultConfiguration()
                    .set(connections)
                    .set(new ThreadLocalTransactionProvider(connections))
                    .set(dialect)
                    .set(settings));
            if (schemaOwner) {
                new org.deskcrm.persistence.totals.DealTotals(dsl).buildIfMissing(openingSteps);
                org.deskcrm.persistence.totals.MainProducts.buildIfMissing(dsl, openingSteps);
                new org.deskcrm.persistence.totals.CallTotals(dsl).buildIfMissing(openingSteps);
                new org.deskcrm.persistence.totals.ActivityTotals(dsl).buildIfMissing(openingSteps);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Connects, upgrades the schema, and returns a ready database. */
    public static Database open(DatabaseConfig config) {
        return new Database(config, defaultPool(config), SchemaIntegrity.Listener.LOG_ONLY, false, step -> { });
    }

    public static Database open(DatabaseConfig config, int poolSize) {
        return new Database(config, poolSize, SchemaIntegrity.Listener.LOG_ONLY, false, step -> { });
    }

    /** Opens the database, reporting the progress of a schema repair (if the start needs one) to the listener. */
    public static Database open(DatabaseConfig config, int poolSize, SchemaIntegrity.Listener repairProgress) {
        return new Database(config, poolSize, repairProgress, false, step -> { });
    }

    /**
     * Opens the database for the window: killed bulk loads are undone and identities moved before this returns
     * (a sign-in writes), while the comparison of indexes and constraints with the migrations' definition and
     * its repair — about 1.5 s for building the definition alone — run on a background thread; the main window
     * waits for them through {@link #schemaReport}.
     */
    public static Database openCheckingInBackground(DatabaseConfig config) {
        return openCheckingInBackground(config, step -> { });
    }

    /**
     * {@link #openCheckingInBackground(DatabaseConfig)}; {@code openingSteps} hears the steps of building stored
     * totals that are missing (the first start after an upgrade that changed them: minutes at 1 M deals), which
     * the splash shows instead of a bare "opening".
     */
    public static Database openCheckingInBackground(DatabaseConfig config, java.util.function.Consumer<String> openingSteps) {
        return new Database(config, defaultPool(config), SchemaIntegrity.Listener.LOG_ONLY, true, openingSteps);
    }

    private static int defaultPool(DatabaseConfig config) {
        return config.isH2() ? 4 : 8;
    }

    private static java.util.concurrent.CompletableFuture<SchemaReport> checkInBackground(
            DataSource ds, boolean postgres, SchemaIntegrity.Listener progress) {
        SchemaIntegrity.Recovered recovered = SchemaIntegrity.recover(ds, postgres);
        if (recovered.skipped() != null) {
            return java.util.concurrent.CompletableFuture.completedFuture(recovered.skipped());
        }
        java.util.concurrent.CompletableFuture<SchemaReport> check = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> check.complete(SchemaIntegrity.compareAndRepair(ds, postgres, recovered, progress)),
                "deskcrm-schema-check");
        t.setDaemon(true);
        t.start();
        return check;
    }

    /**
     * Portable migrations live in db/migration (jOOQ's code is generated from them); the few
     * statements that must differ per database live in db/vendor/h2 and db/vendor/postgresql
     * under the same version numbers.
     */
    private static int migrate(DataSource ds, SQLDialect dialect) {
        Migrations.followRenames(ds);
        Flyway flyway = Migrations.flyway(ds, dialect == SQLDialect.POSTGRES);
        java.util.Optional<String> newer = Migrations.newerVersion(flyway);
        if (newer.isPresent()) { // a newer DeskCRM upgraded this database: refuse rather than misread it
            throw new org.deskcrm.model.common.AppException(Migrations.NEWER_SCHEMA_KEY, newer.get());
        }
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Schema upgraded to version {} ({} migrations)", result.targetSchemaVersion, result.migrationsExecuted);
        }
        return result.migrationsExecuted;
    }

    /**
     * Runs the work in one transaction; every repository call made inside it on this thread joins it
     * (nested calls become savepoints). Commits on return, rolls back on any exception.
     */
    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult(work::get);
    }

    public void inTransaction(Runnable work) {
        dsl.transaction(work::run);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseConfig config() {
        return config;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public boolean isPostgres() {
        return dialect == SQLDialect.POSTGRES;
    }

    /** How many migrations this open applied (0 when the schema was already current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /**
     * Whether this connection's role owns the schema (always on H2): false when a person signed in to
     * PostgreSQL with an own role, whose rights the database narrows (ADR 0015).
     */
    public boolean isSchemaOwner() {
        return schemaOwner;
    }

    /** What the schema check of this open found and repaired; waits for a check still running in the background. */
    public SchemaReport schemaReport() {
        return schemaCheck.join();
    }

    /** Whether the schema check has finished (always, unless opened with {@link #openCheckingInBackground}). */
    public boolean schemaChecked() {
        return schemaCheck.isDone();
    }

    /** Closes the pool, after a schema check still running (a repair is never cut off half-way). */
    @Override
    public void close() {
        schemaCheck.join();
        dataSource.close();
    }
}
