package org.deskcrm.model.client;

public enum ChannelKind {
    PHONE, EMAIL, WHATSAPP, TELEGRAM;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ChannelKind ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
