package org.deskcrm.ui.client;

import org.deskcrm.AppContext;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A real H2 database with reference data and two managers, and the client screens' context on top. */
final class ClientUiFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    final AppContext app;
    final long managerId;
    final long otherManagerId;
    final List<String> links = new ArrayList<>();
    final I18n i18n = new I18n(Locale.ENGLISH);

    ClientUiFixture() {
        this(TestDatabases.h2());
    }

    ClientUiFixture(Database db) {
        app = new AppContext(db, Clock.fixed(NOW, ZoneOffset.UTC));
        app.referenceData().ensureDefaults(Locale.ENGLISH);
        managerId = app.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        otherManagerId = app.users().insert(User.draft("boris", "Boris Ivanov", Role.MANAGER, null), null);
    }

    ClientUiContext context(TaskExecutor executor, Workspace workspace, DialogService dialogs) {
        return ClientScreens.context(app, executor, i18n, workspace, dialogs, links::add, () -> managerId,
                ZoneId.of("UTC"));
    }

    @Override
    public void close() {
        app.close();
    }
}
