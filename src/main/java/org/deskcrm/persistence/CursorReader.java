package org.deskcrm.persistence;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.impl.DefaultTransactionProvider;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a query's rows one at a time through a JDBC cursor ({@code fetchSize} + {@code fetchLazy})
 * instead of materializing the result: PostgreSQL then sends the rows in batches (it needs a
 * transaction for that), H2 produces them as they are read (its lazy execution; otherwise it builds the
 * whole result first, in a temporary file past {@code MAX_MEMORY_ROWS}, and its kept statement holds the
 * last result until it runs again). Used by the list exports, which must not hold a million rows in heap,
 * and by the reports' reads of hundreds of thousands of rows.
 */
public final class CursorReader {
    public static final int FETCH_SIZE = 1_000;

    private CursorReader() {
    }

    /**
     * Maps every row of the query and hands it to {@code sink}; returns how many rows were read. An
     * unchecked exception thrown by the sink (e.g. a cancellation) stops the read and closes the cursor.
     */
    public static <R extends Record, T> long read(DSLContext dsl, Function<DSLContext, ? extends ResultQuery<R>> query,
                                                  RecordMapper<? super R, T> mapper, Consumer<? super T> sink) {
        return streamed(dsl, d -> {
            long n = 0;
            try (Cursor<R> cursor = query.apply(d).fetchSize(FETCH_SIZE).fetchLazy()) {
                for (R r : cursor) {
                    sink.accept(mapper.map(r));
                    n++;
                }
            }
            return n;
        });
    }

    /** {@link #read}, every row mapped into a list: the rows are streamed, only the mapped values are kept. */
    public static <R extends Record, T> List<T> list(DSLContext dsl, Function<DSLContext, ? extends ResultQuery<R>> query,
                                                     RecordMapper<? super R, T> mapper) {
        List<T> rows = new ArrayList<>();
        read(dsl, query, mapper, rows::add);
        return rows;
    }

    /** Reads one row from a JDBC result set positioned on it, by the columns' positions in the query. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * {@link #list} for the reads of hundreds of thousands of rows: each row is read straight from the driver's
     * result set by typed getters, without a jOOQ record per row (which took as long as the database's read of a
     * year's closed deals at 1 000 000 deals). The query is still built and executed by jOOQ, listeners and all.
     */
    public static <T> List<T> listRows(DSLContext dsl, Function<DSLContext, ? extends ResultQuery<?>> query,
                                       RowReader<T> row) {
        List<T> rows = new ArrayList<>();
        eachRow(dsl, query, rs -> rows.add(row.read(rs)));
        return rows;
    }

    /** Takes one row from a JDBC result set positioned on it, by the columns' positions in the query. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    /** Hands every row of the query, as the driver's result set positioned on it, to {@code row} ({@link #listRows}). */
    public static long eachRow(DSLContext dsl, Function<DSLContext, ? extends ResultQuery<?>> query, RowHandler row) {
        return streamed(dsl, d -> {
            long n = 0;
            try (Cursor<?> cursor = query.apply(d).fetchSize(FETCH_SIZE).fetchLazy()) {
                ResultSet rs = cursor.resultSet();
                while (rs.next()) {
                    row.handle(rs);
                    n++;
                }
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException("reading rows: " + e.getMessage(), e);
            }
            return n;
        });
    }

    /** A nullable BIGINT column of the row. */
    public static Long nullableLong(ResultSet row, int column) throws SQLException {
        long v = row.getLong(column);
        return row.wasNull() ? null : v;
    }

    /** A TIMESTAMP WITH TIME ZONE column of the row as an instant (null for SQL NULL). */
    public static java.time.Instant instant(ResultSet row, int column) throws SQLException {
        java.time.OffsetDateTime v = row.getObject(column, java.time.OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    /**
     * Runs {@code read} where its queries stream their rows: on PostgreSQL in a transaction (the driver then
     * fetches a cursor by batches) — the caller's when it holds one, else one of its own; on H2 on one connection
     * with lazy execution for the duration (the rows are produced as they are read: no temporary file, no sort on
     * disk for an ORDER BY the index gives, no result kept after the read).
     */
    public static <T> T streamed(DSLContext dsl, Function<DSLContext, T> read) {
        if (dsl.dialect().family() != SQLDialect.H2) {
            // inside a caller's transaction (the application's thread-bound one, or a restore's plain connection) a
            // transaction of its own would end the caller's: it closed the thread-bound one's connection, and it
            // would commit a plain connection half-way
            boolean callersTransaction = dsl.connectionResult(c -> !c.getAutoCommit());
            return callersTransaction ? read.apply(dsl) : dsl.transactionResult(c -> read.apply(c.dsl()));
        }
        return dsl.connectionResult(c -> {
            // this connection alone, with the configuration's listeners (the benchmarks record the statements). The
            // transaction provider is replaced too: jOOQ takes a configuration's connections from its thread-local
            // transaction provider when it has one, so with the connection alone every query went to another pooled
            // connection, where lazy execution was off (a year's closed deals at 1 000 000 deals written to a
            // temporary file: 1.5 s of the read's 2.4 s)
            DefaultConnectionProvider connection = new DefaultConnectionProvider(c);
            DSLContext one = DSL.using(dsl.configuration().derive(new DefaultTransactionProvider(connection))
                    .derive(connection));
            try (Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            try {
                return read.apply(one);
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        });
    }
}
