package org.deskcrm.ui.connect;

import org.deskcrm.model.connect.ConnectionKind;
import org.deskcrm.model.connect.ConnectionSpec;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The database chosen in File → Connect to database…, remembered per user and machine so the next start
 * opens it (unless {@code --db} is given). The password is never remembered (ADR 0011): the preferences
 * file is plain text, and no operating-system key store could be used and tested here, so the dialog asks
 * for it on every connect. A password an older version left in the preferences is removed when the
 * preferences are opened.
 */
public final class ConnectionPreferences {
    private static final String KIND = "connection.kind";
    private static final String HOST = "connection.host";
    private static final String PORT = "connection.port";
    private static final String DATABASE = "connection.database";
    private static final String USER = "connection.user";
    private static final String PASSWORD = "connection.password";

    private final Preferences node;

    public ConnectionPreferences(Preferences node) {
        this.node = node;
        if (node.get(PASSWORD, null) != null) { // a clear-text password remembered by an older version
            node.remove(PASSWORD);
            flush();
        }
    }

    /** The same node as the window's other settings ({@code -Ddeskcrm.prefsNode} moves it, for tests). */
    public static ConnectionPreferences forCurrentUser() {
        return new ConnectionPreferences(Preferences.userRoot().node(System.getProperty("deskcrm.prefsNode", "org/deskcrm/shell")));
    }

    /** The remembered connection; empty when none was chosen (the embedded database is used). */
    public Optional<ConnectionSpec> remembered() {
        return ConnectionKind.ofCode(node.get(KIND, null)).map(kind -> new ConnectionSpec(kind, node.get(HOST, ""),
                node.getInt(PORT, 0), node.get(DATABASE, ""), node.get(USER, ""), ""));
    }

    /** Remembers where to connect and as whom; never the password. */
    public void remember(ConnectionSpec spec) {
        node.put(KIND, spec.kind().code());
        node.put(HOST, spec.host());
        node.putInt(PORT, spec.port());
        node.put(DATABASE, spec.database());
        node.put(USER, spec.user());
        node.remove(PASSWORD);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | SecurityException e) {
            // a convenience: the connection works without being remembered
        }
    }
}
