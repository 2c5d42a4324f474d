package org.deskcrm.persistence;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.APP_SETTING;

/**
 * A streamed read on H2 runs its queries on the one connection it set to lazy execution (the rows produced as they
 * are read, no temporary result), with the application's own jOOQ configuration — thread-local transactions and
 * all — and inside a caller's transaction on that transaction's connection. The read's queries once went to
 * another pooled connection, not lazy, while the whole suite passed.
 */
class H2CursorReaderTest {
    private Database db;
    private final List<Boolean> lazy = new ArrayList<>();
    private DSLContext dsl;

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        // the application's configuration, plus a listener that notes whether each query's session is lazy
        dsl = DSL.using(db.dsl().configuration().derive(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                try {
                    var session = (org.h2.engine.SessionLocal) ctx.connection()
                            .unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
                    lazy.add(session.isLazyQueryExecution());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        })));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> names(DSLContext d) {
        return CursorReader.list(d, x -> x.select(APP_SETTING.NAME).from(APP_SETTING).orderBy(APP_SETTING.NAME),
                r -> r.value1());
    }

    @Test
    void aStreamedReadsQueriesRunLazilyAndTheConnectionIsResetAfter() {
        dsl.insertInto(APP_SETTING, APP_SETTING.NAME, APP_SETTING.VAL).values("cursor.a", "1").execute();
        lazy.clear();
        assertThat(names(dsl)).contains("cursor.a");
        assertThat(lazy).containsExactly(true);
        lazy.clear();
        // every pooled connection is back to ordinary execution after the read
        for (int i = 0; i < 6; i++) {
            dsl.selectCount().from(APP_SETTING).fetchOne();
        }
        assertThat(lazy).containsOnly(false);
    }

    @Test
    void insideATransactionTheReadSeesItsUncommittedRows() {
        List<String> seen = dsl.transactionResult(c -> {
            c.dsl().insertInto(APP_SETTING, APP_SETTING.NAME, APP_SETTING.VAL).values("cursor.b", "2").execute();
            lazy.clear();
            return names(c.dsl());
        });
        assertThat(seen).contains("cursor.b");
        assertThat(lazy).containsExactly(true);
    }
}
