package org.deskcrm.persistence;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a query's rows one at a time through a JDBC cursor ({@code fetchSize} + {@code fetchLazy})
 * instead of materializing the result: PostgreSQL then sends the rows in batches (it needs a
 * transaction for that), H2 keeps at most its {@code MAX_MEMORY_ROWS} in memory and spills the rest
 * to a temporary file. Used by the list exports, which must not hold a million rows in heap.
 */
final class CursorReader {
    static final int FETCH_SIZE = 1_000;

    private CursorReader() {
    }

    /**
     * Maps every row of the query and hands it to {@code sink}; returns how many rows were read. An
     * unchecked exception thrown by the sink (e.g. a cancellation) stops the read and closes the cursor.
     */
    static <R extends Record, T> long read(DSLContext dsl, Function<DSLContext, ? extends ResultQuery<R>> query,
                                           RecordMapper<? super R, T> mapper, Consumer<? super T> sink) {
        return dsl.transactionResult(c -> {
            long n = 0;
            try (Cursor<R> cursor = query.apply(c.dsl()).fetchSize(FETCH_SIZE).fetchLazy()) {
                for (R r : cursor) {
                    sink.accept(mapper.map(r));
                    n++;
                }
            }
            return n;
        });
    }
}
