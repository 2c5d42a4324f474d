package org.deskcrm.model.call;

import java.time.Instant;

/** One row of the call log: the call with the names the table shows. */
public record CallRow(long id, CallDirection direction, CallStatus status, Instant startedAt, int durationSec,
                      String phoneRaw, String phoneNorm, Long clientId, String clientName, Long userId,
                      String userName, String resultNote, String recordingUrl) {
}
