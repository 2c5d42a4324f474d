package org.deskcrm.model.common;

import java.util.List;

/** A validation problem of one field: the field's name, a message key and its arguments. */
public record FieldError(String field, String messageKey, List<Object> args) {
    public FieldError {
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String messageKey, Object... args) {
        return new FieldError(field, messageKey, List.of(args));
    }
}
