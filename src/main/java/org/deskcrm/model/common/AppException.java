package org.deskcrm.model.common;

import java.util.List;

/**
 * The one application exception: carries a resource-bundle key and its arguments, so that the UI
 * shows a localized sentence and never a stack trace.
 */
public class AppException extends RuntimeException {
    private final String messageKey;
    private final transient List<Object> args;

    public AppException(String messageKey, Object... args) {
        this(messageKey, null, args);
    }

    public AppException(String messageKey, Throwable cause, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + List.of(args)), cause);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
