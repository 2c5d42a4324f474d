package org.deskcrm.model.audit;

/** What happened, as the event feed shows it. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, ARCHIVE, MOVE, IMPORT, EXPORT, SIGN_IN, SIGN_OUT, BACKUP, RESTORE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AuditAction ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
