package org.deskcrm.service.connect;

import org.deskcrm.model.connect.ConnectionCheck;
import org.deskcrm.model.connect.ConnectionKind;
import org.deskcrm.model.connect.ConnectionSpec;
import org.deskcrm.persistence.ConnectionProbe;
import org.deskcrm.persistence.DatabaseConfig;

import java.nio.file.Path;

/**
 * Turns what the user filled in (a {@link ConnectionSpec}) into the database configuration, and tests
 * it without opening the application on it. Works without any database open (it runs before one is).
 */
public final class ConnectionService {
    private final Path localDataDir;
    private final ConnectionProbe probe = new ConnectionProbe();

    /** {@code localDataDir}: the folder of the embedded database ("this computer"). */
    public ConnectionService(Path localDataDir) {
        this.localDataDir = localDataDir;
    }

    public DatabaseConfig config(ConnectionSpec spec) {
        if (spec.kind() == ConnectionKind.LOCAL) {
            return DatabaseConfig.embedded(localDataDir);
        }
        return new DatabaseConfig(spec.url(), spec.user(), spec.password());
    }

    /** Connects once and reports what was found (blocking: call it off the FX thread). */
    public ConnectionCheck test(ConnectionSpec spec) {
        return probe.test(config(spec));
    }

    /** The outcome a failure of opening the database amounts to (for the localized message). */
    public ConnectionCheck.Outcome explain(Throwable failure) {
        return ConnectionProbe.outcomeOf(failure);
    }
}
