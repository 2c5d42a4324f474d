package org.deskcrm.ui.connect;

import org.deskcrm.AppContext;
import org.deskcrm.model.connect.ConnectionSpec;

/** What the application does for File → Connect to database…: open the new database, then move the window to it. */
public interface DatabaseSwitch {
    /** Off the FX thread: connects, upgrades the schema with Flyway and prepares the reference data. */
    AppContext open(ConnectionSpec spec) throws Exception;

    /**
     * On the FX thread: closes the current database, remembers the choice (never the password) and asks
     * for a sign-in to the opened one; returns false (and keeps the current one) when open tabs refuse to close.
     */
    boolean switchTo(AppContext opened, ConnectionSpec spec);
}
