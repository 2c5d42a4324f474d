package org.deskcrm.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bulk_load} table: a load that commits in several steps writes its undo plan in its first
 * commit and removes it after its last step, so a load killed half-way is found at the next start and
 * undone ({@link #recover}): the database holds all of a load or none of it. On PostgreSQL the loading
 * session also holds an advisory lock on the row, so a desktop starting while another one loads sees
 * the load is alive and leaves it alone; an embedded H2 file has only one process.
 */
final class BulkLoadJournal {
    /** The first key of the two-key advisory locks of this table (an arbitrary constant: "DCBL"). */
    private static final int LOCK_SPACE = 0x4443424C;

    /** What {@link #recover} did: the loads it undid and how many loads are still running elsewhere. */
    record Recovery(List<String> undone, int running) {
    }

    private BulkLoadJournal() {
    }

    /** Records a load and its undo plan ({table, key column, first value} in delete order); the caller commits. */
    static long begin(Connection c, boolean postgres, String kind, List<String[]> undo, Instant now) throws SQLException {
        StringBuilder plan = new StringBuilder();
        for (String[] step : undo) {
            plan.append(identifier(step[0])).append(' ').append(identifier(step[1])).append(' ')
                    .append(Long.parseLong(step[2])).append('\n');
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bulk_load (kind, started_at, undo_plan) VALUES (?, ?, ?)",
                new String[]{"id"})) {
            ps.setString(1, kind);
            ps.setObject(2, now.atOffset(ZoneOffset.UTC));
            ps.setString(3, plan.toString());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        if (postgres) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + LOCK_SPACE + ", " + Math.toIntExact(id) + ")");
            }
        }
        return id;
    }

    /** Removes the load's row (the load is complete, or its own undo ran); the caller commits, then {@link #unlock}s. */
    static void end(Connection c, long id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM bulk_load WHERE id = " + id);
        }
    }

    /** Releases the load's advisory lock (PostgreSQL), after the commit that removed its row. */
    static void unlock(Connection c, boolean postgres, long id) throws SQLException {
        if (postgres) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + LOCK_SPACE + ", " + Math.toIntExact(id) + ")");
            }
        }
    }

    /** Undoes every recorded load whose process is gone, each in one transaction. */
    static Recovery recover(Connection c, boolean postgres) throws SQLException {
        List<Object[]> loads = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, kind, started_at, undo_plan FROM bulk_load ORDER BY id DESC")) {
            while (rs.next()) {
                loads.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        List<String> undone = new ArrayList<>();
        int running = 0;
        boolean autoCommit = c.getAutoCommit();
        for (Object[] load : loads) {
            long id = (Long) load[0];
            if (postgres && !tryLock(c, id)) {
                running++;
                continue;
            }
            c.setAutoCommit(false);
            long rows = 0;
            try (Statement s = c.createStatement()) {
                for (String step : ((String) load[3]).split("\n")) {
                    if (step.isBlank()) {
                        continue;
                    }
                    String[] p = step.split(" ");
                    rows += s.executeUpdate("DELETE FROM " + identifier(p[0]) + " WHERE " + identifier(p[1]) + " >= "
                            + Long.parseLong(p[2]));
                }
                end(c, id);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
                unlock(c, postgres, id);
            }
            undone.add(load[1] + " started " + load[2] + ": " + rows + " rows deleted");
        }
        return new Recovery(undone, running);
    }

    private static boolean tryLock(Connection c, long id) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_SPACE + ", " + Math.toIntExact(id) + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unexpected identifier: " + name);
        }
        return name;
    }
}
