package org.deskcrm.ui.user;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.user.User;
import org.deskcrm.service.user.AuthService;
import org.deskcrm.service.user.PasswordNotSetException;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The sign-in form: login and password, or on a new installation the administrator's first password
 * (twice). Checking runs off the FX thread (a slow hash takes a noticeable moment); a refusal shows as
 * a localized sentence, a success hands the user on.
 */
public class SignInViewModel {
    private final AuthService auth;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final boolean createAdmin;
    private final StringProperty login = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty choosePassword = new SimpleBooleanProperty(false);

    public SignInViewModel(AuthService auth, TaskExecutor executor, I18n i18n, boolean createAdmin,
                           String lastLogin) {
        this.auth = auth;
        this.executor = executor;
        this.i18n = i18n;
        this.createAdmin = createAdmin;
        login.set(createAdmin ? org.deskcrm.service.settings.ReferenceDataService.ADMIN_LOGIN
                : lastLogin == null ? "" : lastLogin);
    }

    /** Whether this is the first start, which sets the administrator's password instead of checking one. */
    public boolean createAdmin() {
        return createAdmin;
    }

    public StringProperty login() {
        return login;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty repeat() {
        return repeat;
    }

    public ReadOnlyStringProperty error() {
        return error;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /**
     * True once the login named a person without a password (an imported person): the form then asks
     * for a new password twice and sets it.
     */
    public ReadOnlyBooleanProperty choosePassword() {
        return choosePassword;
    }

    /** Checks the form; {@code onSignedIn} gets the user on the FX thread. */
    public void submit(Consumer<User> onSignedIn) {
        if (busy.get()) {
            return;
        }
        char[] pw = password.get().toCharArray();
        char[] rep = repeat.get().toCharArray();
        String name = login.get();
        boolean first = choosePassword.get();
        busy.set(true);
        error.set("");
        executor.submit(p -> {
            try {
                return createAdmin ? auth.createAdminPassword(pw, rep)
                        : first ? auth.setFirstPassword(name, pw, rep) : auth.signIn(name, pw);
            } finally {
                Arrays.fill(pw, '\0');
                Arrays.fill(rep, '\0');
            }
        }, user -> {
            busy.set(false);
            password.set("");
            repeat.set("");
            onSignedIn.accept(user);
        }, failure -> {
            busy.set(false);
            password.set("");
            repeat.set("");
            if (failure instanceof PasswordNotSetException) {
                choosePassword.set(true);
            }
            error.set(message(failure));
        });
    }

    private String message(Throwable failure) {
        if (failure instanceof ValidationException v && !v.errors().isEmpty()) {
            var first = v.errors().get(0);
            return i18n.format(first.messageKey(), first.args().toArray());
        }
        return i18n.message(failure);
    }
}
