package org.deskcrm.model.connect;

/**
 * What "Test connection" found: the outcome, the server's product and version when it answered, and a
 * one-line technical detail for a failure (never shown instead of the localized sentence, only beneath it).
 */
public record ConnectionCheck(Outcome outcome, String serverVersion, String detail) {

    public enum Outcome {
        OK, UNREACHABLE, BAD_CREDENTIALS, DATABASE_MISSING, NEWER_SCHEMA, FAILED;

        /** The resource-bundle key of the sentence the dialog shows. */
        public String messageKey() {
            return "connect.result." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static ConnectionCheck ok(String serverVersion) {
        return new ConnectionCheck(Outcome.OK, serverVersion, "");
    }

    public static ConnectionCheck failed(Outcome outcome, String detail) {
        return new ConnectionCheck(outcome, "", detail == null ? "" : detail);
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }
}
