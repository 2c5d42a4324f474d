package org.deskcrm.model.io;

/**
 * One field of an import target: its stable key (also the default column header), what a cell must
 * hold, whether a value is required and the longest text it takes; a reference field names the kind of
 * record looked up by name.
 */
public record ImportField(String key, Type type, boolean required, int maxLength, RefKind ref) {
    /** What a cell of the field must hold. */
    public enum Type { TEXT, INTEGER, DECIMAL, DATE, DATETIME, BOOLEAN, INN, KPP, PHONE, EMAIL, URL, REF }

    static ImportField required(String key, Type type, int maxLength) {
        return new ImportField(key, type, true, maxLength, null);
    }

    static ImportField optional(String key, Type type, int maxLength) {
        return new ImportField(key, type, false, maxLength, null);
    }

    static ImportField ref(String key, RefKind kind, boolean required) {
        return new ImportField(key, Type.REF, required, 300, kind);
    }
}
