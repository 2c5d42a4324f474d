package org.deskcrm.model.call;

import java.time.Instant;

/**
 * What the call log shows: a period [from, to), a direction, a status, a manager, a client; any of
 * them null means "any". {@code unmatchedOnly} keeps calls with no client.
 */
public record CallFilter(Instant from, Instant to, CallDirection direction, CallStatus status, Long userId,
                         Long clientId, boolean unmatchedOnly) {
    public static final CallFilter ALL = new CallFilter(null, null, null, null, null, null, false);

    public CallFilter withPeriod(Instant newFrom, Instant newTo) {
        return new CallFilter(newFrom, newTo, direction, status, userId, clientId, unmatchedOnly);
    }

    public CallFilter withDirection(CallDirection d) {
        return new CallFilter(from, to, d, status, userId, clientId, unmatchedOnly);
    }

    public CallFilter withStatus(CallStatus s) {
        return new CallFilter(from, to, direction, s, userId, clientId, unmatchedOnly);
    }

    public CallFilter withUser(Long u) {
        return new CallFilter(from, to, direction, status, u, clientId, unmatchedOnly);
    }

    public CallFilter withClient(Long c) {
        return new CallFilter(from, to, direction, status, userId, c, unmatchedOnly);
    }

    public CallFilter withUnmatchedOnly(boolean value) {
        return new CallFilter(from, to, direction, status, userId, clientId, value);
    }
}
