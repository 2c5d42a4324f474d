package org.deskcrm.ui.connect;

import org.deskcrm.model.connect.ConnectionKind;
import org.deskcrm.model.connect.ConnectionSpec;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The database chosen in File → Connect to database…, remembered per user and machine so the next start
 * opens it (unless {@code --db} is given). The password is kept only when the user ticks "remember
 * password", and then in clear text in the user's preferences (the dialog says so).
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
    }

    /** The same node as the window's other settings ({@code -Ddeskcrm.prefsNode} moves it, for tests). */
    public static ConnectionPreferences forCurrentUser() {
        return new ConnectionPreferences(Preferences.userRoot().node(System.getProperty("deskcrm.prefsNode", "org/deskcrm/shell")));
    }

    /** The remembered connection; empty when none was chosen (the embedded database is used). */
    public Optional<ConnectionSpec> remembered() {
        return ConnectionKind.ofCode(node.get(KIND, null)).map(kind -> new ConnectionSpec(kind, node.get(HOST, ""),
                node.getInt(PORT, 0), node.get(DATABASE, ""), node.get(USER, ""), node.get(PASSWORD, "")));
    }

    public void remember(ConnectionSpec spec, boolean withPassword) {
        node.put(KIND, spec.kind().code());
        node.put(HOST, spec.host());
        node.putInt(PORT, spec.port());
        node.put(DATABASE, spec.database());
        node.put(USER, spec.user());
        if (withPassword && !spec.password().isEmpty()) {
            node.put(PASSWORD, spec.password());
        } else {
            node.remove(PASSWORD);
        }
        try {
            node.flush();
        } catch (BackingStoreException | SecurityException e) {
            // a convenience: the connection works without being remembered
        }
    }
}
