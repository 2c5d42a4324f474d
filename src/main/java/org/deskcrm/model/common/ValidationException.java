package org.deskcrm.model.common;

import java.util.List;

/** Input that cannot be saved; each error names its field so the UI shows it at that field. */
public class ValidationException extends AppException {
    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("error.validation", errors.size());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
