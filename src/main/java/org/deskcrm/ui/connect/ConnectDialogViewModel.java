package org.deskcrm.ui.connect;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.connect.ConnectionCheck;
import org.deskcrm.model.connect.ConnectionKind;
import org.deskcrm.model.connect.ConnectionSpec;
import org.deskcrm.service.connect.ConnectionService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The form of File → Connect to database…: the kind and its fields, "Test connection" (a typed result
 * as a localized sentence) and "Connect" (test, open and upgrade in the background, then switch).
 */
public final class ConnectDialogViewModel {
    private final ConnectionService service;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DatabaseSwitch databaseSwitch;

    private final ObjectProperty<ConnectionKind> kind = new SimpleObjectProperty<>(ConnectionKind.LOCAL);
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);

    public ConnectDialogViewModel(ConnectionService service, TaskExecutor executor, I18n i18n,
                                  DatabaseSwitch databaseSwitch, ConnectionSpec current) {
        this.service = service;
        this.executor = executor;
        this.i18n = i18n;
        this.databaseSwitch = databaseSwitch;
        load(current);
        // a new kind starts with its usual port
        kind.addListener((obs, was, now) -> {
            String expected = was == null ? "" : defaultPort(was);
            if (port.get().isBlank() || port.get().equals(expected)) {
                port.set(defaultPort(now));
            }
            clearResult();
        });
    }

    private void load(ConnectionSpec spec) {
        kind.set(spec.kind());
        host.set(spec.host().isEmpty() ? "localhost" : spec.host());
        port.set(spec.port() > 0 ? String.valueOf(spec.port()) : defaultPort(spec.kind()));
        database.set(spec.database());
        user.set(spec.user());
        password.set(spec.password());
    }

    private static String defaultPort(ConnectionKind k) {
        return switch (k) {
            case H2_SERVER -> String.valueOf(ConnectionSpec.H2_DEFAULT_PORT);
            case POSTGRES -> String.valueOf(ConnectionSpec.POSTGRES_DEFAULT_PORT);
            default -> "";
        };
    }

    /** The form as a connection; the port is 0 when it is not a number (then it is reported missing). */
    public ConnectionSpec spec() {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            p = 0;
        }
        return new ConnectionSpec(kind.get(), host.get(), p, database.get(), user.get(), password.get());
    }

    /** Tests the connection in the background and shows the result. */
    public void testConnection() {
        ConnectionSpec spec = spec();
        if (!complete(spec)) {
            return;
        }
        busy.set(true);
        show(i18n.get("connect.status.testing"), false);
        executor.submit(p -> service.test(spec), check -> {
            busy.set(false);
            showCheck(check);
        }, failure -> {
            busy.set(false);
            show(i18n.get("connect.result.failed"), false);
        });
    }

    /** Tests, then opens and upgrades the database in the background, then switches the window to it. */
    public void connect() {
        ConnectionSpec spec = spec();
        if (!complete(spec)) {
            return;
        }
        busy.set(true);
        show(i18n.get("connect.status.opening"), false);
        executor.submit(p -> {
            p.update("connect.step.testing", -1, -1);
            ConnectionCheck check = service.test(spec);
            if (!check.isOk()) {
                return new Opening(check, null);
            }
            p.update("connect.step.upgrading", -1, -1);
            return new Opening(check, databaseSwitch.open(spec));
        }, opening -> {
            busy.set(false);
            if (opening.ctx() == null) {
                showCheck(opening.check());
            } else if (databaseSwitch.switchTo(opening.ctx(), spec)) {
                done.set(true);
            } else {
                opening.ctx().close();
                show(i18n.get("connect.status.tabsOpen"), false);
            }
        }, failure -> {
            busy.set(false);
            show(explain(failure), false);
        });
    }

    /** A localized sentence for a failure of opening: the application's own message, else the kind of failure. */
    private String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AppException a && i18n.has(a.messageKey())) {
                return i18n.format(a.messageKey(), a.args());
            }
        }
        return i18n.get(service.explain(failure).messageKey());
    }

    private record Opening(ConnectionCheck check, AppContext ctx) {
    }

    private boolean complete(ConnectionSpec spec) {
        List<String> missing = spec.missing();
        if (missing.isEmpty()) {
            return true;
        }
        show(i18n.format("connect.status.missing", missing.stream().map(i18n::get).collect(Collectors.joining(", "))),
                false);
        return false;
    }

    private void showCheck(ConnectionCheck check) {
        if (check.isOk()) {
            show(i18n.format("connect.result.ok", check.serverVersion()), true);
        } else if (check.outcome() == ConnectionCheck.Outcome.NEWER_SCHEMA) {
            show(i18n.format("connect.result.newer_schema", check.detail()), false);
        } else {
            show(i18n.get(check.outcome().messageKey())
                    + (check.detail().isEmpty() ? "" : "\n" + check.detail()), false);
        }
    }

    private void show(String text, boolean ok) {
        result.set(text);
        resultOk.set(ok);
    }

    private void clearResult() {
        show("", false);
    }

    public ObjectProperty<ConnectionKind> kindProperty() {
        return kind;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }


    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultOkProperty() {
        return resultOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the window has moved to the new database (the dialog then closes). */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
