package org.deskcrm.model.call;

import java.time.Instant;

/** One call of the call log. {@code externalKey} identifies an imported PBX row (idempotent re-import). */
public record Call(Long id, CallDirection direction, CallStatus status, Instant startedAt, int durationSec,
                   String phoneRaw, String phoneNorm, Long clientId, Long contactId, Long userId,
                   String resultNote, String recordingUrl, String externalKey) {
}
