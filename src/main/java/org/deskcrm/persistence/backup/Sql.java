package org.deskcrm.persistence.backup;

/** Identifier quoting shared by backup and restore (names come from the database's own metadata). */
final class Sql {
    private Sql() {
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
