package org.deskcrm.trust;

import org.deskcrm.persistence.Database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What must hold in the database after any crash: no row points at a missing row (every foreign key
 * of the schema, read from the metadata), every deal has exactly one open stage-history row and it is
 * the deal's stage, every imported call file is present whole or not at all (and has its import
 * event), and the crash-test client's counter, version and update events agree. Returns the problems
 * found (empty when the database is sound).
 */
final class IntegrityCheck {
    private IntegrityCheck() {
    }

    static List<String> problems(Database db, long editClient) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            foreignKeys(c, s, problems);
            one(s, problems, "deals whose open stage-history row is missing, doubled or not the deal's stage",
                    "SELECT COUNT(*) FROM deal d WHERE (SELECT COUNT(*) FROM deal_stage_history h WHERE h.deal_id = d.id"
                            + " AND h.left_at IS NULL AND h.to_stage_id = d.stage_id) <> 1"
                            + " OR (SELECT COUNT(*) FROM deal_stage_history h WHERE h.deal_id = d.id AND h.left_at IS NULL) <> 1");
            for (Map.Entry<String, Long> file : importedFiles(s).entrySet()) {
                if (file.getValue() != CrashWorkload.CALLS_PER_FILE) {
                    problems.add("call file " + file.getKey() + " half imported: " + file.getValue() + " of "
                            + CrashWorkload.CALLS_PER_FILE);
                }
            }
            one(s, problems, "imported call files minus their import events " + importEvents(s),
                    "SELECT " + importedFiles(s).size() + " - COUNT(*) FROM audit_event WHERE action = 'import' AND entity = 'call'");
            if (editClient > 0) {
                try (ResultSet rs = s.executeQuery("SELECT notes, version, (SELECT COUNT(*) FROM audit_event a"
                        + " WHERE a.entity = 'client' AND a.entity_id = c.id AND a.action = 'update') FROM client c WHERE id = " + editClient)) {
                    rs.next();
                    long notes = Long.parseLong(rs.getString(1));
                    if (notes != rs.getLong(2) || notes != rs.getLong(3)) {
                        problems.add("edited client: counter " + notes + ", version " + rs.getLong(2) + ", update events " + rs.getLong(3));
                    }
                }
            }
        }
        return problems;
    }

    /** Imported crash-test call files ({@code k<cycle>.<file>.}) and how many of their calls exist. */
    static Map<String, Long> importedFiles(Statement s) throws SQLException {
        Map<String, Long> files = new TreeMap<>();
        // the Asterisk import keys a call "ast:<uniqueid>:<hash>"; the harness's unique ids are k<cycle>.<file>.<row>
        try (ResultSet rs = s.executeQuery("SELECT external_key FROM phone_call WHERE external_key LIKE 'ast:k%.%.%:%'")) {
            while (rs.next()) {
                String key = rs.getString(1).substring(4);
                key = key.substring(0, key.indexOf(':'));
                files.merge(key.substring(0, key.lastIndexOf('.') + 1), 1L, Long::sum);
            }
        }
        return files;
    }

    private static List<String> importEvents(Statement s) throws SQLException {
        List<String> events = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT id, details FROM audit_event WHERE action = 'import' AND entity = 'call'")) {
            while (rs.next()) {
                events.add(rs.getLong(1) + ":" + rs.getString(2));
            }
        }
        return events;
    }

    static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void one(Statement s, List<String> problems, String what, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            if (rs.getLong(1) != 0) {
                problems.add(what + ": " + rs.getLong(1));
            }
        }
    }

    /** Every foreign key of the schema: child rows whose key points at no parent row. */
    private static void foreignKeys(Connection c, Statement s, List<String> problems) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String t : tables) {
            try (ResultSet rs = md.getImportedKeys(null, c.getSchema(), t)) {
                List<String[]> fks = new ArrayList<>();
                while (rs.next()) {
                    fks.add(new String[]{rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")});
                }
                for (String[] fk : fks) {
                    one(s, problems, "orphans in " + t + "." + fk[0], "SELECT COUNT(*) FROM \"" + t + "\" x WHERE x.\""
                            + fk[0] + "\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"" + fk[1] + "\" p WHERE p.\""
                            + fk[2] + "\" = x.\"" + fk[0] + "\")");
                }
            }
        }
    }
}
