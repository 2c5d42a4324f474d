package org.deskcrm.model.call;

import java.time.Instant;

/** A number that called or was called but matches no card and is on no list. */
public record UnknownNumber(String phoneNorm, String phoneRaw, int calls, int missed, Instant lastCallAt) {
}
