package org.deskcrm.model.connect;

/** Where the data lives, as chosen in File → Connect to database…. */
public enum ConnectionKind {
    /** The embedded H2 file in this user's data folder (the default). */
    LOCAL,
    /** An H2 server reached over TCP ({@code jdbc:h2:tcp://host:port/path}). */
    H2_SERVER,
    /** An H2 file in a shared folder, opened with AUTO_SERVER so several computers can use it. */
    H2_SHARED_FILE,
    /** A PostgreSQL server. */
    POSTGRES;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<ConnectionKind> ofCode(String code) {
        for (ConnectionKind k : values()) {
            if (k.code().equals(code)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
