package org.deskcrm.persistence.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail across a restore: the events of the database being replaced are read before the
 * wipe and appended after the restored events, in the restore's transaction, so a restore can never
 * erase the trail (ADR 0011). An event keeps its author when a user with the same login exists in the
 * restored data; otherwise the author's login is kept in the details.
 */
final class AuditTrail {
    private static final String COLUMNS = "occurred_at, action, entity, entity_id, field_name, old_value, new_value, details";
    private static final int DETAILS_SIZE = 4000;

    private AuditTrail() {
    }

    /** The current events, oldest first, each as its {@link #COLUMNS} values followed by the author's login. */
    static List<Object[]> read(Connection c) throws SQLException {
        List<Object[]> events = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT a.occurred_at, a.action, a.entity, a.entity_id, a.field_name,"
                     + " a.old_value, a.new_value, a.details, u.login FROM audit_event a"
                     + " LEFT JOIN app_user u ON u.id = a.user_id ORDER BY a.id")) {
            while (rs.next()) {
                Object[] e = new Object[9];
                e[0] = rs.getObject(1, java.time.OffsetDateTime.class);
                for (int i = 1; i < 9; i++) {
                    e[i] = rs.getObject(i + 1);
                }
                events.add(e);
            }
        }
        return events;
    }

    /**
     * Appends the events read before the restore after the restored ones, except those the backup
     * itself brought back (a backup of this very database holds its events up to the backup).
     */
    static void append(Connection c, List<Object[]> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        java.util.Set<String> restored = new java.util.HashSet<>();
        read(c).forEach(e -> restored.add(key(e)));
        Map<String, Long> users = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT login, id FROM app_user")) {
            while (rs.next()) {
                users.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (" + COLUMNS + ", user_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Object[] e : events) {
                if (restored.contains(key(e))) {
                    continue;
                }
                String login = (String) e[8];
                Long user = login == null ? null : users.get(login);
                Object details = e[7];
                if (login != null && user == null) {
                    String by = "by " + login + (details == null ? "" : "; " + details);
                    details = by.length() > DETAILS_SIZE ? by.substring(0, DETAILS_SIZE) : by;
                }
                for (int i = 0; i < 7; i++) {
                    ps.setObject(i + 1, e[i]);
                }
                ps.setObject(8, details);
                ps.setObject(9, user);
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static String key(Object[] e) {
        StringBuilder b = new StringBuilder();
        for (Object v : e) {
            b.append(v instanceof java.time.OffsetDateTime t ? t.toInstant() : v).append('\u0001');
        }
        return b.toString();
    }
}
