package org.deskcrm.model.client;

public enum ClientKind {
    COMPANY, PERSON;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ClientKind ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
