package org.deskcrm.bench;

import org.deskcrm.persistence.Database;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the SQL the application executes on this thread, as rendered by jOOQ, with its bind values,
 * so that exactly the same statements can be run again over plain JDBC: a report's floor is then "the
 * same aggregate run directly", and the report's time over it is the price of what the application adds
 * (building the query, mapping rows, grouping and labelling in Java, assembling the report).
 */
final class QueryRecorder implements ExecuteListener {
    /** One executed statement and the values bound to its parameters. */
    record Statement(String sql, List<Object> binds) {
    }

    private final ThreadLocal<List<Statement>> target = new ThreadLocal<>();

    /** Installs a recorder on the database's jOOQ configuration (shared by every repository). */
    static QueryRecorder install(Database db) {
        QueryRecorder r = new QueryRecorder();
        db.dsl().configuration().set(new DefaultExecuteListenerProvider(r));
        return r;
    }

    /** Runs the action and returns the statements it executed on this thread, in order. */
    List<Statement> record(Samples.Action action, int i) throws Exception {
        List<Statement> list = new ArrayList<>();
        target.set(list);
        try {
            action.run(i);
        } finally {
            target.remove();
        }
        return list;
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        List<Statement> list = target.get();
        if (list != null && ctx.sql() != null) {
            List<Object> binds = ctx.query() == null ? List.of() : new ArrayList<>(ctx.query().getBindValues());
            list.add(new Statement(ctx.sql(), binds));
        }
    }

    /** Runs the statements over plain JDBC, reading every row and column; returns the cells read. */
    static long replay(Connection c, List<Statement> statements) throws SQLException {
        long cells = 0;
        for (Statement s : statements) {
            cells += Sql.drain(c, s.sql(), s.binds().toArray());
        }
        return cells;
    }
}
