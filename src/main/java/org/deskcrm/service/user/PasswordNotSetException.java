package org.deskcrm.service.user;

import org.deskcrm.model.common.AppException;

/**
 * Sign-in of a person who has no password yet (an imported person): the sign-in window asks the
 * person to choose one ({@link AuthService#setFirstPassword}).
 */
public class PasswordNotSetException extends AppException {
    public PasswordNotSetException() {
        super("auth.error.passwordNotSet");
    }
}
