package org.deskcrm.model.io;

/**
 * A value of the file that names something: a record looked up by name (owner, client, product, stage,
 * pipeline, lead source) or a word of a fixed list (client kind, call direction and status). A name
 * that matches nothing is mapped to a known one in the value-mapping step.
 */
public enum RefKind {
    OWNER, CLIENT, PRODUCT, STAGE, PIPELINE, SOURCE, CLIENT_KIND, CALL_DIRECTION, CALL_STATUS, LOST_REASON;

    /** A name as it is compared: trimmed, lower case, ё as е, inner whitespace folded. */
    public static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT).replace('ё', 'е')
                .replaceAll("\\s+", " ");
    }
}
